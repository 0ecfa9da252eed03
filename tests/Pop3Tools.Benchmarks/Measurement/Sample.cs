using Pop3Tools.Benchmarks.Peers;

namespace Pop3Tools.Benchmarks.Measurement;

/// <summary>One measured download by one client; <see cref="Problem"/> is set when it did not fetch everything.</summary>
internal sealed record Sample(BenchClient Client, Transport Transport, TimedRun Run, MailTally Stored, string? Problem);
