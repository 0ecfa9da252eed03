using System;

namespace Pop3Tools.Engine.Diagnostics
{
    /// <summary>Recognises another protocol's banner where a POP3 greeting (+OK) was expected.</summary>
    internal static class ForeignGreeting
    {
        /// <summary>"an IMAP server", "an SMTP server"..., or null when the line may be POP3.</summary>
        public static string? Identify(string line)
        {
            if (line.StartsWith("+OK", StringComparison.OrdinalIgnoreCase) || line.StartsWith("-ERR", StringComparison.OrdinalIgnoreCase)) return null;
            if (line.StartsWith("* OK", StringComparison.OrdinalIgnoreCase) || line.StartsWith("* PREAUTH", StringComparison.OrdinalIgnoreCase)
                || line.StartsWith("* BYE", StringComparison.OrdinalIgnoreCase))
            {
                return "an IMAP server";
            }
            if (line.StartsWith("220", StringComparison.Ordinal))
            {
                if (line.IndexOf("FTP", StringComparison.OrdinalIgnoreCase) >= 0) return "an FTP server";
                return "an SMTP server";
            }
            if (line.StartsWith("SSH-", StringComparison.Ordinal)) return "an SSH server";
            if (line.StartsWith("HTTP/", StringComparison.OrdinalIgnoreCase)) return "a web server";
            return "a server that does not speak POP3";
        }
    }
}
