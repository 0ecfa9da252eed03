namespace Pop3Tools.Benchmarks.Reporting;

/// <summary>What a report says about the run itself: when, where, on what, and the caveats.</summary>
internal sealed record RunInfo(
    Scenario Scenario,
    DateTime StartedUtc,
    string Machine,
    string Server,
    IReadOnlyDictionary<string, string> StorageDescriptions,
    IReadOnlyDictionary<string, string> Versions,
    IReadOnlyList<string> Notes);
