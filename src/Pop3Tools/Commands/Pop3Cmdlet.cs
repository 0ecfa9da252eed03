using System;
using System.Management.Automation;
using System.Threading;
using Pop3Tools.Engine.Protocol;

namespace Pop3Tools.Commands
{
    /// <summary>
    /// What every Pop3Tools cmdlet shares: Ctrl+C cancels the network call in
    /// flight, engine failures become ErrorRecords with the module's stable ids,
    /// and the engine's protocol log reaches the verbose and debug streams.
    /// </summary>
    /// <remarks>
    /// -Debug on a compiled cmdlet sets its debug preference to Inquire, and its verbose
    /// preference too unless -Verbose is also given (seen in PowerShell 7.6; 5.1 documents
    /// the same), so every WriteDebug and WriteVerbose would stop at a Continue/Halt prompt:
    /// a POP3 dialogue would interrogate the user line by line, and a host without input
    /// fails the call. Under -Debug those lines therefore go to the information stream as
    /// host text ("VERBOSE: ...", "DEBUG: C: ..."), which shows at once like Write-Host,
    /// can be captured with 6>&amp;1 and silenced with -InformationAction Ignore. Without
    /// -Debug, the caller's preferences decide as usual.
    /// </remarks>
    public abstract class Pop3Cmdlet : PSCmdlet, IDisposable
    {
        /// <summary>Tags of the lines written as host text under -Debug: scripts filter on "Pop3Tools.Dialogue".</summary>
        private static readonly string[] HostTextTags = { "Pop3Tools.Dialogue", "PSHOST" };

        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();

        /// <summary>Passed to every engine call; cancelled by StopProcessing.</summary>
        protected CancellationToken CancellationToken => _cancellation.Token;

        /// <summary>
        /// PowerShell calls this on another thread when the user presses Ctrl+C;
        /// the blocked engine call then ends with an OperationCanceledException.
        /// </summary>
        protected override void StopProcessing() => _cancellation.Cancel();

        /// <summary>Routes the engine's redacted steps and dialogue to this cmdlet's streams.</summary>
        internal IPop3ProtocolLog CreateProtocolLog() => new CmdletProtocolLog(this);

        /// <summary>A step of the work, for -Verbose; under -Debug without -Verbose, host text that never prompts.</summary>
        internal void WriteStep(string text)
        {
            if (SwitchGiven("Debug") && !MyInvocation.BoundParameters.ContainsKey("Verbose")) WriteHostText("VERBOSE: " + text);
            else WriteVerbose(text);
        }

        /// <summary>A line of the (already redacted) POP3 dialogue, for -Debug; never a prompt.</summary>
        internal void WriteDialogue(string text)
        {
            if (SwitchGiven("Debug")) WriteHostText("DEBUG: " + text);
            else WriteDebug(text);
        }

        /// <summary>
        /// Whether dialogue lines would show at all: read once per call, since a listing logs
        /// two lines per message and each WriteDebug looks up $DebugPreference again.
        /// </summary>
        internal bool DialogueShown()
        {
            if (MyInvocation.BoundParameters.ContainsKey("Debug")) return SwitchGiven("Debug");
            var preference = SessionState.PSVariable.GetValue("DebugPreference");
            return !LanguagePrimitives.TryConvertTo(preference, out ActionPreference value)
                || (value != ActionPreference.SilentlyContinue && value != ActionPreference.Ignore);
        }

        private bool SwitchGiven(string name) =>
            MyInvocation.BoundParameters.TryGetValue(name, out object? value)
            && LanguagePrimitives.IsTrue(value);

        private void WriteHostText(string text) =>
            WriteInformation(new HostInformationMessage { Message = text, ForegroundColor = ConsoleColor.Yellow }, HostTextTags);

        /// <summary>For a failure that leaves the session (or the connect) unusable.</summary>
        protected void ThrowPop3Error(Pop3Exception exception, object? target) =>
            ThrowTerminatingError(Pop3ErrorRecord.Create(exception, target));

        /// <summary>For a failure about one message, so a bulk run goes on.</summary>
        protected void WritePop3Error(Pop3Exception exception, object? target) =>
            WriteError(Pop3ErrorRecord.Create(exception, target));

        public void Dispose()
        {
            _cancellation.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
