namespace Pop3Tools.Engine.Mime
{
    /// <summary>One header field as read: its name, its value unfolded, and the exact bytes it occupied.</summary>
    internal sealed class HeaderField
    {
        public HeaderField(string name, string rawValue, byte[] rawBytes)
        {
            Name = name;
            RawValue = rawValue;
            RawBytes = rawBytes;
        }

        public string Name { get; }

        /// <summary>The value after the colon, unfolded and trimmed, 8-bit bytes decoded but encoded words not.</summary>
        public string RawValue { get; }

        /// <summary>The whole field, name to final line break, byte for byte as the message held it.</summary>
        public byte[] RawBytes { get; }
    }
}
