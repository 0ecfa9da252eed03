namespace Pop3Tools
{
    /// <summary>One mailbox from an address header (From, To, Cc, Reply-To...).</summary>
    public sealed class Pop3MailAddress
    {
        public Pop3MailAddress(string displayName, string address)
        {
            DisplayName = displayName ?? string.Empty;
            Address = address ?? string.Empty;
        }

        /// <summary>The decoded display name; empty when the header gave none.</summary>
        public string DisplayName { get; }

        /// <summary>The addr-spec, e.g. <c>jdoe@example.com</c>; a quoted local part keeps its quotes.</summary>
        public string Address { get; }

        /// <summary><c>Name &lt;addr&gt;</c>, or just <c>addr</c> without a display name.</summary>
        public override string ToString() =>
            DisplayName.Length == 0 ? Address : DisplayName + " <" + Address + ">";
    }
}
