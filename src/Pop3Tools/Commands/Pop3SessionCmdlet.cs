using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Pop3Tools.Engine.Mailbox;

namespace Pop3Tools.Commands
{
    /// <summary>
    /// A cmdlet that works on an open session: the one given with -Session, else
    /// the default session of the current runspace.
    /// </summary>
    public abstract class Pop3SessionCmdlet : Pop3Cmdlet
    {
        /// <summary>
        /// Declared by each cmdlet with its own [Parameter] attributes, because
        /// only some of them take a session from the pipeline by value.
        /// </summary>
        public abstract Pop3Session? Session { get; set; }

        /// <summary>-Session, else the runspace default; terminates when there is neither.</summary>
        protected Pop3Session ResolveSession()
        {
            Pop3Session? session = Session ?? SessionRegistry.Instance.GetDefault(Runspace.DefaultRunspace);
            if (session == null)
            {
                var noSession = new Pop3Exception(Pop3ErrorKind.SessionClosed,
                    "There is no open POP3 session in this runspace.")
                {
                    Hint = "Run Connect-Pop3 first, or pass a session with -Session.",
                };
                ThrowPop3Error(noSession, null);
            }
            return session!; // ThrowTerminatingError does not return
        }

        /// <summary>
        /// Runs engine work on <paramref name="session"/> with its protocol log
        /// pointed at this cmdlet. A failure the engine throws leaves the session
        /// unusable and terminates; per-message failures arrive through the
        /// engine's callbacks instead. After Ctrl+C it just returns.
        /// </summary>
        protected void UseSession(Pop3Session session, Action work)
        {
            // Restore rather than clear: an upstream cmdlet of the same pipeline may
            // be in the middle of its own call on this session (we run inside its callback).
            var previousLog = session.Log;
            session.Log = CreateProtocolLog();
            try
            {
                work();
            }
            catch (Pop3Exception exception)
            {
                ThrowPop3Error(exception, session.Server);
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                // PowerShell reports the stop itself.
            }
            finally
            {
                session.Log = previousLog;
            }
        }

        /// <summary>
        /// The TargetObject of an error about one message: its UID, or its number when
        /// the server has no UIDL (an empty UID would name nothing).
        /// </summary>
        protected static object TargetOf(Pop3MessageInfo message) =>
            message.Uid.Length > 0 ? message.Uid : (object)message.Number;

        /// <summary>
        /// The messages the -Number, -Uid or All parameter set names, in mailbox order
        /// for All and in the requested order otherwise. A number or UID the mailbox
        /// does not hold is a non-terminating Pop3.MessageNotFound error whose target
        /// is that number or UID, so the rest of a bulk run goes on.
        /// </summary>
        protected IReadOnlyList<Pop3MessageInfo> SelectMessages(Pop3Session session, int[] numbers, string[] uids)
        {
            Pop3MessageSelection selection;
            switch (ParameterSetName)
            {
                case MessageSets.Number:
                    selection = Pop3MessageSelection.ByNumber(numbers);
                    break;
                case MessageSets.Uid:
                    selection = Pop3MessageSelection.ByUid(uids);
                    break;
                default:
                    selection = Pop3MessageSelection.All;
                    break;
            }
            return session.Resolve(selection, error => WritePop3Error(error, error.Target), CancellationToken);
        }
    }
}
