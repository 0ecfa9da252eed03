using System.Management.Automation;

namespace Pop3Tools.Commands
{
    /// <summary>
    /// A progress bar for work over many messages. It writes only when the
    /// percentage changes, because Windows PowerShell 5.1 renders every record
    /// and would spend more time drawing than a pipelined POP3 exchange takes.
    /// </summary>
    internal sealed class Progress
    {
        /// <summary>Below this many messages the work is over before a bar helps.</summary>
        internal const int Threshold = 20;

        private readonly Cmdlet _cmdlet;
        private readonly int _activityId;
        private readonly string _activity;
        private int _lastPercent = -1;

        internal Progress(Cmdlet cmdlet, int activityId, string activity)
        {
            _cmdlet = cmdlet;
            _activityId = activityId;
            _activity = activity;
        }

        internal void Report(int done, int total)
        {
            int percent = total <= 0 ? 100 : (int)(100L * done / total);
            if (percent == _lastPercent)
            {
                return;
            }
            _lastPercent = percent;
            _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, $"{done} of {total} messages")
            {
                PercentComplete = percent,
            });
        }

        internal void Complete()
        {
            _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, "Done")
            {
                RecordType = ProgressRecordType.Completed,
            });
        }
    }
}
