using System;
using System.Collections.Generic;
using System.Globalization;

namespace Pop3Tools.Engine.Protocol
{
    /// <summary>The server's CAPA reply (RFC 2449), parsed.</summary>
    public sealed class Pop3Capabilities
    {
        private static readonly char[] Blanks = { ' ', '\t' };

        private readonly Dictionary<string, string[]> arguments = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);

        /// <summary>A server without CAPA (plain RFC 1939) has no capabilities.</summary>
        internal static readonly Pop3Capabilities Empty = new Pop3Capabilities(Array.Empty<string>());

        internal Pop3Capabilities(IReadOnlyList<string> lines)
        {
            Lines = lines;
            foreach (var line in lines)
            {
                var words = line.Split(Blanks, StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0 || arguments.ContainsKey(words[0])) continue;
                var rest = new string[words.Length - 1];
                Array.Copy(words, 1, rest, 0, rest.Length);
                arguments[words[0]] = rest;
            }
            var sasl = new List<string>();
            if (arguments.TryGetValue("SASL", out var mechanisms))
            {
                foreach (var mechanism in mechanisms) sasl.Add(mechanism.ToUpperInvariant());
            }
            SaslMechanisms = sasl;
            Implementation = ArgumentText("IMPLEMENTATION");
            Expire = ArgumentText("EXPIRE");
            LoginDelaySeconds = ParseSeconds(ArgumentText("LOGIN-DELAY"));
        }

        /// <summary>The lines as the server sent them.</summary>
        public IReadOnlyList<string> Lines { get; }

        /// <summary>Whether a capability tag is present (case-insensitive).</summary>
        public bool Has(string tag) => tag != null && arguments.ContainsKey(tag);

        /// <summary>SASL mechanism names, upper case.</summary>
        public IReadOnlyList<string> SaslMechanisms { get; }
        public bool Pipelining => Has("PIPELINING");
        public bool Top => Has("TOP");
        public bool Uidl => Has("UIDL");
        public bool User => Has("USER");
        public bool Stls => Has("STLS");
        public bool RespCodes => Has("RESP-CODES");
        public bool AuthRespCode => Has("AUTH-RESP-CODE");
        /// <summary>RFC 6856 UTF8 support (parsed only: the client sends no UTF8 command).</summary>
        public bool Utf8 => Has("UTF8");
        public string? Implementation { get; }
        /// <summary>LOGIN-DELAY in seconds, if advertised.</summary>
        public int? LoginDelaySeconds { get; }
        /// <summary>EXPIRE argument ("NEVER", a number of days, ...), if advertised.</summary>
        public string? Expire { get; }

        /// <summary>The arguments after a tag joined by one space; null if the tag is absent or bare.</summary>
        private string? ArgumentText(string tag) =>
            arguments.TryGetValue(tag, out var words) && words.Length > 0 ? string.Join(" ", words) : null;

        private static int? ParseSeconds(string? text)
        {
            if (text == null) return null;
            // "LOGIN-DELAY 900 USER" (RFC 2449 section 6.5): the number comes first.
            var first = text.Split(' ')[0];
            return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : (int?)null;
        }
    }
}
