using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Pop3Tools.Engine.Mailbox;

namespace Pop3Tools.Commands
{
    /// <summary>
    /// Remove-Pop3Message: marks messages for deletion (DELE). POP3 deletes them
    /// only when Disconnect-Pop3 ends the session with QUIT.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "Pop3Message", HelpUri = HelpLinks.Cmdlets, DefaultParameterSetName = MessageSets.Uid,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Pop3MessageInfo))]
    public sealed class RemovePop3MessageCommand : Pop3SessionCmdlet
    {
        private const int ProgressId = 2;
        private const string ProgressActivity = "Marking messages for deletion";
        private const string Action = "Mark for deletion";

        private readonly List<SessionMarks> _pending = new List<SessionMarks>();

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public override Pop3Session? Session { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = MessageSets.Uid)]
        [ValidateNotNullOrEmpty]
        public string[] Uid { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ParameterSetName = MessageSets.Number)]
        [ValidateNotNullOrEmpty]
        [ValidateRange(1, int.MaxValue)]
        public int[] Number { get; set; } = Array.Empty<int>();

        [Parameter(Mandatory = true, ParameterSetName = MessageSets.All)]
        public SwitchParameter All { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>
        /// Confirms each message and queues it; DELE waits for EndProcessing. Objects
        /// piped from Get-Pop3Message arrive while that cmdlet is still reading headers
        /// from the same connection, so sending here would cut into its exchange.
        /// Queuing also lets the engine pipeline all DELE commands in one batch, and a
        /// stop or error before the end marks nothing.
        /// </summary>
        protected override void ProcessRecord()
        {
            if (ParameterSetName == MessageSets.All && !All)
            {
                return;
            }

            Pop3Session session = ResolveSession();
            UseSession(session, () =>
            {
                SessionMarks marks = PendingFor(session);
                List<Pop3MessageInfo> named = SelectMessages(session, Number, Uid).Where(message => !marks.Contains(message)).ToList();
                if (ParameterSetName == MessageSets.All)
                {
                    // One question for the whole mailbox, not one per message (20,000 prompts).
                    if (named.Count > 0 && ShouldProcess(DescribeAll(session, named), Action))
                    {
                        named.ForEach(marks.Add);
                    }
                    return;
                }
                foreach (Pop3MessageInfo message in named)
                {
                    if (ShouldProcess(Describe(session, message), Action))
                    {
                        marks.Add(message);
                    }
                }
            });
        }

        protected override void EndProcessing()
        {
            foreach (SessionMarks marks in _pending)
            {
                if (marks.Messages.Count > 0)
                {
                    Mark(marks.Session, marks.Messages);
                }
            }
        }

        private void Mark(Pop3Session session, IReadOnlyList<Pop3MessageInfo> messages)
        {
            UseSession(session, () =>
            {
                var progress = messages.Count > Progress.Threshold ? new Progress(this, ProgressId, ProgressActivity) : null;
                int done = 0;
                int marked = 0;
                try
                {
                    session.MarkForDeletion(
                        messages,
                        message =>
                        {
                            marked++;
                            progress?.Report(++done, messages.Count);
                            if (PassThru)
                            {
                                WriteObject(MessageOutput.For(message));
                            }
                        },
                        (message, error) =>
                        {
                            progress?.Report(++done, messages.Count);
                            WritePop3Error(error, TargetOf(message));
                        },
                        CancellationToken);
                }
                finally
                {
                    if (!Stopping)
                    {
                        progress?.Complete();
                    }
                }
                WriteStep($"{Plural.Of(marked, "message")} marked for deletion in {session.UserName} on {session.Server} "
                    + $"({session.PendingDeletions} pending in this session). Disconnect-Pop3 deletes them; "
                    + "Disconnect-Pop3 -Discard keeps them.");
            });
        }

        private SessionMarks PendingFor(Pop3Session session)
        {
            foreach (SessionMarks marks in _pending)
            {
                if (marks.Session == session)
                {
                    return marks;
                }
            }
            var added = new SessionMarks(session);
            _pending.Add(added);
            return added;
        }

        /// <summary>The message as the user knows it: its Subject and From when this session read them.</summary>
        private static string Describe(Pop3Session session, Pop3MessageInfo message)
        {
            KnownHeaders known = session.KnownHeadersOf(message.Number);
            string? subject = message.Subject ?? known.Subject;
            string? from = message.From ?? known.From;
            string about = (subject == null ? string.Empty : $" \"{subject}\"") + (from == null ? string.Empty : $" from {from}");
            return $"Message {message.Number} (UID {message.Uid}, {ByteSize.Format(message.Size)}){about} in {session.UserName} on {session.Server}";
        }

        private static string DescribeAll(Pop3Session session, List<Pop3MessageInfo> messages) =>
            $"All {Plural.Of(messages.Count, "message")} ({ByteSize.Format(messages.Sum(message => message.Size))}) in {session.UserName} on {session.Server}";

        /// <summary>The confirmed messages of one session, each once, in the order named.</summary>
        private sealed class SessionMarks
        {
            private readonly HashSet<int> _numbers = new HashSet<int>();

            internal SessionMarks(Pop3Session session)
            {
                Session = session;
            }

            internal Pop3Session Session { get; }

            internal List<Pop3MessageInfo> Messages { get; } = new List<Pop3MessageInfo>();

            internal bool Contains(Pop3MessageInfo message) => _numbers.Contains(message.Number);

            internal void Add(Pop3MessageInfo message)
            {
                _numbers.Add(message.Number);
                Messages.Add(message);
            }
        }
    }
}
