using System;
using System.Collections;
using System.Collections.Generic;

namespace Pop3Tools
{
    /// <summary>
    /// The header fields of a message in their original order. Names compare
    /// case-insensitively, as RFC 5322 says, so <c>$m.Headers['subject']</c> works.
    /// </summary>
    public sealed class Pop3HeaderCollection : IReadOnlyList<Pop3Header>
    {
        private readonly Pop3Header[] fields;

        internal Pop3HeaderCollection(Pop3Header[] fields)
        {
            this.fields = fields;
        }

        public Pop3HeaderCollection(IEnumerable<Pop3Header> fields)
        {
            if (fields == null)
            {
                throw new ArgumentNullException(nameof(fields));
            }

            this.fields = new List<Pop3Header>(fields).ToArray();
        }

        public static Pop3HeaderCollection Empty { get; } = new Pop3HeaderCollection(Array.Empty<Pop3Header>());

        public int Count => fields.Length;

        public Pop3Header this[int index] => fields[index];

        /// <summary>The decoded value of the first field of that name, or null when there is none.</summary>
        public string? this[string name]
        {
            get
            {
                foreach (var field in fields)
                {
                    if (IsNamed(field, name))
                    {
                        return field.Value;
                    }
                }

                return null;
            }
        }

        /// <summary>The decoded values of every field of that name, in message order (empty when none).</summary>
        public string[] GetAll(string name)
        {
            var values = new List<string>();
            foreach (var field in fields)
            {
                if (IsNamed(field, name))
                {
                    values.Add(field.Value);
                }
            }

            return values.ToArray();
        }

        /// <summary>The fields of that name themselves, for callers that need the raw values.</summary>
        public IReadOnlyList<Pop3Header> GetFields(string name)
        {
            var matches = new List<Pop3Header>();
            foreach (var field in fields)
            {
                if (IsNamed(field, name))
                {
                    matches.Add(field);
                }
            }

            return matches;
        }

        public bool Contains(string name)
        {
            foreach (var field in fields)
            {
                if (IsNamed(field, name))
                {
                    return true;
                }
            }

            return false;
        }

        public IEnumerator<Pop3Header> GetEnumerator() => ((IEnumerable<Pop3Header>)fields).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private static bool IsNamed(Pop3Header field, string name) =>
            string.Equals(field.Name, name, StringComparison.OrdinalIgnoreCase);
    }
}
