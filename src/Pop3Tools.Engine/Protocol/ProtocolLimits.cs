namespace Pop3Tools.Engine.Protocol
{
    /// <summary>
    /// Bounds on what a server may send, so a broken or hostile server cannot make
    /// the client allocate without limit or loop forever.
    /// </summary>
    internal static class ProtocolLimits
    {
        /// <summary>
        /// A status or list line (RFC 2449 allows 512 octets; 8 KiB leaves room for
        /// long SASL continuations and chatty servers).
        /// </summary>
        public const int MaxStatusLineBytes = 8 * 1024;

        /// <summary>
        /// One line of message data. Lines are streamed, never buffered, so this is a
        /// sanity bound against a runaway reply rather than a memory bound: RFC 5322 caps
        /// lines at 998 octets, yet real mail carries unwrapped base64/HTML lines of
        /// hundreds of KiB, so 1 MiB tolerates them while still catching a stream with no line ends.
        /// </summary>
        public const int MaxDataLineBytes = 1024 * 1024;

        /// <summary>
        /// The most bytes a RETR/TOP reply may take on the wire for a message LIST gave
        /// <paramref name="listedSize"/> octets: twice that (a server that counts LF line ends
        /// sends CRLF, and dot-stuffing adds a byte per line) plus 64 KiB of slack.
        /// </summary>
        public static long MaxReplyBytesFor(long listedSize) =>
            listedSize < 0 || listedSize > long.MaxValue / 4 ? long.MaxValue : 2 * listedSize + 64 * 1024;

        /// <summary>LIST and UIDL entries: far above any real mailbox, far below memory trouble.</summary>
        public const int MaxListEntries = 1000000;

        /// <summary>CAPA lines: real servers send about a dozen.</summary>
        public const int MaxCapabilityLines = 1000;

        /// <summary>SASL continuations in one AUTH exchange (SCRAM needs two).</summary>
        public const int MaxSaslRounds = 16;

        /// <summary>
        /// RFC 5034 section 4 with RFC 2449 section 4: an AUTH command with its initial response
        /// must fit 255 octets, the terminating CRLF included.
        /// </summary>
        public const int MaxAuthCommandBytes = 255;
    }
}
