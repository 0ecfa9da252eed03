using System.Globalization;
using System.Text.Json;
using Pop3Tools.Benchmarks.Measurement;

namespace Pop3Tools.Benchmarks.Cases;

/// <summary>
/// A Pop3Tools cmdlet as users run it: a fresh `dotnet pwsh` (the pinned tool) imports
/// ./Pop3Tools.psd1, warms up on the warm-up mailbox until the JIT has settled, then times Connect-Pop3, the cmdlet and
/// Disconnect-Pop3 with a Stopwatch in-process (Scripts/bench-case.ps1).
/// </summary>
internal sealed class PwshCase : BenchCase
{
    public const string ResultMarker = "BENCH-RESULT ";
    private readonly string kind;
    private readonly Storage storage;
    private readonly bool fresh;

    private PwshCase(string kind, Storage storage, bool fresh = false)
    {
        this.kind = kind;
        this.storage = storage;
        this.fresh = fresh;
    }

    public static PwshCase Export(Storage storage) => new("Export", storage);

    /// <summary>
    /// The export as the first call of a new pwsh, no warm-up: the peak RSS of the whole process
    /// (what a one-off export script holds) and the time of a call that compiles its code.
    /// </summary>
    public static PwshCase FreshExport(Storage storage) => new("Export", storage, fresh: true);

    public static PwshCase Objects() => new("Objects", Storage.Tmpfs);

    public static PwshCase Listing() => new("Listing", Storage.Tmpfs);

    public override string Id => kind switch
    {
        "Export" => "ours-export-" + storage.ToString().ToLowerInvariant() + (fresh ? "-fresh" : ""),
        "Objects" => "ours-objects",
        _ => "ours-listing",
    };

    public override string Label => kind switch
    {
        "Export" => $"Receive-Pop3Message -All -Path ({storage.ToString().ToLowerInvariant()}{(fresh ? ", fresh process" : "")})",
        "Objects" => "Receive-Pop3Message -All (objects)",
        _ => "Get-Pop3Message (parsed headers)",
    };

    public override Workload Workload => kind switch
    {
        "Export" => Workload.Export,
        "Objects" => Workload.Objects,
        _ => Workload.Listing,
    };

    public override Storage Storage => storage;

    public override string Configuration => fresh
        ? "a fresh `dotnet pwsh -NoProfile -NonInteractive` per run; `Import-Module ./Pop3Tools.psd1`; no warm-up: Connect-Pop3 (as below), the " +
          "cmdlet piped to `Measure-Object` as the first call of the process, `Disconnect-Pop3`, each timed by a Stopwatch. " +
          "Seconds = connect + cmdlet + disconnect; peak RSS = VmHWM of the pwsh process over its whole life (start, import, the call)."
        : "a fresh `dotnet pwsh -NoProfile -NonInteractive` per run; `Import-Module ./Pop3Tools.psd1`; a warm process: untimed " +
        "calls (connect, the same cmdlet on the same mailbox into another folder, disconnect, a 200 ms pause), at least 3, then until three in a row compile " +
        "fewer than 10 methods or 40 s have passed; the peak RSS reset; last a wait until the process is idle (under 10 ms of CPU in 250 ms, at most 10 s); then " +
        "`Connect-Pop3 -Security None -AllowInsecureAuthentication -Authentication UserPass` (USER/PASS, as every peer), the cmdlet piped to `Measure-Object`, `Disconnect-Pop3`, each timed by a Stopwatch. " +
        "Seconds = connect + cmdlet + disconnect; peak RSS = VmHWM of the pwsh process, reset after the warm-up (`/proc/PID/clear_refs` 5), so the whole process's peak during the timed calls.";

    public override bool AppliesTo(MailboxSpec mailbox) => !(mailbox.IsSingleLarge && kind == "Listing");

    public override CaseResult Run(CaseContext context)
    {
        var mailDir = Directory.CreateDirectory(Path.Combine(context.Scratch, "mail")).FullName;
        var warmDir = Directory.CreateDirectory(Path.Combine(context.Scratch, "warmup")).FullName;
        var endpoint = context.Mailbox.Endpoint;
        var launchedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var arguments = new List<string>
        {
            "pwsh", "-NoProfile", "-NonInteractive", "-File", Path.Combine(AppContext.BaseDirectory, "Scripts", "bench-case.ps1"),
            "-Case", kind,
            "-Manifest", Path.Combine(context.RepoRoot, "Pop3Tools.psd1"),
            "-Server", endpoint.Host,
            "-Port", endpoint.PlainPort.ToString(CultureInfo.InvariantCulture),
            "-User", endpoint.User,
            "-Path", mailDir,
            "-WarmUpPath", warmDir,
            "-MinWarmUpCalls", context.WarmUpCalls.Min.ToString(CultureInfo.InvariantCulture),
            "-MaxWarmUpCalls", context.WarmUpCalls.Max.ToString(CultureInfo.InvariantCulture),
            "-WarmUpSeconds", context.WarmUpCalls.Seconds.ToString(CultureInfo.InvariantCulture),
            "-LaunchedAtMs", launchedAt.ToString(CultureInfo.InvariantCulture),
        };
        if (fresh) arguments.Add("-Fresh");
        var spec = new ProcessSpec("dotnet", arguments,
            new Dictionary<string, string> { [Peers.BenchClient.PasswordVariable] = endpoint.Password }, context.RepoRoot);
        var run = ProcessTimer.Run(spec, context.Scratch, context.Timeout);
        var line = run.StandardOutput.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith(ResultMarker, StringComparison.Ordinal));
        if (!run.Exited0 || line is null)
        {
            return CaseResult.Failed(run.Exited0 ? "no result line: " + run.ErrorSummary : $"exit code {run.ExitCode}: {run.ErrorSummary}");
        }
        using var json = JsonDocument.Parse(line[ResultMarker.Length..]);
        var root = json.RootElement;
        if (root.TryGetProperty("skipped", out var skipped))
        {
            return CaseResult.Skip(skipped.GetString() ?? "skipped");
        }
        var phases = new Dictionary<string, double>();
        foreach (var name in new[] { "startup", "import", "warmup", "warmupCalls", "connect", "cmdlet", "cmdletCpu", "cmdletJitMethods", "disconnect" })
        {
            phases[name] = root.GetProperty(name).GetDouble();
        }
        phases["baselineRssMiB"] = root.GetProperty("baselineRssKiB").GetDouble() / 1024;
        var expected = context.Mailbox.Snapshot;
        var count = root.GetProperty("count").GetInt32();
        var problem = count != expected.Content.Messages ? $"{count} objects out of {expected.Content.Messages} messages" : null;
        if (problem is null && kind == "Export")
        {
            problem = Check.Stored(DeliveredMail.FilePerMessage(mailDir, "*.eml"), expected, 0);
        }
        var seconds = phases["connect"] + phases["cmdlet"] + phases["disconnect"];
        return new CaseResult(seconds, root.GetProperty("peakRssKiB").GetInt64(), problem, null, phases);
    }
}
