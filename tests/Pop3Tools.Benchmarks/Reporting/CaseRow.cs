using Pop3Tools.Benchmarks.Cases;
using Pop3Tools.Benchmarks.Measurement;

namespace Pop3Tools.Benchmarks.Reporting;

/// <summary>One run of one case on one mailbox.</summary>
internal sealed record CaseSample(LabMailbox Mailbox, BenchCase Case, int Repetition, CaseResult Result);

/// <summary>
/// One case on one mailbox over all repetitions: medians when every run fetched the whole
/// mailbox, otherwise the first failure (or why the case was skipped).
/// </summary>
internal sealed record CaseRow(
    LabMailbox Mailbox,
    BenchCase Case,
    IReadOnlyList<double> Seconds,
    double MedianSeconds,
    double MedianRssMiB,
    IReadOnlyDictionary<string, double> MedianPhases,
    string? Problem,
    string? Skipped)
{
    public bool Usable => Problem is null && Skipped is null && Seconds.Count > 0;

    public double MegabytesPerSecond => Mailbox.Snapshot.WireBytes / 1e6 / MedianSeconds;

    public double MessagesPerSecond => Mailbox.Snapshot.Content.Messages / MedianSeconds;

    public static CaseRow From(LabMailbox mailbox, BenchCase benchCase, IReadOnlyList<CaseSample> samples)
    {
        var results = samples.Select(s => s.Result).ToList();
        var problem = results.Select(r => r.Problem).FirstOrDefault(p => p is not null);
        var skipped = results.Select(r => r.Skipped).FirstOrDefault(p => p is not null);
        if (problem is not null || skipped is not null || results.Count == 0)
        {
            return new CaseRow(mailbox, benchCase, Array.Empty<double>(), double.NaN, double.NaN, CaseResult.NoPhases,
                problem ?? (skipped is null ? "not run" : null), skipped);
        }
        var phases = results[0].Phases.Keys.ToDictionary(k => k, k => Median.Of(results.Select(r => r.Phases[k])));
        return new CaseRow(
            mailbox,
            benchCase,
            results.Select(r => r.Seconds).ToList(),
            Median.Of(results.Select(r => r.Seconds)),
            Median.Of(results.Select(r => r.PeakRssKiB / 1024.0)),
            phases,
            null,
            null);
    }
}
