namespace Pop3Tools
{
    /// <summary>How one diagnostic check came out.</summary>
    public enum Pop3CheckStatus
    {
        Pass,
        Warning,
        Fail,
        /// <summary>Not run: an earlier stage failed, or it needs something not given (e.g. -Credential).</summary>
        Skipped,
    }

    /// <summary>One step of a Test-Pop3Server attempt: what was checked, what was found, what to change.</summary>
    public sealed class Pop3Check
    {
        internal Pop3Check(string name, Pop3CheckStatus status, string detail, string? hint = null)
        {
            Name = name;
            Status = status;
            Detail = detail;
            Hint = hint;
        }

        /// <summary>A stable name, e.g. "TcpConnect" or "CertificateName" (see <see cref="Pop3CheckNames"/>).</summary>
        public string Name { get; }

        public Pop3CheckStatus Status { get; }

        /// <summary>What was observed, in plain words.</summary>
        public string Detail { get; }

        /// <summary>What to change, for a Warning or Fail; null when there is nothing to do.</summary>
        public string? Hint { get; }

        public override string ToString() => Name + ": " + Status + " - " + Detail;
    }

    /// <summary>The names of the checks, in the order an attempt runs them.</summary>
    public static class Pop3CheckNames
    {
        public const string NameResolution = "NameResolution";
        public const string TcpConnect = "TcpConnect";
        public const string Tls = "Tls";
        public const string CertificateTrust = "CertificateTrust";
        public const string CertificateName = "CertificateName";
        public const string CertificateValidity = "CertificateValidity";
        public const string Greeting = "Greeting";
        public const string Capabilities = "Capabilities";
        public const string StartTls = "StartTls";
        public const string Encryption = "Encryption";
        public const string AuthenticationMethods = "AuthenticationMethods";
        public const string Login = "Login";
        public const string Mailbox = "Mailbox";
    }
}
