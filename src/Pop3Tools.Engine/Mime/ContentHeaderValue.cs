using System;
using System.Collections.Generic;
using System.Text;

namespace Pop3Tools.Engine.Mime
{
    /// <summary>
    /// A Content-Type or Content-Disposition value (RFC 2045 §5.1, RFC 2183): the leading
    /// token (<c>text/plain</c>, <c>attachment</c>) and its parameters, RFC 2231 assembled.
    /// Tolerates comments, spaces in unquoted values, missing closing quotes and stray ';'.
    /// </summary>
    internal sealed class ContentHeaderValue
    {
        private readonly Dictionary<string, string> parameters;

        private ContentHeaderValue(string value, Dictionary<string, string> parameters)
        {
            Value = value;
            this.parameters = parameters;
        }

        /// <summary>The leading token in lower case, e.g. <c>multipart/mixed</c>; empty when absent.</summary>
        public string Value { get; }

        /// <summary>Parameters by case-insensitive name, values decoded.</summary>
        public IReadOnlyDictionary<string, string> Parameters => parameters;

        /// <summary>A parameter's value, RFC 2231 assembled and decoded, or null.</summary>
        public string? this[string name] => parameters.TryGetValue(name, out var value) ? value : null;

        /// <summary>
        /// A parameter meant for people (a file name): also decodes RFC 2047 encoded words,
        /// which mailers put in quoted <c>name</c> and <c>filename</c> values against the rules.
        /// </summary>
        public string? GetText(string name)
        {
            var value = this[name];
            return value == null ? null : EncodedWordDecoder.Decode(value);
        }

        public static ContentHeaderValue Parse(string rawValue)
        {
            var text = rawValue ?? string.Empty;
            var position = 0;
            var value = ReadUntilSemicolon(text, ref position, dropComments: true).Trim().ToLowerInvariant();
            var raw = new List<KeyValuePair<string, string>>();

            while (position < text.Length)
            {
                position++;
                var name = ReadName(text, ref position);
                if (position >= text.Length || text[position] != '=')
                {
                    // A parameter without '=' is noise; skip to the next one.
                    ReadUntilSemicolon(text, ref position, dropComments: false);
                    continue;
                }

                position++;
                SkipWhitespace(text, ref position);
                string parameterValue;
                if (position < text.Length && text[position] == '"')
                {
                    parameterValue = ReadQuoted(text, ref position);
                    ReadUntilSemicolon(text, ref position, dropComments: true);
                }
                else
                {
                    // Unquoted values keep parentheses: "name=report(1).pdf" from broken mailers is
                    // far more common than a comment inside a parameter value.
                    parameterValue = ReadUntilSemicolon(text, ref position, dropComments: false).Trim();
                }

                if (name.Length > 0)
                {
                    raw.Add(new KeyValuePair<string, string>(name, parameterValue));
                }
            }

            return new ContentHeaderValue(value, Rfc2231Decoder.Decode(raw));
        }

        private static string ReadName(string text, ref int position)
        {
            var start = position;
            while (position < text.Length && text[position] != '=' && text[position] != ';')
            {
                position++;
            }

            return text.Substring(start, position - start).Trim();
        }

        /// <summary>Reads up to the next ';' (left unconsumed); a ';' inside a dropped comment does not count.</summary>
        private static string ReadUntilSemicolon(string text, ref int position, bool dropComments)
        {
            var result = new StringBuilder();
            var depth = 0;
            while (position < text.Length)
            {
                var c = text[position];
                if (depth == 0 && c == ';')
                {
                    break;
                }

                position++;
                if (!dropComments)
                {
                    result.Append(c);
                }
                else if (c == '(')
                {
                    depth++;
                }
                else if (c == ')' && depth > 0)
                {
                    depth--;
                }
                else if (depth == 0)
                {
                    result.Append(c);
                }
            }

            return result.ToString();
        }

        private static string ReadQuoted(string text, ref int position)
        {
            var result = new StringBuilder();
            position++;
            while (position < text.Length)
            {
                var c = text[position++];
                if (c == '"')
                {
                    break;
                }

                // Windows paths in broken filenames ("C:\dir\a.txt") keep their backslashes
                // unless the next character is one that needs escaping.
                if (c == '\\' && position < text.Length && (text[position] == '"' || text[position] == '\\'))
                {
                    c = text[position++];
                }

                result.Append(c);
            }

            return result.ToString();
        }

        private static void SkipWhitespace(string text, ref int position)
        {
            while (position < text.Length && (text[position] == ' ' || text[position] == '\t'))
            {
                position++;
            }
        }
    }
}
