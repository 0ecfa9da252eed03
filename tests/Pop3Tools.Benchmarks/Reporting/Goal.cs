namespace Pop3Tools.Benchmarks.Reporting;

/// <summary>
/// A ratio the report computes, and the bound issue 9 sets for it ("Done when"). Value is NaN
/// when one side is missing (failed, skipped or not in this run).
/// </summary>
internal sealed record Goal(string Mailbox, string Name, double Value, double Bound, string Unit)
{
    public bool Measured => !double.IsNaN(Value);

    public bool Met => Measured && Value <= Bound;

    /// <summary>The ratios and absolute bounds of issue 9, from the rows of one run.</summary>
    public static IReadOnlyList<Goal> Evaluate(IReadOnlyList<CaseRow> rows)
    {
        var goals = new List<Goal>();
        foreach (var mailbox in rows.Select(r => r.Mailbox).Distinct())
        {
            var name = mailbox.Spec.Name;
            double Seconds(string id) => Find(rows, name, id)?.MedianSeconds ?? double.NaN;
            goals.Add(new Goal(name, "export tmpfs: ours/mpop", Seconds("ours-export-tmpfs") / Seconds("mpop-tmpfs"), 1.0, "x"));
            goals.Add(new Goal(name, "export tmpfs: ours/wire", Seconds("ours-export-tmpfs") / Seconds("wire"), 1.3, "x"));
            goals.Add(new Goal(name, "export disk: ours/mpop", Seconds("ours-export-disk") / Seconds("mpop-disk"), 0.8, "x"));
            if (!mailbox.Spec.IsSingleLarge)
            {
                goals.Add(new Goal(name, "listing: ours/minimal", Seconds("ours-listing") / Seconds("minimal-listing"), 1.5, "x"));
            }
            else
            {
                // 150 MB is the bound; VmHWM is in KiB, so compare in MiB: 150e6 / 2^20.
                // Both processes are reported: a one-off export's whole life, and a warm process,
                // whose peak includes what PowerShell and the warm-up calls left resident.
                double Peak(params string[] ids) => ids
                    .Select(id => Find(rows, name, id)?.MedianRssMiB ?? double.NaN)
                    .Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Max();
                goals.Add(new Goal(name, "export peak RSS of pwsh, fresh process", Peak("ours-export-disk-fresh", "ours-export-tmpfs-fresh"), 150e6 / 1048576, "MiB"));
                goals.Add(new Goal(name, "export peak RSS of pwsh, warm process", Peak("ours-export-disk", "ours-export-tmpfs"), 150e6 / 1048576, "MiB"));
            }
        }
        var many = rows.Select(r => r.Mailbox).Where(m => !m.Spec.IsSingleLarge).Distinct().ToList();
        var small = many.MinBy(m => m.Spec.Messages);
        var large = many.MaxBy(m => m.Spec.Messages);
        if (small is not null && large is not null && small != large)
        {
            foreach (var id in new[] { "ours-export-tmpfs", "ours-export-disk", "ours-objects", "ours-listing" })
            {
                var ratio = (Find(rows, large.Spec.Name, id)?.MedianRssMiB ?? double.NaN) / (Find(rows, small.Spec.Name, id)?.MedianRssMiB ?? double.NaN);
                goals.Add(new Goal($"{large.Spec.Name} vs {small.Spec.Name}", $"peak RSS growth: {id}", ratio, 1.2, "x"));
            }
        }
        return goals;
    }

    private static CaseRow? Find(IReadOnlyList<CaseRow> rows, string mailbox, string id) =>
        rows.FirstOrDefault(r => r.Mailbox.Spec.Name == mailbox && r.Case.Id == id && r.Usable);
}
