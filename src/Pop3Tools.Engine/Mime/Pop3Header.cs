namespace Pop3Tools
{
    /// <summary>One header field of a message, as PowerShell users see it in <c>Headers</c>.</summary>
    public sealed class Pop3Header
    {
        public Pop3Header(string name, string value, string rawValue)
        {
            Name = name;
            Value = value;
            RawValue = rawValue;
        }

        /// <summary>The field name as the message spells it, e.g. <c>Subject</c>.</summary>
        public string Name { get; }

        /// <summary>The unfolded value with RFC 2047 encoded words decoded.</summary>
        public string Value { get; }

        /// <summary>The unfolded value exactly as sent (encoded words left alone).</summary>
        public string RawValue { get; }

        public override string ToString() => Name + ": " + Value;
    }
}
