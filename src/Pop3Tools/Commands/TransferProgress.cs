using System.Diagnostics;
using System.Management.Automation;
using Pop3Tools.Engine.Mailbox.Export;

namespace Pop3Tools.Commands
{
    /// <summary>
    /// The progress bar of a download: messages and bytes done, and the time left at the
    /// rate so far. Like <see cref="Progress"/> it writes only when something a user can see
    /// changes (the percentage, or the estimate after a second), so drawing never costs more
    /// than the transfer.
    /// </summary>
    internal sealed class TransferProgress
    {
        private const long RefreshMilliseconds = 1000;

        private readonly Cmdlet _cmdlet;
        private readonly int _activityId;
        private readonly string _activity;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private int _lastPercent = -1;
        private long _lastWrite = -RefreshMilliseconds;

        internal TransferProgress(Cmdlet cmdlet, int activityId, string activity)
        {
            _cmdlet = cmdlet;
            _activityId = activityId;
            _activity = activity;
        }

        internal void Report(ExportProgress progress)
        {
            int percent = progress.BytesTotal <= 0 ? 100 : (int)(100 * progress.BytesDone / progress.BytesTotal);
            long now = _clock.ElapsedMilliseconds;
            if (percent == _lastPercent && now - _lastWrite < RefreshMilliseconds)
            {
                return;
            }
            _lastPercent = percent;
            _lastWrite = now;
            var record = new ProgressRecord(_activityId, _activity,
                $"{progress.MessagesDone} of {progress.MessagesTotal} messages, {ByteSize.Format(progress.BytesDone)} of {ByteSize.Format(progress.BytesTotal)}")
            {
                PercentComplete = percent > 100 ? 100 : percent,
            };
            if (progress.BytesDone > 0 && now > 0)
            {
                double rate = (double)progress.BytesDone / now;
                long left = progress.BytesTotal - progress.BytesDone;
                record.SecondsRemaining = left > 0 ? (int)(left / rate / 1000) : 0;
            }
            _cmdlet.WriteProgress(record);
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
