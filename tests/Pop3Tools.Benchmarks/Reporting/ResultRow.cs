using Pop3Tools.Benchmarks.Measurement;
using Pop3Tools.Benchmarks.Peers;

namespace Pop3Tools.Benchmarks.Reporting;

/// <summary>
/// One client in one transport over all repetitions: medians when every run
/// fetched the whole mailbox, otherwise the first failure.
/// </summary>
internal sealed record ResultRow(BenchClient Client, Transport Transport, IReadOnlyList<double> Seconds, double MedianSeconds, double MedianCpuSeconds, double MedianRssMiB, string? Failure)
{
    public bool Failed => Failure is not null;

    public static ResultRow From(BenchClient client, Transport transport, IReadOnlyList<Sample> samples)
    {
        var seconds = samples.Select(s => s.Run.Seconds).ToArray();
        var failure = samples.Select(s => s.Problem).FirstOrDefault(p => p is not null);
        if (failure is not null || samples.Count == 0)
        {
            return new ResultRow(client, transport, seconds, double.NaN, double.NaN, double.NaN, failure ?? "not run");
        }
        return new ResultRow(
            client,
            transport,
            seconds,
            Median.Of(seconds),
            Median.Of(samples.Select(s => s.Run.CpuSeconds)),
            Median.Of(samples.Select(s => s.Run.PeakRssKiB / 1024.0)),
            null);
    }
}
