namespace Pop3Tools.Benchmarks.Measurement;

/// <summary>One command line to run and measure, with the variables it needs (and where, when it matters).</summary>
internal sealed record ProcessSpec(
    string FileName, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment, string? WorkingDirectory = null);
