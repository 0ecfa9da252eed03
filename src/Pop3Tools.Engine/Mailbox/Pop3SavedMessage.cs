using System;

namespace Pop3Tools
{
    /// <summary>One message Receive-Pop3Message -Path saved to disk: where, what it hashes to, and whether it was marked for deletion.</summary>
    public sealed class Pop3SavedMessage
    {
        internal Pop3SavedMessage(Pop3MessageInfo listing, string path, long savedSize, string sha256, string? subject, string? from, DateTimeOffset? date)
        {
            Session = listing.Session;
            Number = listing.Number;
            Uid = listing.Uid;
            Size = savedSize;
            Path = path;
            Sha256 = sha256;
            Subject = subject;
            From = from;
            Date = date;
        }

        public Pop3Session Session { get; }

        /// <summary>The message number in the session that saved it.</summary>
        public int Number { get; }

        public string Uid { get; }

        /// <summary>Octets written: exactly the bytes the server sent (CRLF line ends).</summary>
        public long Size { get; }

        /// <summary>Full path of the .eml file.</summary>
        public string Path { get; }

        /// <summary>SHA-256 of the file, upper-case hex (as Get-FileHash shows it).</summary>
        public string Sha256 { get; }

        /// <summary>Decoded subject from the header block; null when it could not be read.</summary>
        public string? Subject { get; }

        /// <summary>The first From address as "Name &lt;addr&gt;" (or "addr").</summary>
        public string? From { get; }

        public DateTimeOffset? Date { get; }

        /// <summary>True once DELE was accepted for it in this session; Disconnect-Pop3 commits it.</summary>
        public bool Deleted { get; internal set; }

        public override string ToString() => Path;
    }
}
