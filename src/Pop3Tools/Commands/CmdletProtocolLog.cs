using System;
using System.Management.Automation;
using Pop3Tools.Engine.Protocol;

namespace Pop3Tools.Commands
{
    /// <summary>
    /// Protocol steps as verbose lines, the dialogue as debug lines. The engine
    /// calls it synchronously on the pipeline thread, where Write* is legal, and
    /// has already redacted passwords, SASL payloads and tokens.
    /// </summary>
    /// <remarks>
    /// -Debug on a compiled cmdlet sets its debug preference to Inquire (Windows PowerShell
    /// 5.1 and PowerShell 7.6 alike), so each WriteDebug would stop at a Continue/Halt
    /// prompt: a POP3 dialogue would interrogate the user line by line. With -Debug the
    /// dialogue therefore goes to the information stream as host text ("DEBUG: C: ..."),
    /// which shows at once like Write-Host, never prompts, and can be captured with 6>&1 or
    /// silenced with -InformationAction Ignore. Without -Debug, WriteDebug and the caller's
    /// $DebugPreference decide as usual (Continue shows the lines; an explicit Inquire asks,
    /// as asked).
    /// </remarks>
    internal sealed class CmdletProtocolLog : IPop3ProtocolLog
    {
        /// <summary>The tag of dialogue lines in the information stream.</summary>
        internal const string DialogueTag = "Pop3Tools.Dialogue";

        private static readonly string[] DialogueTags = { DialogueTag, "PSHOST" };

        private readonly Cmdlet _cmdlet;
        private readonly bool _dialogueAsHostText;

        internal CmdletProtocolLog(Cmdlet cmdlet, bool dialogueAsHostText)
        {
            _cmdlet = cmdlet;
            _dialogueAsHostText = dialogueAsHostText;
        }

        public void Step(string message) => Write(() => _cmdlet.WriteVerbose(message));

        public void Sent(string line) => Dialogue("C: " + line);

        public void Received(string line) => Dialogue("S: " + line);

        private void Dialogue(string line)
        {
            if (!_dialogueAsHostText)
            {
                Write(() => _cmdlet.WriteDebug(line));
                return;
            }
            var text = new HostInformationMessage
            {
                Message = "DEBUG: " + line,
                ForegroundColor = ConsoleColor.Yellow,
                NoNewLine = false,
            };
            Write(() => _cmdlet.WriteInformation(text, DialogueTags));
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
