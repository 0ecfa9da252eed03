using System.Diagnostics;
using Pop3Tools.Benchmarks.Measurement;

namespace Pop3Tools.Benchmarks.Peers;

/// <summary>
/// One POP3 client under measurement. It downloads the whole mailbox into a fresh
/// directory, keeping every message on the server, and afterwards says what it
/// stored so the harness can check it fetched everything.
/// </summary>
internal abstract class BenchClient
{
    public const string PasswordVariable = "BENCH_POP3_PASSWORD";

    /// <summary>Name for the table, e.g. "mpop".</summary>
    public abstract string Name { get; }

    /// <summary>What distinguishes this row from others of the same client, e.g. "pipelining off".</summary>
    public virtual string Variant => "";

    /// <summary>The program that is run and measured.</summary>
    public abstract string Executable { get; }

    /// <summary>How the client is configured and stores mail, for the report.</summary>
    public abstract string Configuration { get; }

    public string Label => Variant.Length == 0 ? Name : $"{Name} ({Variant})";

    /// <summary>
    /// Bytes per message the client's way of storing may add to the message itself
    /// (CR not counted); zero means the stored mail must match the mailbox exactly.
    /// </summary>
    public virtual int ExtraBytesAllowedPerMessage => 0;

    /// <summary>Writes the configuration the client needs and returns the command that downloads.</summary>
    public abstract ProcessSpec Prepare(RunContext run);

    /// <summary>What the client left in the run's mail directory.</summary>
    public virtual MailTally Inspect(RunContext run) => DeliveredMail.FilePerMessage(run.MailDir);

    /// <summary>The first line the program prints about its version, for the report.</summary>
    public virtual string DescribeVersion() => FirstVersionLine(Executable, "--version");

    protected static Dictionary<string, string> PasswordEnvironment(RunContext run) =>
        new() { [PasswordVariable] = run.Endpoint.Password };

    protected static string WritePrivateFile(string path, string content)
    {
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    protected static string FirstVersionLine(string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start);
        if (process is null)
        {
            return "unknown version";
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            process.Kill(entireProcessTree: true);
            return "unknown version";
        }
        // fetchmail puts a warning about running as root before its version line.
        var line = (stdout.Result + "\n" + stderr.Result)
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(l => l.Any(char.IsDigit) && !l.Contains("WARNING", StringComparison.Ordinal));
        return line is null ? "unknown version" : line.Length <= 90 ? line : line[..90] + "...";
    }
}
