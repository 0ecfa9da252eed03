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
    public abstract class Pop3Cmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();

        /// <summary>Passed to every engine call; cancelled by StopProcessing.</summary>
        protected CancellationToken CancellationToken => _cancellation.Token;

        /// <summary>
        /// PowerShell calls this on another thread when the user presses Ctrl+C;
        /// the blocked engine call then ends with an OperationCanceledException.
        /// </summary>
        protected override void StopProcessing() => _cancellation.Cancel();

        /// <summary>Routes the engine's redacted dialogue to this cmdlet's streams.</summary>
        internal IPop3ProtocolLog CreateProtocolLog() => new CmdletProtocolLog(this, DebugSwitchGiven());

        /// <summary>-Debug (not -Debug:$false) on this call: WriteDebug would prompt per line.</summary>
        private bool DebugSwitchGiven() =>
            MyInvocation.BoundParameters.TryGetValue("Debug", out object? value)
            && LanguagePrimitives.IsTrue(value);

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
