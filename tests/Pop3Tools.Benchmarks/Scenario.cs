namespace Pop3Tools.Benchmarks;

/// <summary>
/// The mailbox every client downloads and how often. Sized so that the full run
/// (implicit TLS, every client, three repetitions) stays within about three minutes
/// on two shared cores, and the quick one well under a minute.
/// </summary>
/// <param name="MixedMessages">
/// Messages from the lab generator's realistic mix (plain, multipart, attachments,
/// Japanese charsets, dot lines, long lines; 1 KB to 200 KB, log-uniform).
/// </param>
/// <param name="LargeMessages">Messages of about 5 MB each (a base64 attachment).</param>
/// <param name="BulkMessages">Small plain messages of 1 to 4 KB.</param>
internal sealed record Scenario(
    string Name,
    int MixedMessages,
    int LargeMessages,
    int BulkMessages,
    int Repetitions,
    TimeSpan RunTimeout)
{
    public static Scenario Full { get; } = new("full", 900, 5, 95, 3, TimeSpan.FromSeconds(120));

    public static Scenario Quick { get; } = new("quick", 30, 1, 10, 1, TimeSpan.FromSeconds(30));

    public int MessageCount => MixedMessages + LargeMessages + BulkMessages;

    public string Description =>
        $"{MixedMessages} of the lab generator's mixed kinds (1-200 KB, log-uniform), {LargeMessages} of ~5 MB " +
        $"and {BulkMessages} small ones (1-4 KB), interleaved";
}
