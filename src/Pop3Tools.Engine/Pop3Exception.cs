using System;

namespace Pop3Tools
{
    /// <summary>
    /// Every failure the engine reports. The message never holds a password,
    /// SASL payload or token: only our own words and the server's -ERR text.
    /// </summary>
    public sealed class Pop3Exception : Exception
    {
        public Pop3Exception(Pop3ErrorKind kind, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            Kind = kind;
        }

        public Pop3ErrorKind Kind { get; }

        /// <summary>The stable id scripts match on, e.g. <c>Pop3.Timeout</c>.</summary>
        public string ErrorId => "Pop3." + Kind;

        /// <summary>The server's -ERR text without the response code, when the server said something.</summary>
        public string? ServerText { get; set; }

        /// <summary>The RFC 2449 response code, e.g. <c>AUTH</c> or <c>SYS/TEMP</c>.</summary>
        public string? ResponseCode { get; set; }

        /// <summary>What the user can try, e.g. the port/security mix-up behind a failed handshake.</summary>
        public string? Hint { get; set; }

        /// <summary>The UID (string) or message number (int) a per-message failure is about.</summary>
        public object? Target { get; set; }
    }
}
