namespace Pop3Tools.Benchmarks.Measurement;

/// <summary>
/// What /usr/bin/time saw of one child process: wall seconds, CPU seconds (user + system), peak RSS,
/// and what the process printed on standard output (scripts report their own timings there).
/// </summary>
internal sealed record TimedRun(int ExitCode, double Seconds, double CpuSeconds, long PeakRssKiB, string ErrorSummary, string StandardOutput = "")
{
    public bool Exited0 => ExitCode == 0;
}
