namespace Pop3Tools.Engine.Mime
{
    /// <summary>One header field as read: its name and its value unfolded.</summary>
    internal sealed class HeaderField
    {
        public HeaderField(string name, string rawValue)
        {
            Name = name;
            RawValue = rawValue;
        }

        public string Name { get; }

        /// <summary>The value after the colon, unfolded and trimmed, 8-bit bytes decoded but encoded words not.</summary>
        public string RawValue { get; }
    }
}
