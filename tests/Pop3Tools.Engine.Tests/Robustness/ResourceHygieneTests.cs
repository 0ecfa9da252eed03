using System.Diagnostics;
using Pop3Tools.Engine.Tests.Scripted;

namespace Pop3Tools.Engine.Tests.Robustness;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ResourceHygieneCollection
{
    public const string Name = "Resource hygiene";
}

/// <summary>
/// Runs alone (no other test class at the same time), so the process's own counts are the
/// engine's: after hostile servers of every kind, no socket, file descriptor or dedicated
/// thread is left behind.
/// </summary>
[Collection(ResourceHygieneCollection.Name)]
public class ResourceHygieneTests
{
    private sealed record Counts(int Descriptors, int Sockets, int DedicatedThreads)
    {
        public static Counts Now()
        {
            var fds = Directory.Exists("/proc/self/fd") ? Directory.GetFiles("/proc/self/fd") : Array.Empty<string>();
            // An assembly the runtime loads on first use (MimeKit, System.Threading.Tasks.Parallel...) stays open for
            // the process's life: not a leak, and whether it loads inside the window depends on which tests ran first.
            var targets = fds.Select(Target).Where(target => !target.EndsWith(".dll", StringComparison.Ordinal)).ToArray();
            var sockets = targets.Count(target => target.Contains("socket:"));
            using var process = Process.GetCurrentProcess();
            var descriptors = fds.Length > 0 ? targets.Length : process.HandleCount;
            var names = ThreadNamesNow();
            // The runtime starts its background GC thread on the first background collection, whenever that comes.
            var backgroundGc = names.Count(n => n == ".NET BGC");
            return new Counts(descriptors, sockets, process.Threads.Count - ThreadPool.ThreadCount - backgroundGc)
            {
                ThreadNames = string.Join(", ", names.GroupBy(n => n).OrderBy(g => g.Key).Select(g => g.Key + " x" + g.Count())),
                Targets = targets,
            };
        }

        /// <summary>What each descriptor points at (Linux), so a failure says which stayed open.</summary>
        public string[] Targets { get; init; } = Array.Empty<string>();

        public string NewTargets(Counts before) => string.Join(", ", Targets.Except(before.Targets));

        private static string Target(string fd)
        {
            try { return File.ResolveLinkTarget(fd, false)?.FullName ?? new FileInfo(fd).LinkTarget ?? "?"; }
            catch (IOException) { return "?"; }
            catch (UnauthorizedAccessException) { return "?"; }
        }

        /// <summary>Every thread's name (Linux), so a failure says which thread stayed.</summary>
        public string ThreadNames { get; init; } = "";

        private static List<string> ThreadNamesNow()
        {
            var names = new List<string>();
            if (!Directory.Exists("/proc/self/task")) return names;
            foreach (var task in Directory.GetDirectories("/proc/self/task"))
            {
                try { names.Add(File.ReadAllText(Path.Combine(task, "comm")).Trim()); }
                catch (IOException) { }
            }
            return names;
        }

        public override string ToString() => Descriptors + " descriptors, " + Sockets + " sockets, " + DedicatedThreads + " dedicated threads";

        public bool NoMoreThan(Counts before) =>
            Descriptors <= before.Descriptors && Sockets <= before.Sockets && DedicatedThreads <= before.DedicatedThreads;
    }

    [Fact]
    public void Hostile_servers_leave_no_socket_descriptor_or_thread_behind()
    {
        Assert.True(Directory.Exists("/proc/self/fd") || !OperatingSystem.IsLinux());
        // Every fifth case: drops, resets, hangs, endless replies, TLS failures, SASL and sessions.
        var cases = HostileCorpus.All.Where((c, i) => i % 5 == 0).ToArray();
        HostileRun.Run(cases[0]); // warms up what is made once per process (JIT, certificate)
        Settle();
        var before = Counts.Now();

        foreach (var hostile in cases) HostileRun.Run(hostile);

        var after = Settle(before);
        Assert.True(after.NoMoreThan(before), $"Before {before}, after {after} ({cases.Length} hostile sessions); new descriptors: {after.NewTargets(before)}; threads before: {before.ThreadNames}; after: {after.ThreadNames}.");
        Assert.True(before.Sockets >= 0 && cases.Length >= 80, cases.Length + " cases");
    }

    /// <summary>Collects garbage and waits (bounded) for closed sockets and finished threads to go.</summary>
    private static Counts Settle(Counts? target = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var now = Counts.Now();
            if (target == null || now.NoMoreThan(target) || clock.Elapsed > TimeSpan.FromSeconds(20)) return now;
            Thread.Sleep(250);
        }
    }
}
