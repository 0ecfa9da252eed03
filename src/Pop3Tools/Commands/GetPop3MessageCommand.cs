using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace Pop3Tools.Commands
{
    /// <summary>
    /// Get-Pop3Message: lists messages by number, UID and size, with their main
    /// headers (TOP n 0) unless -NoHeaders.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "Pop3Message", HelpUri = HelpLinks.Cmdlets, DefaultParameterSetName = MessageSets.All, SupportsPaging = true)]
    [OutputType(typeof(Pop3MessageInfo))]
    public sealed class GetPop3MessageCommand : Pop3SessionCmdlet
    {
        private const int ProgressId = 1;
        private const string ProgressActivity = "Reading message headers";

        [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public override Pop3Session? Session { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = MessageSets.Number)]
        [ValidateNotNullOrEmpty]
        [ValidateRange(1, int.MaxValue)]
        public int[] Number { get; set; } = Array.Empty<int>();

        [Parameter(Mandatory = true, ParameterSetName = MessageSets.Uid)]
        [ValidateNotNullOrEmpty]
        public string[] Uid { get; set; } = Array.Empty<string>();

        [Parameter]
        public SwitchParameter NoHeaders { get; set; }

        protected override void ProcessRecord()
        {
            Pop3Session session = ResolveSession();
            UseSession(session, () =>
            {
                IReadOnlyList<Pop3MessageInfo> selected = SelectMessages(session, Number, Uid);
                if (PagingParameters.IncludeTotalCount)
                {
                    WriteObject(PagingParameters.NewTotalCount((ulong)selected.Count, 1.0));
                }

                // Page before TOP so that -First 20 reads the headers of 20 messages only.
                List<Pop3MessageInfo> page = Page(selected);
                if (NoHeaders)
                {
                    foreach (Pop3MessageInfo message in page)
                    {
                        WriteObject(MessageOutput.For(message));
                    }
                    return;
                }

                var progress = page.Count > Progress.Threshold ? new Progress(this, ProgressId, ProgressActivity) : null;
                try
                {
                    session.LoadHeaders(
                        page,
                        message => WriteObject(message),
                        (message, error) => WritePop3Error(error, TargetOf(message)),
                        progress == null ? null : (Action<int, int>)progress.Report,
                        CancellationToken);
                }
                finally
                {
                    if (!Stopping)
                    {
                        progress?.Complete();
                    }
                }
            });
        }

        private List<Pop3MessageInfo> Page(IReadOnlyList<Pop3MessageInfo> selected)
        {
            ulong skip = Math.Min(PagingParameters.Skip, (ulong)selected.Count);
            ulong take = Math.Min(PagingParameters.First, (ulong)selected.Count - skip);
            return selected.Skip((int)skip).Take((int)take).ToList();
        }
    }
}
