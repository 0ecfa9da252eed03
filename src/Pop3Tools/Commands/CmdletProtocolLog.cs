using System;
using System.Management.Automation;
using Pop3Tools.Engine.Protocol;

namespace Pop3Tools.Commands
{
    /// <summary>
    /// Protocol steps as verbose lines, the dialogue as debug lines (host text under -Debug:
    /// see <see cref="Pop3Cmdlet"/>). The engine calls it synchronously on the pipeline
    /// thread, where Write* is legal, and has already redacted passwords, SASL payloads and tokens.
    /// </summary>
    internal sealed class CmdletProtocolLog : IPop3ProtocolLog
    {
        private readonly Pop3Cmdlet _cmdlet;
        private readonly bool _dialogueShown;

        internal CmdletProtocolLog(Pop3Cmdlet cmdlet)
        {
            _cmdlet = cmdlet;
            _dialogueShown = cmdlet.DialogueShown();
        }

        public void Step(string message) => Write(() => _cmdlet.WriteStep(message));

        public void Sent(string line)
        {
            if (_dialogueShown) Write(() => _cmdlet.WriteDialogue("C: " + line));
        }

        public void Received(string line)
        {
            if (_dialogueShown) Write(() => _cmdlet.WriteDialogue("S: " + line));
        }

        /// <summary>
        /// Once the user pressed Ctrl+C every Write* throws PipelineStoppedException. A log line
        /// is not worth breaking the engine's exchange for: the stop itself reaches the engine
        /// through the cancellation token, which ends the exchange where it can be resumed.
        /// </summary>
        private static void Write(Action write)
        {
            try
            {
                write();
            }
            catch (PipelineStoppedException)
            {
            }
        }
    }
}
