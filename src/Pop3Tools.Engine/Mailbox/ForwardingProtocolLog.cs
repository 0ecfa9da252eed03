using Pop3Tools.Engine.Protocol;

namespace Pop3Tools.Engine.Mailbox
{
    /// <summary>
    /// The log a session hands its client once, at connect: each cmdlet call points
    /// <see cref="Target"/> at its own verbose/debug streams, so a session shared across
    /// calls (and runspaces) writes to whichever caller currently holds it.
    /// </summary>
    internal sealed class ForwardingProtocolLog : IPop3ProtocolLog
    {
        private volatile IPop3ProtocolLog? _target;

        public ForwardingProtocolLog(IPop3ProtocolLog? target)
        {
            _target = target;
        }

        public IPop3ProtocolLog? Target
        {
            get => _target;
            set => _target = value;
        }

        public void Step(string message) => _target?.Step(message);

        public void Sent(string line) => _target?.Sent(line);

        public void Received(string line) => _target?.Received(line);
    }
}
