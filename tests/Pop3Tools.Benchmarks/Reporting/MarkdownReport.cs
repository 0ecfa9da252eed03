using System.Globalization;
using System.Text;
using Pop3Tools.Benchmarks.Cases;

namespace Pop3Tools.Benchmarks.Reporting;

/// <summary>The benchmark's printed report: one table per mailbox, the ratios against the goals, how each case ran.</summary>
internal static class MarkdownReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(RunInfo info, IReadOnlyList<CaseRow> rows, IReadOnlyList<Goal> goals)
    {
        var text = new StringBuilder();
        text.AppendLine($"# Pop3Tools cmdlets against peer clients and the wire ({info.Scenario.Name})").AppendLine();
        text.AppendLine($"- Started (UTC): {info.StartedUtc.ToString("yyyy-MM-dd HH:mm", Invariant)}; {info.Machine}");
        text.AppendLine($"- Server: {info.Server}; plain POP3 on loopback (no TLS, so the protocol path is what is measured)");
        foreach (var (storage, description) in info.StorageDescriptions)
        {
            text.AppendLine($"- {storage}: {description}");
        }
        text.AppendLine($"- {info.Scenario.Repetitions} run(s) per case, cases in alternating order (forward, then reversed), " +
                        "median reported with every run beside it; MB = 10^6 bytes as sent by RETR; peak RSS in MiB");
        foreach (var mailbox in rows.Select(r => r.Mailbox).Distinct())
        {
            var snapshot = mailbox.Snapshot;
            text.AppendLine().AppendLine($"## {mailbox.Spec.Name}: {snapshot.Content.Messages} message(s), {Mb(snapshot.WireBytes)} MB, " +
                                         $"mean {snapshot.WireBytes / 1e3 / Math.Max(1, snapshot.Content.Messages):0.0} KB").AppendLine();
            text.AppendLine("| workload | case | median s | MB/s | msg/s | peak RSS MiB | runs (s) |");
            text.AppendLine("|---|---|--:|--:|--:|--:|---|");
            foreach (var row in rows.Where(r => r.Mailbox == mailbox))
            {
                text.AppendLine(FormatRow(row));
            }
        }
        text.AppendLine().AppendLine("## Ratios and the goals of issue 9").AppendLine();
        text.AppendLine("| mailbox | ratio | value | goal | met |");
        text.AppendLine("|---|---|--:|--:|---|");
        foreach (var goal in goals)
        {
            var value = goal.Measured ? goal.Value.ToString(goal.Unit == "x" ? "0.00" : "0.0", Invariant) + (goal.Unit == "x" ? "" : " " + goal.Unit) : "n/a";
            var bound = (goal.Unit == "x" ? "<= " : "< ") + goal.Bound.ToString(goal.Unit == "x" ? "0.0#" : "0", Invariant) + (goal.Unit == "x" ? "" : " " + goal.Unit);
            text.AppendLine($"| {goal.Mailbox} | {goal.Name} | {value} | {bound} | {(goal.Measured ? (goal.Met ? "yes" : "NO") : "not measured")} |");
        }
        AppendPhases(text, rows);
        text.AppendLine().AppendLine("## Cases").AppendLine();
        foreach (var benchCase in rows.Select(r => r.Case).Distinct())
        {
            var version = info.Versions.GetValueOrDefault(benchCase.Id);
            text.AppendLine($"- **{benchCase.Label}** (`{benchCase.Id}`{(version is null ? "" : ", " + version)}): {benchCase.Configuration}");
        }
        if (info.Notes.Count > 0)
        {
            text.AppendLine().AppendLine("## Notes").AppendLine();
            foreach (var note in info.Notes)
            {
                text.AppendLine($"- {note}");
            }
        }
        return text.ToString();
    }

    private static string FormatRow(CaseRow row)
    {
        var workload = row.Case.Workload.ToString().ToLowerInvariant();
        if (!row.Usable)
        {
            var why = row.Skipped is null ? "FAILED: " + row.Problem : "skipped: " + row.Skipped;
            return $"| {workload} | {row.Case.Label} | | | | | {Cell(why)} |";
        }
        var runs = string.Join(" / ", row.Seconds.Select(s => s.ToString("0.000", Invariant)));
        return $"| {workload} | {row.Case.Label} | {row.MedianSeconds.ToString("0.000", Invariant)} | {row.MegabytesPerSecond.ToString("0.0", Invariant)} | " +
               $"{row.MessagesPerSecond.ToString("0", Invariant)} | {row.MedianRssMiB.ToString("0.0", Invariant)} | {runs} |";
    }

    // Where our seconds go, and what PowerShell costs before the first cmdlet runs.
    private static void AppendPhases(StringBuilder text, IReadOnlyList<CaseRow> rows)
    {
        var ours = rows.Where(r => r.Usable && r.Case is PwshCase).ToList();
        if (ours.Count == 0)
        {
            return;
        }
        text.AppendLine().AppendLine("## PowerShell phases (medians, seconds; not in the ratios but start-up to warm-up)").AppendLine();
        text.AppendLine("| mailbox | case | pwsh start-up | Import-Module | warm-up | warm-up calls | Connect-Pop3 | cmdlet | cmdlet CPU | methods JIT-compiled in the cmdlet | Disconnect-Pop3 | RSS before the timed calls, MiB |");
        text.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var row in ours)
        {
            string P(string name) => row.MedianPhases.TryGetValue(name, out var v) ? v.ToString("0.000", Invariant) : "";
            string C(string name) => row.MedianPhases.TryGetValue(name, out var v) ? v.ToString("0", Invariant) : "";
            string R(string name) => row.MedianPhases.TryGetValue(name, out var v) ? v.ToString("0.0", Invariant) : "";
            text.AppendLine($"| {row.Mailbox.Spec.Name} | {row.Case.Label} | {P("startup")} | {P("import")} | {P("warmup")} | {C("warmupCalls")} | {P("connect")} | {P("cmdlet")} | {P("cmdletCpu")} | {C("cmdletJitMethods")} | {P("disconnect")} | {R("baselineRssMiB")} |");
        }
    }

    private static string Mb(long bytes) => (bytes / 1e6).ToString("0.0", Invariant);

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\r", " ").Replace("\n", " ");
}
