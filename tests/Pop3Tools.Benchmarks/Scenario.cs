namespace Pop3Tools.Benchmarks;

/// <summary>
/// The mailbox every client downloads and how often. Sized so that the full run
/// (both transports, every client, three repetitions) stays within a few minutes on
/// two shared cores, and the quick one well under a minute.
/// </summary>
internal sealed record Scenario(
    string Name,
    int MixedMessages,
    long MixedTotalBytes,
    IReadOnlyList<int> LargeMessageBytes,
    int Repetitions,
    TimeSpan RunTimeout)
{
    private const int MiB = 1024 * 1024;

    public static Scenario Full { get; } = new(
        "full", 1000, 50L * 1000 * 1000, new[] { 2 * MiB, 3 * MiB, 4 * MiB, 6 * MiB }, 3, TimeSpan.FromSeconds(120));

    public static Scenario Quick { get; } = new(
        "quick", 40, 1000 * 1000, new[] { 1 * MiB }, 1, TimeSpan.FromSeconds(30));

    public int MessageCount => MixedMessages + LargeMessageBytes.Count;

    public string Description =>
        $"{MixedMessages} messages of mixed sizes (~{MixedTotalBytes / 1e6:0} MB) plus " +
        $"{LargeMessageBytes.Count} large ones of {string.Join(", ", LargeMessageBytes.Select(b => $"{b / (double)MiB:0.#} MiB"))}";
}
