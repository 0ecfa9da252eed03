namespace Pop3Tools.Benchmarks.Measurement;

/// <summary>Decides whether one run fetched the whole mailbox; a run that did not is a failure, never a time.</summary>
internal static class Verification
{
    /// <summary>
    /// Null when the run is good, else why it is not. The bytes must match exactly,
    /// up to <paramref name="extraBytesPerMessage"/> that the client's storage adds.
    /// </summary>
    public static string? Problem(TimedRun run, MailTally stored, MailboxSnapshot mailbox, int extraBytesPerMessage)
    {
        if (!run.Exited0)
        {
            var status = run.ExitCode < 0 ? "did not finish" : $"exit code {run.ExitCode}";
            return run.ErrorSummary.Length == 0 ? status : $"{status}: {run.ErrorSummary}";
        }
        if (double.IsNaN(run.Seconds))
        {
            return "no measurement from /usr/bin/time";
        }
        var expected = mailbox.Content;
        if (stored.Messages != expected.Messages)
        {
            return $"stored {stored.Messages} of {expected.Messages} messages";
        }
        var ceiling = expected.BytesWithoutCr + (long)extraBytesPerMessage * expected.Messages;
        if (stored.BytesWithoutCr < expected.BytesWithoutCr || stored.BytesWithoutCr > ceiling)
        {
            return $"stored {stored.BytesWithoutCr} bytes (CR not counted), mailbox holds {expected.BytesWithoutCr}" +
                   (extraBytesPerMessage > 0 ? $" (+ up to {extraBytesPerMessage} per message)" : "");
        }
        return null;
    }
}
