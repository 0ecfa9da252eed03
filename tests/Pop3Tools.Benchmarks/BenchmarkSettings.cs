using System.Globalization;
using Pop3Tools.Benchmarks.Peers;

namespace Pop3Tools.Benchmarks;

/// <summary>The command line of a benchmark run.</summary>
internal sealed record BenchmarkSettings(string? OutPath, bool Quick, int? Repetitions, IReadOnlyList<Transport> Transports)
{
    public const string Usage =
        "usage: Pop3Tools.Benchmarks [--out FILE.md] [--quick] [--repetitions N] [--transport tls|plain|both]   (default: --transport tls)\n" +
        "       Pop3Tools.Benchmarks client --host H --port P --security Tls|None --user U --out DIR [--no-pipelining] [--login-only]";

    /// <summary>Returns null (after printing why) when the arguments make no sense.</summary>
    public static BenchmarkSettings? Parse(IReadOnlyList<string> args)
    {
        string? outPath = null;
        var quick = false;
        int? repetitions = null;
        // Every peer speaks implicit TLS; plain POP3 (no TLS at all) is an extra that
        // separates protocol cost from TLS cost and doubles the run time.
        IReadOnlyList<Transport> transports = new[] { Transport.Tls };
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--out" when value is not null:
                    outPath = Path.GetFullPath(value);
                    i++;
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--repetitions" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    repetitions = n;
                    i++;
                    break;
                case "--transport" when value is "tls" or "plain" or "both":
                    transports = value switch
                    {
                        "tls" => new[] { Transport.Tls },
                        "plain" => new[] { Transport.Plain },
                        _ => new[] { Transport.Tls, Transport.Plain },
                    };
                    i++;
                    break;
                default:
                    Console.Error.WriteLine($"unexpected argument '{args[i]}'");
                    Console.Error.WriteLine(Usage);
                    return null;
            }
        }
        return new BenchmarkSettings(outPath, quick, repetitions, transports);
    }
}
