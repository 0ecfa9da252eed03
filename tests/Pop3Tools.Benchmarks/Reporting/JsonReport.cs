using System.Text.Json;

namespace Pop3Tools.Benchmarks.Reporting;

/// <summary>The same figures as the printed report, for tools: rows with every run, and the goals.</summary>
internal static class JsonReport
{
    public static string Render(RunInfo info, IReadOnlyList<CaseRow> rows, IReadOnlyList<Goal> goals)
    {
        static double? Number(double value) => double.IsNaN(value) || double.IsInfinity(value) ? null : Math.Round(value, 4);
        var document = new
        {
            scenario = info.Scenario.Name,
            startedUtc = info.StartedUtc.ToString("o"),
            machine = info.Machine,
            server = info.Server,
            repetitions = info.Scenario.Repetitions,
            storage = info.StorageDescriptions,
            mailboxes = rows.Select(r => r.Mailbox).Distinct().Select(m => new
            {
                name = m.Spec.Name,
                messages = m.Snapshot.Content.Messages,
                wireBytes = m.Snapshot.WireBytes,
                largestBytes = m.Snapshot.LargestWireBytes,
            }),
            rows = rows.Select(r => new
            {
                mailbox = r.Mailbox.Spec.Name,
                id = r.Case.Id,
                label = r.Case.Label,
                workload = r.Case.Workload.ToString().ToLowerInvariant(),
                storage = r.Case.Storage.ToString().ToLowerInvariant(),
                seconds = r.Seconds.Select(Number),
                medianSeconds = Number(r.MedianSeconds),
                megabytesPerSecond = r.Usable ? Number(r.MegabytesPerSecond) : null,
                messagesPerSecond = r.Usable ? Number(r.MessagesPerSecond) : null,
                peakRssMiB = Number(r.MedianRssMiB),
                phases = r.MedianPhases.ToDictionary(p => p.Key, p => Number(p.Value)),
                problem = r.Problem,
                skipped = r.Skipped,
            }),
            goals = goals.Select(g => new
            {
                mailbox = g.Mailbox,
                name = g.Name,
                value = Number(g.Value),
                bound = g.Bound,
                unit = g.Unit,
                met = g.Measured ? g.Met : (bool?)null,
            }),
            notes = info.Notes,
        };
        return JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true });
    }
}
