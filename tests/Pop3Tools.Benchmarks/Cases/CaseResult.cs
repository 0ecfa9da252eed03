namespace Pop3Tools.Benchmarks.Cases;

/// <summary>
/// One run of one case. <see cref="Seconds"/> is what the ratios compare: for PowerShell and the
/// scripts the session measured in-process (connect to quit), for the peers the process's wall
/// time. <see cref="Phases"/> break it down where the case knows more (start-up, import, cmdlet).
/// A run that did not fetch everything has a <see cref="Problem"/> and is never timed.
/// </summary>
internal sealed record CaseResult(double Seconds, long PeakRssKiB, string? Problem, string? Skipped, IReadOnlyDictionary<string, double> Phases)
{
    public static readonly IReadOnlyDictionary<string, double> NoPhases = new Dictionary<string, double>();

    public static CaseResult Failed(string problem) => new(double.NaN, 0, problem, null, NoPhases);

    public static CaseResult Skip(string reason) => new(double.NaN, 0, null, reason, NoPhases);
}
