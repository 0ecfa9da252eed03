using System.Collections.Generic;
using System.Management.Automation;

namespace Pop3Tools.Commands
{
    /// <summary>
    /// Disconnect-Pop3: ends a session with QUIT, which commits its pending
    /// deletions, or with -Discard rolls them back first (RSET).
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Pop3", HelpUri = HelpLinks.Cmdlets)]
    [OutputType(typeof(Pop3Session))]
    public sealed class DisconnectPop3Command : Pop3SessionCmdlet
    {
        private readonly List<Pop3Session> _sessions = new List<Pop3Session>();

        [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public override Pop3Session? Session { get; set; }

        [Parameter]
        public SwitchParameter Discard { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>
        /// Only collects: objects piped in from Get-Pop3Message arrive while that
        /// cmdlet is still reading from the same session, and each carries it.
        /// Each session is closed once, after the upstream commands are done.
        /// </summary>
        protected override void ProcessRecord()
        {
            Pop3Session session = ResolveSession();
            if (!_sessions.Contains(session))
            {
                _sessions.Add(session);
            }
        }

        protected override void EndProcessing()
        {
            foreach (Pop3Session session in _sessions)
            {
                Close(session);
            }
        }

        /// <remarks>
        /// A session that closes, also through DeletionsNotCommitted, forgets itself as the
        /// runspace default (SessionRegistry). One whose Disconnect was stopped before QUIT
        /// stays: it is still usable, or still owes the report of its lost deletions.
        /// </remarks>
        private void Close(Pop3Session session)
        {
            UseSession(session, () =>
            {
                if (Discard)
                {
                    int discarded = session.PendingDeletions;
                    session.Discard(CancellationToken);
                    WriteStep($"Disconnected from {session.Server}; {Plural.Of(discarded, "pending deletion")} discarded, no message deleted.");
                }
                else
                {
                    int deleted = session.Disconnect(CancellationToken);
                    WriteStep($"Disconnected from {session.Server}; {Plural.Of(deleted, "message")} deleted.");
                }
                if (PassThru)
                {
                    WriteObject(session);
                }
            });
        }
    }
}
