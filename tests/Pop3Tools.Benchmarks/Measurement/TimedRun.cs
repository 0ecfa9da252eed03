namespace Pop3Tools.Benchmarks.Measurement;

/// <summary>What /usr/bin/time saw of one child process.</summary>
internal sealed record TimedRun(int ExitCode, double Seconds, long PeakRssKiB, string ErrorSummary)
{
    public bool Exited0 => ExitCode == 0;
}
