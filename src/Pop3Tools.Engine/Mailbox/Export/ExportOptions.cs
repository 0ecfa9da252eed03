namespace Pop3Tools.Engine.Mailbox.Export
{
    /// <summary>What Receive-Pop3Message -Path asks of an export.</summary>
    internal sealed class ExportOptions
    {
        public ExportOptions(string folder)
        {
            Folder = folder;
        }

        public string Folder { get; }

        /// <summary>Mark each message for deletion once its save is durable and journaled.</summary>
        public bool Delete { get; set; }

        /// <summary>Download and save again what the journal says is saved already.</summary>
        public bool Force { get; set; }

        /// <summary>
        /// Messages per durable commit: the folder and the journal are flushed once per group
        /// rather than once per message.
        /// </summary>
        public int GroupSize { get; set; } = 64;

        /// <summary>Bytes per group: with big messages a group closes sooner, so fewer files wait open.</summary>
        public long GroupBytes { get; set; } = 32L * 1024 * 1024;
    }
}
