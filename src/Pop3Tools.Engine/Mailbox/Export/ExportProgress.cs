namespace Pop3Tools.Engine.Mailbox.Export
{
    /// <summary>How far an export is: messages and bytes to download, not counting those already saved.</summary>
    internal readonly struct ExportProgress
    {
        public ExportProgress(int messagesDone, int messagesTotal, long bytesDone, long bytesTotal)
        {
            MessagesDone = messagesDone;
            MessagesTotal = messagesTotal;
            BytesDone = bytesDone;
            BytesTotal = bytesTotal;
        }

        public int MessagesDone { get; }
        public int MessagesTotal { get; }
        public long BytesDone { get; }
        public long BytesTotal { get; }
    }
}
