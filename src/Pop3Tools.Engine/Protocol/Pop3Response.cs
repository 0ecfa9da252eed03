using System;

namespace Pop3Tools.Engine.Protocol
{
    internal enum Pop3ResponseStatus
    {
        Ok,
        Err,
        /// <summary>"+ " SASL continuation (RFC 5034).</summary>
        Continuation,
    }

    /// <summary>One status line: +OK / -ERR / "+ ", with its RFC 2449 response code split off.</summary>
    internal sealed class Pop3Response
    {
        private Pop3Response(Pop3ResponseStatus status, string? code, string text)
        {
            Status = status;
            Code = code;
            Text = text;
        }

        public Pop3ResponseStatus Status { get; }

        /// <summary>The bracketed response code, e.g. "SYS/TEMP", without brackets.</summary>
        public string? Code { get; }

        /// <summary>What follows the status (and code), trimmed.</summary>
        public string Text { get; }

        public bool IsOk => Status == Pop3ResponseStatus.Ok;

        /// <summary>Parses a status line; anything that is not +OK, -ERR or (when allowed) "+ " breaks RFC 1939.</summary>
        public static Pop3Response Parse(string line, bool allowContinuation)
        {
            if (StartsWithStatus(line, "+OK")) return WithCode(Pop3ResponseStatus.Ok, line.Substring(3));
            if (StartsWithStatus(line, "-ERR")) return WithCode(Pop3ResponseStatus.Err, line.Substring(4));
            if (allowContinuation && (line == "+" || line.StartsWith("+ ", StringComparison.Ordinal)))
            {
                return new Pop3Response(Pop3ResponseStatus.Continuation, null, line.Length > 2 ? line.Substring(2).Trim() : string.Empty);
            }
            throw new Pop3Exception(Pop3ErrorKind.ProtocolError,
                "The server sent a reply that is neither +OK nor -ERR: \"" + Abbreviate(line) + "\".");
        }

        private static bool StartsWithStatus(string line, string status) =>
            line.StartsWith(status, StringComparison.OrdinalIgnoreCase)
            && (line.Length == status.Length || line[status.Length] == ' ' || line[status.Length] == '\t');

        private static Pop3Response WithCode(Pop3ResponseStatus status, string rest)
        {
            var text = rest.Trim();
            if (text.StartsWith("[", StringComparison.Ordinal))
            {
                var close = text.IndexOf(']');
                if (close > 1)
                {
                    var code = text.Substring(1, close - 1).Trim();
                    return new Pop3Response(status, code.ToUpperInvariant(), text.Substring(close + 1).Trim());
                }
            }
            return new Pop3Response(status, null, text);
        }

        /// <summary>Keeps error messages readable when a server sends a huge or binary line.</summary>
        internal static string Abbreviate(string line)
        {
            const int max = 120;
            var shown = line.Length > max ? line.Substring(0, max) + "..." : line;
            var chars = shown.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (char.IsControl(chars[i])) chars[i] = '?';
            }
            return new string(chars);
        }
    }
}
