using Pop3Tools.Benchmarks.Measurement;
using Pop3Tools.Benchmarks.Peers;
using Pop3Tools.Benchmarks.Reporting;

namespace Pop3Tools.Benchmarks;

/// <summary>Starts the lab, measures every client on the same mailbox, prints and writes the report.</summary>
internal static class BenchmarkCommand
{
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
        var scenario = settings.Quick ? Scenario.Quick : Scenario.Full;
        if (settings.Repetitions is { } repetitions)
        {
            scenario = scenario with { Repetitions = repetitions };
        }

        var clients = new BenchClient[]
        {
            new EngineClient(pipelining: true),
            new EngineClient(pipelining: false),
            new MpopClient(),
            new FetchmailClient(perMessageMda: false),
            new FetchmailClient(perMessageMda: true),
            new CurlClient(),
            new PoplibClient(),
        };
        var notes = new List<string>(StandingCaveats);
        var installed = new List<BenchClient>();
        foreach (var client in clients)
        {
            if (client.Executable.Contains('/') && !File.Exists(client.Executable))
            {
                notes.Add($"{client.Label} left out: {client.Executable} is not installed.");
                continue;
            }
            installed.Add(client);
        }
        var versions = installed.ToDictionary(c => c, c => c.DescribeVersion());

        var scratchRoot = Directory.CreateTempSubdirectory("p3bench-").FullName;
        try
        {
            Console.Error.WriteLine($"Generating the {scenario.Name} mailbox ({scenario.Description})...");
            using var lab = BenchLab.Start(scenario);
            var mailbox = lab.Mailbox;
            Console.Error.WriteLine($"Mailbox ready: {mailbox.Content.Messages} messages, {mailbox.WireBytes / 1e6:0.0} MB.");

            notes.AddRange(MeasureEngineFloor(scenario, settings.Transports, lab.Endpoint, mailbox, scratchRoot));
            var samples = Measure(scenario, settings.Transports, installed, lab.Endpoint, mailbox, scratchRoot);
            var rows = settings.Transports
                .SelectMany(t => installed.Select(c => ResultRow.From(c, t, samples.Where(s => s.Client == c && s.Transport == t).ToList())))
                .ToList();
            var report = MarkdownReport.Render(scenario, lab.Description, mailbox, rows, versions, notes);
            Console.WriteLine(report);
            if (settings.OutPath is not null)
            {
                File.WriteAllText(settings.OutPath, report);
                Console.Error.WriteLine($"Report written to {settings.OutPath}");
            }
            return 0;
        }
        finally
        {
            Directory.Delete(scratchRoot, recursive: true);
        }
    }

    private static List<Sample> Measure(
        Scenario scenario,
        IReadOnlyList<Transport> transports,
        IReadOnlyList<BenchClient> clients,
        PopEndpoint endpoint,
        MailboxSnapshot mailbox,
        string scratchRoot)
    {
        var samples = new List<Sample>();
        // Repetitions are the outer loop so that any drift of a shared machine
        // spreads over every client instead of landing on one.
        for (var repetition = 1; repetition <= scenario.Repetitions; repetition++)
        {
            foreach (var transport in transports)
            {
                foreach (var client in clients)
                {
                    var scratch = Path.Combine(scratchRoot, "run-" + samples.Count);
                    var sample = MeasureOnce(scenario, client, transport, endpoint, mailbox, scratch);
                    samples.Add(sample);
                    var outcome = sample.Problem is null
                        ? $"{sample.Run.Seconds:0.00} s, {sample.Run.PeakRssKiB / 1024.0:0.0} MiB"
                        : "FAILED: " + sample.Problem;
                    Console.Error.WriteLine($"[{repetition}/{scenario.Repetitions}] {transport,-5} {client.Label,-40} {outcome}");
                }
            }
        }
        return samples;
    }

    private static Sample MeasureOnce(
        Scenario scenario, BenchClient client, Transport transport, PopEndpoint endpoint, MailboxSnapshot mailbox, string scratch)
    {
        Directory.CreateDirectory(scratch);
        try
        {
            var configDir = Directory.CreateDirectory(Path.Combine(scratch, "config")).FullName;
            File.SetUnixFileMode(configDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var mailDir = Directory.CreateDirectory(Path.Combine(scratch, "mail")).FullName;
            var run = new RunContext(endpoint, transport, mailbox.Content.Messages, configDir, mailDir);
            var timed = ProcessTimer.Run(client.Prepare(run), scratch, scenario.RunTimeout);
            var stored = client.Inspect(run);
            return new Sample(client, transport, timed, stored, Verification.Problem(timed, stored, mailbox, client.ExtraBytesAllowedPerMessage));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static IEnumerable<string> MeasureEngineFloor(
        Scenario scenario, IReadOnlyList<Transport> transports, PopEndpoint endpoint, MailboxSnapshot mailbox, string scratchRoot)
    {
        var engine = new EngineClient(pipelining: true);
        foreach (var transport in transports)
        {
            var scratch = Directory.CreateDirectory(Path.Combine(scratchRoot, "floor-" + transport)).FullName;
            var run = new RunContext(endpoint, transport, mailbox.Content.Messages, scratch, scratch);
            var timed = ProcessTimer.Run(engine.PrepareLoginOnly(run), scratch, scenario.RunTimeout);
            yield return timed.Exited0
                ? $"Pop3Tools's floor ({transport}): the same process that only connects, logs in, sends STAT and quits " +
                  $"takes {timed.Seconds:0.00} s and peaks at {timed.PeakRssKiB / 1024.0:0.0} MiB; the rest of its row is the download. " +
                  "Inside PowerShell that runtime is already loaded and shared with the shell."
                : $"Pop3Tools's floor ({transport}) could not be measured: {timed.ErrorSummary}";
        }
    }

    private static readonly string[] StandingCaveats =
    {
        "Server and client share the same cores (and this machine is shared with other work): compare rows of one " +
        "report, not absolute numbers across machines. Dovecot's own CPU time is in every row alike.",
        "Peak RSS is that of the largest single process among the client and the children it waited for " +
        "(GNU time's %M), not a sum. Pop3Tools's figure includes the .NET runtime (JIT, GC heap reserve), " +
        "a fixed cost of some tens of MiB that a native client does not pay.",
        "Wall time includes process start-up: the .NET runtime and Python interpreter start slower than the C clients, " +
        "which weighs on small mailboxes (the quick scenario) more than on the full one.",
        "Durability differs as each client ships: mpop fsyncs every maildir file, fetchmail --bsmtp syncs its " +
        "one file at the end, curl, poplib and Pop3Tools's benchmark client do not sync.",
        "fetchmail sends LIST n before every RETR n and never pipelines; with --mda it starts a shell and `cat` " +
        "for every message, which is what that row measures.",
        "curl is told the message numbers up front (one URL per message, one process, one connection reused); " +
        "it cannot LIST and then RETR in a single invocation.",
    };
}
