using System.Collections.Concurrent;
using Pop3Tools.Engine.Protocol;

namespace Pop3Tools.Engine.Tests.Mailbox
{
    internal sealed class RecordingProtocolLog : IPop3ProtocolLog
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public void Step(string message) => Lines.Enqueue("STEP " + message);

        public void Sent(string line) => Lines.Enqueue("C: " + line);

        public void Received(string line) => Lines.Enqueue("S: " + line);
    }
}
