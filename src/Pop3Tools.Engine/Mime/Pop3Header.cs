using MimeKit;

namespace Pop3Tools
{
    /// <summary>One header field of a message, as PowerShell users see it in <c>Headers</c>.</summary>
    /// <remarks>
    /// Values are decoded on first use: a listing of thousands of messages reads a few
    /// fields of each, so decoding every field up front would be wasted work.
    /// </remarks>
    public sealed class Pop3Header
    {
        private readonly Header? header;
        private string? value;
        private string? rawValue;

        public Pop3Header(string name, string value, string rawValue)
        {
            Name = name;
            this.value = value;
            this.rawValue = rawValue;
        }

        internal Pop3Header(Header header)
        {
            this.header = header;
            Name = header.Field;
        }

        /// <summary>The field name as the message spells it, e.g. <c>Subject</c>.</summary>
        public string Name { get; }

        /// <summary>The unfolded value with RFC 2047 encoded words decoded.</summary>
        public string Value => value ??= header!.Value.Trim();

        /// <summary>The unfolded value exactly as sent (encoded words left alone).</summary>
        public string RawValue => rawValue ??= Pop3Tools.Engine.Mime.HeaderText.Unfolded(header!.RawValue);

        public override string ToString() => Name + ": " + Value;
    }
}
