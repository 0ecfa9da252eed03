using System.Globalization;
using System.Text;
using Pop3Tools.Benchmarks.Measurement;
using Pop3Tools.Benchmarks.Peers;

namespace Pop3Tools.Benchmarks.Reporting;

/// <summary>The benchmark's output: the scenario, one table row per client and transport, how each client ran.</summary>
internal static class MarkdownReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(
        Scenario scenario,
        string serverDescription,
        MailboxSnapshot mailbox,
        IReadOnlyList<ResultRow> rows,
        IReadOnlyDictionary<BenchClient, string> versions,
        IReadOnlyList<string> notes)
    {
        var text = new StringBuilder();
        text.AppendLine($"# POP3 download: Pop3Tools against peer clients ({scenario.Name})").AppendLine();
        text.AppendLine($"- Date (UTC): {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", Invariant)}; " +
                        $"{Environment.ProcessorCount} logical CPUs shared by server and client; {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        text.AppendLine($"- Server: {serverDescription}, loopback only");
        text.AppendLine($"- Mailbox: {mailbox.Content.Messages} messages, {Megabytes(mailbox.WireBytes)} MB as sent by RETR " +
                        $"(CRLF), largest {Megabytes(mailbox.LargestWireBytes)} MB; {scenario.Description}");
        text.AppendLine($"- Each client downloads every message into a fresh empty directory and keeps them on the server; " +
                        $"{scenario.Repetitions} run(s) per row, clients interleaved, median reported; a run that " +
                        "did not store every message fails the row instead of timing it: the count must match and the stored byte total " +
                        "(CR not counted, so maildir LF and raw CRLF compare) must equal the generator's, exactly for every client " +
                        "but fetchmail, whose envelope and dot-stuffing may add up to 1 KiB per message");
        text.AppendLine("- Wall time, CPU time (user + system) and peak RSS of each client process by `/usr/bin/time -f \"%e %M %U %S\"`; " +
                        "MB/s = RETR bytes / median wall seconds (MB = 10^6 bytes); CPU s and RSS (MiB) are medians of the runs too. " +
                        "CPU time suffers less than wall time from other load on the machine");
        text.AppendLine();
        text.AppendLine("| client | transport | median s | MB/s | CPU s | peak RSS MiB | time vs Pop3Tools | RSS vs Pop3Tools | runs (s) |");
        text.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|---|");
        foreach (var row in rows)
        {
            var reference = rows.FirstOrDefault(r => r.Transport == row.Transport
                                                     && r.Client is EngineClient { IsReference: true });
            text.AppendLine(FormatRow(row, reference, mailbox));
        }
        text.AppendLine();
        text.AppendLine("Ratios divide the row by Pop3Tools (pipelining on) in the same transport: above 1 means slower or larger than Pop3Tools.");
        text.AppendLine();
        text.AppendLine("## Clients").AppendLine();
        foreach (var client in rows.Select(r => r.Client).Distinct())
        {
            text.AppendLine($"- **{client.Label}** ({versions.GetValueOrDefault(client, "unknown version")}): {client.Configuration}");
        }
        if (notes.Count > 0)
        {
            text.AppendLine().AppendLine("## Caveats").AppendLine();
            foreach (var note in notes)
            {
                text.AppendLine($"- {note}");
            }
        }
        return text.ToString();
    }

    private static string FormatRow(ResultRow row, ResultRow? reference, MailboxSnapshot mailbox)
    {
        var transport = row.Transport == Transport.Tls ? "implicit TLS" : "plain (no TLS)";
        if (row.Failed)
        {
            return $"| {row.Client.Label} | {transport} | failed | | | | | | {Cell(row.Failure!)} |";
        }
        var usableReference = reference is { Failed: false } ? reference : null;
        var timeRatio = usableReference is null ? "n/a" : Ratio(row.MedianSeconds, usableReference.MedianSeconds);
        var rssRatio = usableReference is null ? "n/a" : Ratio(row.MedianRssMiB, usableReference.MedianRssMiB);
        var throughput = row.MedianSeconds > 0 ? (mailbox.WireBytes / 1e6 / row.MedianSeconds).ToString("0.0", Invariant) : "n/a";
        var runs = string.Join(" / ", row.Seconds.Select(s => s.ToString("0.00", Invariant)));
        return $"| {row.Client.Label} | {transport} | {row.MedianSeconds.ToString("0.00", Invariant)} | {throughput} | " +
               $"{row.MedianCpuSeconds.ToString("0.00", Invariant)} | {row.MedianRssMiB.ToString("0.0", Invariant)} | {timeRatio} | {rssRatio} | {runs} |";
    }

    // /usr/bin/time reports hundredths of a second: a tiny run may read 0.00.
    private static string Ratio(double value, double reference) =>
        reference > 0 ? "×" + (value / reference).ToString("0.00", Invariant) : "n/a";

    private static string Megabytes(long bytes) => (bytes / 1e6).ToString("0.0", Invariant);

    private static string Cell(string text) =>
        text.Replace("|", "\\|").Replace("\r", " ").Replace("\n", " ");
}
