namespace Pop3Tools.Benchmarks.Measurement;

/// <summary>Decides whether a run fetched the whole mailbox; a run that did not is a failure, never a time.</summary>
internal static class Check
{
    /// <summary>
    /// Null when what was stored is the mailbox, else why not: the count must match and the bytes
    /// (CR not counted) too, up to <paramref name="extraBytesPerMessage"/> the client's storage adds.
    /// Contents are not compared byte by byte.
    /// </summary>
    public static string? Stored(MailTally stored, MailboxSnapshot mailbox, int extraBytesPerMessage)
    {
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

    /// <summary>Null when the process ran to the end, else what went wrong.</summary>
    public static string? Exited(TimedRun run)
    {
        if (!run.Exited0)
        {
            var status = run.ExitCode < 0 ? "did not finish" : $"exit code {run.ExitCode}";
            return run.ErrorSummary.Length == 0 ? status : $"{status}: {run.ErrorSummary}";
        }
        return double.IsNaN(run.Seconds) ? "no measurement from /usr/bin/time" : null;
    }
}
