namespace Pop3Tools.Engine.Protocol
{
    /// <summary>
    /// The caller's optional log, plus the one marker that stands in for every secret
    /// (password, SASL payload, token) so redaction looks the same everywhere.
    /// </summary>
    internal sealed class ProtocolLog
    {
        public const string Redacted = "********";

        private readonly IPop3ProtocolLog? target;

        public ProtocolLog(IPop3ProtocolLog? target) => this.target = target;

        public void Step(string message) => target?.Step(message);

        public void Sent(string line) => target?.Sent(line);

        public void Received(string line) => target?.Received(line);
    }
}
