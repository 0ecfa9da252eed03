using System.Collections.Concurrent;
using System.Management.Automation;
using Pop3Tools.Engine.Protocol;

namespace Pop3Tools.Commands
{
    /// <summary>
    /// The dialogue of attempts running on other threads, queued for the pipeline thread
    /// (the only one allowed to write to a cmdlet's streams), each line tagged with its attempt.
    /// Lines arrive already redacted by the engine.
    /// </summary>
    internal sealed class QueuedProtocolLog
    {
        private readonly BlockingCollection<(bool Verbose, string Text)> lines = new BlockingCollection<(bool, string)>();

        /// <summary>A log for one attempt, e.g. "[995/Tls] ".</summary>
        internal IPop3ProtocolLog For(string label) => new Attempt(this, "[" + label + "] ");

        /// <summary>Writes what has arrived, waiting up to <paramref name="wait"/> for the first line.</summary>
        internal void Pump(Pop3Cmdlet cmdlet, int wait)
        {
            while (lines.TryTake(out var line, wait))
            {
                if (line.Verbose) cmdlet.WriteStep(line.Text);
                else cmdlet.WriteDialogue(line.Text);
                wait = 0;
            }
        }

        private sealed class Attempt : IPop3ProtocolLog
        {
            private readonly QueuedProtocolLog owner;
            private readonly string prefix;

            internal Attempt(QueuedProtocolLog owner, string prefix)
            {
                this.owner = owner;
                this.prefix = prefix;
            }

            public void Step(string message) => owner.lines.Add((true, prefix + message));

            public void Sent(string line) => owner.lines.Add((false, prefix + "C: " + line));

            public void Received(string line) => owner.lines.Add((false, prefix + "S: " + line));
        }
    }
}
