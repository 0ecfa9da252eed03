using System.Runtime.InteropServices;
using Pop3Tools.Benchmarks.Cases;
using Pop3Tools.Benchmarks.Measurement;
using Pop3Tools.Benchmarks.Peers;
using Pop3Tools.Benchmarks.Reporting;

namespace Pop3Tools.Benchmarks;

/// <summary>Starts the lab, runs every case on every mailbox in alternating order, prints and writes the report.</summary>
internal static class BenchmarkCommand
{
    private const string TmpfsRoot = "/dev/shm";
    private const int SlowPeerLimit = 2000;

    public static int Run(string[] args)
    {
        var settings = BenchmarkSettings.Parse(args);
        if (settings is null)
        {
            return 2;
        }
        if (!File.Exists(ProcessTimer.TimePath))
        {
            Console.Error.WriteLine($"{ProcessTimer.TimePath} is required (Debian package 'time').");
            return 1;
        }
        var repoRoot = FindRepoRoot();
        if (repoRoot is null)
        {
            Console.Error.WriteLine("Pop3Tools.psd1 not found above the benchmark: run it from a checkout.");
            return 1;
        }
        var scenario = settings.Quick ? Scenario.Quick : Scenario.Full;
        scenario = scenario with
        {
            Repetitions = settings.Repetitions ?? scenario.Repetitions,
            Mailboxes = scenario.Mailboxes.Where(m => settings.Mailboxes.Count == 0 || settings.Mailboxes.Contains(m.Name)).ToList(),
        };

        var notes = new List<string>(StandingNotes);
        var cases = Installed(AllCases(), notes)
            .Where(c => settings.Cases.Count == 0 || settings.Cases.Contains(c.Id))
            .ToList();
        var versions = cases.OfType<PeerCase>().GroupBy(c => c.Client.Name)
            .SelectMany(g => g.Select(c => (c.Id, Version: g.First().Client.DescribeVersion())))
            .ToDictionary(p => p.Id, p => p.Version);

        var roots = new Dictionary<Storage, string>
        {
            [Storage.Tmpfs] = Directory.CreateTempSubdirectory("p3bench-").FullName,
            [Storage.Disk] = Directory.CreateTempSubdirectory("p3bench-").FullName,
        };
        if (Directory.Exists(TmpfsRoot))
        {
            Directory.Delete(roots[Storage.Tmpfs]);
            roots[Storage.Tmpfs] = Directory.CreateDirectory(Path.Combine(TmpfsRoot, Path.GetFileName(roots[Storage.Tmpfs]))).FullName;
        }
        try
        {
            var startedUtc = DateTime.UtcNow;
            Console.Error.WriteLine($"Generating the {scenario.Name} mailboxes ({string.Join(", ", scenario.Mailboxes.Select(m => m.Name))})...");
            using var lab = BenchLab.Start(scenario);
            if (settings.ServePath is not null)
            {
                return Serve(lab, settings.ServePath);
            }
            var samples = new List<CaseSample>();
            foreach (var mailbox in lab.Mailboxes)
            {
                Console.Error.WriteLine($"{mailbox.Spec.Name}: {mailbox.Snapshot.Content.Messages} messages, {mailbox.Snapshot.WireBytes / 1e6:0.0} MB.");
                Prime(scenario, mailbox, roots[Storage.Tmpfs], repoRoot);
                samples.AddRange(Measure(scenario, mailbox, cases.Where(c => c.AppliesTo(mailbox.Spec)).ToList(), roots, repoRoot));
            }
            var rows = samples.GroupBy(s => (s.Mailbox, s.Case))
                .Select(g => CaseRow.From(g.Key.Mailbox, g.Key.Case, g.ToList()))
                .ToList();
            var goals = Goal.Evaluate(rows);
            var info = new RunInfo(scenario, startedUtc, DescribeMachine(), lab.Description,
                roots.ToDictionary(r => r.Key.ToString(), r => DescribeStorage(r.Value)), versions, notes);
            var report = MarkdownReport.Render(info, rows, goals);
            Console.WriteLine(report);
            if (settings.OutPath is not null)
            {
                File.WriteAllText(settings.OutPath, report);
                Console.Error.WriteLine($"Report written to {settings.OutPath}");
            }
            if (settings.JsonPath is not null)
            {
                File.WriteAllText(settings.JsonPath, JsonReport.Render(info, rows, goals));
                Console.Error.WriteLine($"JSON written to {settings.JsonPath}");
            }
            // A case that did not fetch the whole mailbox is a broken client or module, not a slow one.
            return rows.Any(r => r.Problem is not null) ? 1 : 0;
        }
        finally
        {
            foreach (var root in roots.Values)
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static IEnumerable<BenchCase> AllCases() => new BenchCase[]
    {
        PwshCase.Export(Storage.Tmpfs),
        new PeerCase(new MpopClient(), Storage.Tmpfs),
        ScriptCase.Wire(),
        PwshCase.Export(Storage.Disk),
        new PeerCase(new MpopClient(), Storage.Disk),
        // The slow peers (one RETR at a time, fetchmail a process per message) run up to N = 2,000
        // only: at 10,000 they would triple a full run on a shared machine and compare nothing new.
        new PeerCase(new FetchmailClient(perMessageMda: true), Storage.Tmpfs, SlowPeerLimit),
        new PeerCase(new CurlClient(), Storage.Tmpfs, SlowPeerLimit),
        new PeerCase(new PoplibClient(), Storage.Tmpfs, SlowPeerLimit),
        PwshCase.FreshExport(Storage.Tmpfs),
        PwshCase.FreshExport(Storage.Disk),
        PwshCase.Objects(),
        PwshCase.Listing(),
        ScriptCase.MinimalListing(),
        ScriptCase.PoplibListing(),
    };

    private static IEnumerable<BenchCase> Installed(IEnumerable<BenchCase> cases, List<string> notes)
    {
        foreach (var benchCase in cases)
        {
            if (benchCase is PeerCase peer && peer.Client.Executable.Contains('/') && !File.Exists(peer.Client.Executable))
            {
                notes.Add($"{benchCase.Label} left out: {peer.Client.Executable} is not installed.");
                continue;
            }
            yield return benchCase;
        }
    }

    private static List<CaseSample> Measure(
        Scenario scenario, LabMailbox mailbox, IReadOnlyList<BenchCase> cases, IReadOnlyDictionary<Storage, string> roots, string repoRoot)
    {
        var samples = new List<CaseSample>();
        for (var repetition = 1; repetition <= scenario.Repetitions; repetition++)
        {
            // Alternating order: whatever drift a shared machine has lands on every case alike.
            var order = repetition % 2 == 1 ? cases : cases.Reverse().ToList();
            foreach (var benchCase in order)
            {
                var scratch = Directory.CreateDirectory(Path.Combine(roots[benchCase.Storage], "run-" + samples.Count)).FullName;
                CaseResult result;
                try
                {
                    result = benchCase.Run(new CaseContext(mailbox, scratch, scenario.RunTimeout, repoRoot, scenario.WarmUp));
                }
                finally
                {
                    Directory.Delete(scratch, recursive: true);
                }
                samples.Add(new CaseSample(mailbox, benchCase, repetition, result));
                var outcome = result.Skipped is not null ? "skipped: " + result.Skipped
                    : result.Problem is not null ? "FAILED: " + result.Problem
                    : $"{result.Seconds:0.000} s, {result.PeakRssKiB / 1024.0:0.0} MiB";
                Console.Error.WriteLine($"[{repetition}/{scenario.Repetitions}] {mailbox.Spec.Name,-8} {benchCase.Label,-52} {outcome}");
            }
        }
        return samples;
    }

    // Dovecot indexes a maildir at its first login, and the first read of each file comes from the
    // disk: one untimed pass of the wire script over the mailbox leaves neither to the first case.
    private static void Prime(Scenario scenario, LabMailbox mailbox, string root, string repoRoot)
    {
        var scratch = Directory.CreateDirectory(Path.Combine(root, "prime")).FullName;
        try
        {
            var result = ScriptCase.Wire().Run(new CaseContext(mailbox, scratch, scenario.RunTimeout, repoRoot, scenario.WarmUp));
            Console.Error.WriteLine($"{mailbox.Spec.Name}: primed by one untimed wire pass ({result.Seconds:0.000} s{(result.Problem is null ? "" : ", " + result.Problem)}).");
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>Keeps the lab up for profiling by hand until <paramref name="infoPath"/> is deleted (bounded to two hours).</summary>
    private static int Serve(BenchLab lab, string infoPath)
    {
        var lines = lab.Mailboxes.Select(m => m.Spec.Name + " " + m.Endpoint.Host + " " + m.Endpoint.PlainPort + " " + m.Endpoint.User + " " + m.Endpoint.Password);
        File.WriteAllLines(infoPath, lines);
        Console.Error.WriteLine($"Serving the lab (name host port user password in {infoPath}); delete that file to stop.");
        var deadline = DateTime.UtcNow.AddHours(2);
        while (File.Exists(infoPath) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(500);
        }
        return 0;
    }

    private static string? FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pop3Tools.psd1")))
            {
                return directory.FullName;
            }
        }
        return null;
    }

    private static string DescribeMachine()
    {
        var model = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault()?.Split(':', 2)[1].Trim() : null;
        return $"{Environment.ProcessorCount} logical CPUs ({model ?? "unknown model"}) shared by server and clients, " +
               $"{memory ?? "unknown"} RAM, {RuntimeInformation.OSDescription}; harness on .NET {Environment.Version}";
    }

    private static string DescribeStorage(string path)
    {
        var drive = new DriveInfo(path);
        return $"{path} ({drive.DriveFormat} at {drive.Name})";
    }

    private static readonly string[] StandingNotes =
    {
        "Server and clients share the same cores, and other work may run on the machine: compare rows of one report, " +
        "not absolute numbers across machines. Dovecot's own CPU time is in every row alike.",
        "Our seconds are Connect-Pop3 + the cmdlet + Disconnect-Pop3 timed inside a warm pwsh; the scripts time " +
        "connect to QUIT inside Python; the peers are timed as whole processes (their start-up is milliseconds for the " +
        "C clients and tens of milliseconds for Python).",
        "Peak RSS: VmHWM of the pwsh process for ours, reset after the warm-up (it includes PowerShell itself and what the warm-up left resident), over the whole process for the fresh-process rows; GNU time's %M for the others.",
        "Durability as each client ships it: mpop fsyncs every maildir file; Receive-Pop3Message makes every file " +
        "durable before it is journalled (DESIGN.md Safety rules); fetchmail's MDA (`cat`), curl and poplib do not sync.",
        "fetchmail starts `/bin/sh` + `cat` for every message and never pipelines; curl is handed the message numbers " +
        "up front (one URL per message, one process, one connection reused) and issues RETR one at a time.",
    };
}
