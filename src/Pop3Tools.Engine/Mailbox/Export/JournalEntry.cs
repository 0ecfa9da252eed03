namespace Pop3Tools.Engine.Mailbox.Export
{
    /// <summary>One durable save as the folder's journal records it.</summary>
    internal sealed class JournalEntry
    {
        public JournalEntry(string mailbox, string uid, string fileName, long size, string sha256)
        {
            Mailbox = mailbox;
            Uid = uid;
            FileName = fileName;
            Size = size;
            Sha256 = sha256;
        }

        /// <summary>"user@server": two mailboxes exported into one folder keep apart.</summary>
        public string Mailbox { get; }

        public string Uid { get; }

        /// <summary>The file's name inside the folder, never a path.</summary>
        public string FileName { get; }

        public long Size { get; }

        public string Sha256 { get; }
    }
}
