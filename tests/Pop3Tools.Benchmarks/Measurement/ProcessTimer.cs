using System.Diagnostics;
using System.Globalization;

namespace Pop3Tools.Benchmarks.Measurement;

/// <summary>
/// Runs a command under GNU time so that every client, ours included, is measured
/// by the same outside observer: elapsed wall seconds and peak resident set.
/// </summary>
internal static class ProcessTimer
{
    public const string TimePath = "/usr/bin/time";
    private const int ErrorSummaryChars = 300;

    // Wall seconds, peak RSS in KiB, user and system CPU seconds.
    private const string TimeFormat = "%e %M %U %S";

    public static TimedRun Run(ProcessSpec spec, string scratchDir, TimeSpan timeout)
    {
        var timeFile = Path.Combine(scratchDir, "time.txt");
        var start = new ProcessStartInfo(TimePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory ?? scratchDir,
        };
        foreach (var argument in new[] { "-f", TimeFormat, "-o", timeFile, spec.FileName }.Concat(spec.Arguments))
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in spec.Environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {TimePath}");
        process.StandardInput.Close();
        // Drained concurrently so a chatty client can never block on a full pipe.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new TimedRun(-1, double.NaN, double.NaN, 0, $"killed after {timeout.TotalSeconds:0} s");
        }
        process.WaitForExit();
        var (seconds, cpu, rss) = ReadTimeFile(timeFile);
        return new TimedRun(process.ExitCode, seconds, cpu, rss, Summarize(stderr.Result + "\n" + stdout.Result), stdout.Result);
    }

    // GNU time writes "Command exited with non-zero status N" before the format
    // line when the child fails, so the measurement is the last line.
    private static (double Seconds, double CpuSeconds, long PeakRssKiB) ReadTimeFile(string path)
    {
        var last = File.Exists(path)
            ? File.ReadAllLines(path).LastOrDefault(line => line.Length > 0)
            : null;
        var fields = last?.Split(' ') ?? Array.Empty<string>();
        if (fields.Length != 4
            || !double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            || !long.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var rss)
            || !double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var user)
            || !double.TryParse(fields[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var system))
        {
            return (double.NaN, double.NaN, 0);
        }
        return (seconds, user + system, rss);
    }

    // The line that says what went wrong is the last one that is not a stack frame:
    // Python's traceback ends with it, .NET's unhandled exception starts with it.
    private static string Summarize(string output)
    {
        var line = output
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .LastOrDefault(l => !l.StartsWith("at ", StringComparison.Ordinal) && !l.StartsWith("---", StringComparison.Ordinal))
            ?? "";
        return line.Length <= ErrorSummaryChars ? line : line[..ErrorSummaryChars] + "...";
    }
}
