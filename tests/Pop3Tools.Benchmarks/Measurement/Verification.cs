namespace Pop3Tools.Benchmarks.Measurement;

/// <summary>Decides whether one run fetched the whole mailbox; a run that did not is a failure, never a time.</summary>
internal static class Verification
{
    /// <summary>
    /// Headroom per message over the mailbox's own bytes: a batch-SMTP envelope
    /// (MAIL/RCPT/DATA lines) and dot-stuffing add a little, nothing else may.
    /// </summary>
    public const int AllowedExtraBytesPerMessage = 1024;

    /// <summary>Null when the run is good, else why it is not.</summary>
    public static string? Problem(TimedRun run, MailTally stored, MailboxSnapshot mailbox)
    {
        if (!run.Exited0)
        {
            var status = run.ExitCode < 0 ? "did not finish" : $"exit code {run.ExitCode}";
            return run.ErrorTail.Length == 0 ? status : $"{status}: {run.ErrorTail}";
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
        var ceiling = expected.BytesWithoutCr + (long)AllowedExtraBytesPerMessage * expected.Messages;
        if (stored.BytesWithoutCr < expected.BytesWithoutCr || stored.BytesWithoutCr > ceiling)
        {
            return $"stored {stored.BytesWithoutCr} bytes (CR not counted), mailbox holds {expected.BytesWithoutCr}";
        }
        return null;
    }
}
