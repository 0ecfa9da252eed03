using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Pop3Tools.Engine.Mailbox.Export;

namespace Pop3Tools.Commands
{
    /// <summary>
    /// Receive-Pop3Message: downloads messages (RETR). With -Path each is saved as an .eml
    /// file, durably and incrementally, and -Delete makes the export a move; without -Path
    /// each becomes a Pop3Message object parsed from the stream.
    /// </summary>
    [Cmdlet(VerbsCommunications.Receive, "Pop3Message", HelpUri = HelpLinks.Cmdlets, DefaultParameterSetName = MessageSets.Uid, SupportsPaging = true)]
    [OutputType(typeof(Pop3SavedMessage), typeof(Pop3Message))]
    public sealed class ReceivePop3MessageCommand : Pop3SessionCmdlet
    {
        private const int ProgressId = 3;

        private readonly List<SessionSelection> _selections = new List<SessionSelection>();

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

        /// <summary>The export folder; created when missing.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        [Parameter]
        public SwitchParameter Delete { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Keeps the exact bytes in each object's RawMessage (object mode only).</summary>
        [Parameter]
        [Alias("Raw")]
        public SwitchParameter IncludeRawMessage { get; set; }

        protected override void BeginProcessing()
        {
            if (Path == null && (Delete || Force))
            {
                ThrowInvalidArgument((Delete ? "-Delete" : "-Force") + " needs -Path: only messages saved to disk can be marked for deletion or saved again.",
                    "Add -Path <folder> to export the messages to disk.");
            }
            if (Path != null && IncludeRawMessage)
            {
                ThrowInvalidArgument("-IncludeRawMessage applies to message objects; with -Path the .eml files hold the exact bytes.",
                    "Leave out -IncludeRawMessage, or leave out -Path to get objects.");
            }
        }

        /// <summary>
        /// Only collects the messages: objects piped from Get-Pop3Message arrive while that
        /// cmdlet still reads headers from the same connection, so downloading here would cut
        /// into its exchange. The work is done in EndProcessing, one pipelined batch per session.
        /// </summary>
        protected override void ProcessRecord()
        {
            if (ParameterSetName == MessageSets.All && !All)
            {
                return;
            }

            Pop3Session session = ResolveSession();
            UseSession(session, () => SelectionFor(session).Add(SelectMessages(session, Number, Uid)));
        }

        protected override void EndProcessing()
        {
            foreach (SessionSelection selection in _selections)
            {
                List<Pop3MessageInfo> page = Page(selection.Messages);
                if (PagingParameters.IncludeTotalCount)
                {
                    WriteObject(PagingParameters.NewTotalCount((ulong)selection.Messages.Count, 1.0));
                }
                if (page.Count == 0)
                {
                    continue;
                }
                if (Path != null)
                {
                    Export(selection.Session, page, GetUnresolvedProviderPathFromPSPath(Path));
                }
                else
                {
                    ReceiveObjects(selection.Session, page);
                }
            }
        }

        private void Export(Pop3Session session, List<Pop3MessageInfo> messages, string folder)
        {
            UseSession(session, () =>
            {
                var progress = new TransferProgress(this, ProgressId, "Exporting messages to " + folder);
                int saved = 0;
                int marked = 0;
                try
                {
                    session.Export(
                        messages,
                        new ExportOptions(folder) { Delete = Delete, Force = Force },
                        message =>
                        {
                            saved++;
                            if (message.Deleted)
                            {
                                marked++;
                            }
                            WriteObject(message);
                        },
                        (message, error) => WritePop3Error(error, TargetOf(message)),
                        progress.Report,
                        CancellationToken);
                }
                finally
                {
                    if (!Stopping)
                    {
                        progress.Complete();
                    }
                }
                WriteStep($"{Plural.Of(saved, "message")} saved to {folder}"
                    + (Delete ? $"; {session.PendingDeletions} marked for deletion in this session. Disconnect-Pop3 deletes them; Disconnect-Pop3 -Discard keeps them." : "."));
            });
        }

        private void ReceiveObjects(Pop3Session session, List<Pop3MessageInfo> messages)
        {
            UseSession(session, () =>
            {
                var progress = new TransferProgress(this, ProgressId, "Receiving messages");
                try
                {
                    session.Receive(
                        messages,
                        IncludeRawMessage,
                        message => WriteObject(message),
                        (message, error) => WritePop3Error(error, TargetOf(message)),
                        progress.Report,
                        CancellationToken);
                }
                finally
                {
                    if (!Stopping)
                    {
                        progress.Complete();
                    }
                }
            });
        }

        private List<Pop3MessageInfo> Page(List<Pop3MessageInfo> selected)
        {
            ulong skip = Math.Min(PagingParameters.Skip, (ulong)selected.Count);
            ulong take = Math.Min(PagingParameters.First, (ulong)selected.Count - skip);
            return selected.Skip((int)skip).Take((int)take).ToList();
        }

        private void ThrowInvalidArgument(string message, string recommendation)
        {
            var record = new ErrorRecord(new ArgumentException(message), "Pop3.InvalidArgument", ErrorCategory.InvalidArgument, null)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = recommendation },
            };
            ThrowTerminatingError(record);
        }

        private SessionSelection SelectionFor(Pop3Session session)
        {
            foreach (SessionSelection selection in _selections)
            {
                if (selection.Session == session)
                {
                    return selection;
                }
            }
            var added = new SessionSelection(session);
            _selections.Add(added);
            return added;
        }

        /// <summary>The messages named for one session, each once, in the order named.</summary>
        private sealed class SessionSelection
        {
            private readonly HashSet<int> _numbers = new HashSet<int>();

            internal SessionSelection(Pop3Session session)
            {
                Session = session;
            }

            internal Pop3Session Session { get; }

            internal List<Pop3MessageInfo> Messages { get; } = new List<Pop3MessageInfo>();

            internal void Add(IEnumerable<Pop3MessageInfo> messages)
            {
                foreach (Pop3MessageInfo message in messages)
                {
                    if (_numbers.Add(message.Number))
                    {
                        Messages.Add(message);
                    }
                }
            }
        }
    }
}
