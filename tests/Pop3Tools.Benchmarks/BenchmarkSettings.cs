using System.Globalization;

namespace Pop3Tools.Benchmarks;

/// <summary>The command line of a benchmark run.</summary>
internal sealed record BenchmarkSettings(
    string? OutPath, string? JsonPath, bool Quick, int? Repetitions, IReadOnlyList<string> Cases, IReadOnlyList<string> Mailboxes, string? ServePath)
{
    public const string Usage =
        "usage: Pop3Tools.Benchmarks [--quick] [--out FILE.md] [--json FILE.json] [--repetitions N]\n" +
        "                            [--cases ID,ID...] [--mailboxes NAME,NAME...]   (ids and names as in the report)\n" +
        "       Pop3Tools.Benchmarks [--quick] [--mailboxes ...] --serve FILE   (keep the lab up for profiling until FILE is deleted)";

    /// <summary>Returns null (after printing why) when the arguments make no sense.</summary>
    public static BenchmarkSettings? Parse(IReadOnlyList<string> args)
    {
        string? outPath = null, jsonPath = null, servePath = null;
        var quick = false;
        int? repetitions = null;
        IReadOnlyList<string> cases = Array.Empty<string>(), mailboxes = Array.Empty<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--out" when value is not null:
                    outPath = Path.GetFullPath(value);
                    i++;
                    break;
                case "--json" when value is not null:
                    jsonPath = Path.GetFullPath(value);
                    i++;
                    break;
                case "--serve" when value is not null:
                    servePath = Path.GetFullPath(value);
                    i++;
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--repetitions" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    repetitions = n;
                    i++;
                    break;
                case "--cases" when value is not null:
                    cases = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    i++;
                    break;
                case "--mailboxes" when value is not null:
                    mailboxes = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    i++;
                    break;
                default:
                    Console.Error.WriteLine($"unexpected argument '{args[i]}'");
                    Console.Error.WriteLine(Usage);
                    return null;
            }
        }
        return new BenchmarkSettings(outPath, jsonPath, quick, repetitions, cases, mailboxes, servePath);
    }
}
