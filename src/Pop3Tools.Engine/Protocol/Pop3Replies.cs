namespace Pop3Tools.Engine.Protocol
{
    public sealed class Pop3Stat
    {
        public Pop3Stat(int count, long size) { Count = count; Size = size; }
        public int Count { get; }
        public long Size { get; }
    }

    public sealed class Pop3ListEntry
    {
        public Pop3ListEntry(int number, long size) { Number = number; Size = size; }
        public int Number { get; }
        public long Size { get; }
    }

    public sealed class Pop3UidEntry
    {
        public Pop3UidEntry(int number, string uid) { Number = number; Uid = uid; }
        public int Number { get; }
        public string Uid { get; }
    }
}
