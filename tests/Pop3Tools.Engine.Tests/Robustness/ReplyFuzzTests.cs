using System.Collections.Concurrent;
using System.Net;
using Pop3Tools.Engine.Protocol;
using Pop3Tools.Engine.Tests.Scripted;
using Xunit.Abstractions;

namespace Pop3Tools.Engine.Tests.Robustness;

/// <summary>
/// Seeded mutations of one to three of a whole session's server replies (greeting, CAPA before
/// and inside TLS, STLS, every SASL challenge and final reply of PLAIN, LOGIN, CRAM-MD5,
/// SCRAM-SHA-1 and SCRAM-SHA-256, USER/PASS, APOP, STAT, LIST, UIDL, TOP, RETR, QUIT), sent by
/// <see cref="FuzzMailbox"/> through the real client over loopback: a result or a typed
/// Pop3Exception, never another exception, a hang or unbounded memory.
/// Runs alone: its allocation count is process-wide (see <see cref="AllocationScope.Process"/>).
/// The full run: POP3TOOLS_FUZZ_ITERATIONS=10000; one seed: POP3TOOLS_FUZZ_SEED=n POP3TOOLS_FUZZ_ITERATIONS=1.
/// </summary>
[Collection(SerialFuzzCollection.Name)]
public class ReplyFuzzTests
{
    /// <summary>A session's shape: how it secures itself and logs in.</summary>
    public sealed record Scenario(Pop3Security Security, Pop3AuthenticationMethod Method)
    {
        public override string ToString() => Security + "/" + Method;
    }

    public static readonly Scenario[] Scenarios =
        (from security in new[] { Pop3Security.None, Pop3Security.StartTls }
         from method in new[]
         {
             Pop3AuthenticationMethod.UserPass, Pop3AuthenticationMethod.Apop, Pop3AuthenticationMethod.Plain, Pop3AuthenticationMethod.Login,
             Pop3AuthenticationMethod.CramMd5, Pop3AuthenticationMethod.ScramSha1, Pop3AuthenticationMethod.ScramSha256,
         }
         select new Scenario(security, method)).ToArray();

    /// <summary>Reads at most this much of one message; the engine drains the rest.</summary>
    private const long ReadCap = 256L * 1024 * 1024;

    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(20);

    /// <summary>Each scenario's reply labels in a good session: what the mutations choose from.</summary>
    private static readonly ConcurrentDictionary<Scenario, IReadOnlyList<string>> GoodSessions = new();

    private readonly ITestOutputHelper output;

    public ReplyFuzzTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void Every_scenario_runs_clean_without_mutations_and_reaches_its_stages()
    {
        foreach (var scenario in Scenarios)
        {
            var labels = GoodSession(scenario);
            output.WriteLine(scenario + ": " + string.Join(" | ", labels));
            if (scenario.Security == Pop3Security.StartTls) Assert.Contains("STLS", labels);
            if (scenario.Security == Pop3Security.StartTls) Assert.Contains("CAPA in TLS", labels);
            var login = scenario.Method switch
            {
                Pop3AuthenticationMethod.UserPass => "PASS",
                Pop3AuthenticationMethod.Apop => "APOP",
                Pop3AuthenticationMethod.Plain => "AUTH PLAIN +OK",
                Pop3AuthenticationMethod.Login => "AUTH LOGIN +OK",
                Pop3AuthenticationMethod.CramMd5 => "AUTH CRAM-MD5 +OK",
                Pop3AuthenticationMethod.ScramSha1 => "AUTH SCRAM-SHA-1 +OK",
                _ => "AUTH SCRAM-SHA-256 +OK",
            };
            Assert.Contains(login, labels);
            Assert.Equal("QUIT", labels[^1]);
        }
    }

    [Fact]
    public void Mutated_replies_end_in_a_result_or_a_typed_error()
    {
        var iterations = Mutator.Iterations(2000);
        var first = Mutator.FirstSeed();
        var failures = new List<string>();
        var outcomes = new Dictionary<string, int>();
        var stages = new Dictionary<string, int>();
        var perSession = new Dictionary<int, int>();
        long mostAllocated = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var seed = first; seed < first + iterations; seed++)
        {
            var run = RunSeed(seed);
            outcomes[run.Outcome] = outcomes.GetValueOrDefault(run.Outcome) + 1;
            perSession[run.MutatedStages.Count] = perSession.GetValueOrDefault(run.MutatedStages.Count) + 1;
            foreach (var stage in run.MutatedStages) stages[stage] = stages.GetValueOrDefault(stage) + 1;
            mostAllocated = Math.Max(mostAllocated, run.Result.Allocated);
            if (run.Result.Failure == null) continue;
            failures.Add("seed " + seed + " (" + run.Description + "): " + run.Result.Failure);
            if (run.Result.Failure.StartsWith("hang", StringComparison.Ordinal)) break;
        }
        output.WriteLine(iterations + " sessions from seed " + first + " in " + clock.Elapsed.TotalSeconds.ToString("F1") + " s; most allocated by one: "
            + mostAllocated + " bytes; outcomes: " + string.Join(", ", outcomes.OrderByDescending(o => o.Value).Select(o => o.Key + " " + o.Value)));
        output.WriteLine("mutated replies reached per session: " + string.Join(", ", perSession.OrderBy(p => p.Key).Select(p => p.Key + ": " + p.Value)));
        output.WriteLine("mutations per stage: " + string.Join(", ", stages.OrderByDescending(s => s.Value).Select(s => s.Key + " " + s.Value)));
        foreach (var failure in failures) output.WriteLine(failure);
        Assert.True(failures.Count == 0, failures.Count + " failures; first: " + failures.FirstOrDefault());
    }

    public sealed record SeedRun(string Description, string Outcome, FuzzCase.Result Result, IReadOnlyList<string> MutatedStages);

    /// <summary>One seed: a scenario, one to three replies of its good session to mutate, each with its own seed.</summary>
    public static SeedRun RunSeed(int seed)
    {
        var random = new Random(seed);
        var scenario = Scenarios[random.Next(Scenarios.Length)];
        var replies = GoodSession(scenario).Count;
        var slots = Enumerable.Range(0, replies).OrderBy(_ => random.Next()).Take(1 + random.Next(3)).OrderBy(s => s).ToList();
        var closeAfterLast = random.Next(2) == 0;
        var plan = slots.Select(s => new PlannedMutation(s, random.Next(), closeAfterLast && s == slots[^1])).ToList();
        var outcome = "none";
        FuzzMailbox? mailbox = null;
        var result = FuzzCase.Run(budget =>
        {
            mailbox = new FuzzMailbox(scenario.Security == Pop3Security.StartTls, plan);
            try
            {
                outcome = RunSession(scenario, mailbox);
            }
            finally
            {
                budget.Bound = 64L * 1024 * 1024 + 40L * mailbox.MutatedBytes;
                budget.HarnessBytes = mailbox.MutationAllocated;
            }
        }, TimeBound, AllocationScope.Process);
        var mutations = mailbox?.Mutations.ToArray() ?? Array.Empty<string>();
        var description = scenario + ", replies " + string.Join(",", slots) + " of " + replies + ": " + string.Join("; ", mutations);
        return new SeedRun(description, outcome, result, mailbox?.MutatedLabels.ToArray() ?? Array.Empty<string>());
    }

    private static IReadOnlyList<string> GoodSession(Scenario scenario) => GoodSessions.GetOrAdd(scenario, s =>
    {
        var mailbox = new FuzzMailbox(s.Security == Pop3Security.StartTls, Array.Empty<PlannedMutation>());
        var outcome = RunSession(s, mailbox);
        if (outcome != "Ok") throw new InvalidOperationException("The unmutated " + s + " session ended " + outcome + ": the fuzz server and client disagree.");
        return mailbox.Replies.ToArray();
    });

    /// <summary>A whole session as a cmdlet pipeline would run it; the server stops before this returns.</summary>
    private static string RunSession(Scenario scenario, FuzzMailbox mailbox)
    {
        var items = new List<string>();
        try
        {
            using (var server = ScriptedPop3Server.Start(mailbox.Serve))
            {
                try
                {
                    Drive(server, scenario, items);
                }
                finally
                {
                    server.WaitForScripts();
                }
            }
        }
        catch (Pop3Exception e)
        {
            return e.Kind.ToString();
        }
        return items.Count > 0 ? "Item:" + items[0] : "Ok";
    }

    private static void Drive(ScriptedPop3Server server, Scenario scenario, List<string> items)
    {
        var token = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
        var options = server.ClientOptions(scenario.Security, ClientTimeout);
        options.AllowInsecureAuthentication = scenario.Security == Pop3Security.None;
        options.SkipCertificateCheck = true;
        using var client = Pop3Client.Connect(options, token);
        client.Authenticate(new NetworkCredential(FuzzMailbox.User, FuzzMailbox.Password), scenario.Method, token);
        client.Stat(token);
        var sizes = client.List(token).GroupBy(e => e.Number).ToDictionary(g => g.Key, g => (long?)g.First().Size);
        client.Uidl(token);
        Action<int, Pop3Exception> onError = (n, e) => items.Add(e.Kind.ToString());
        Func<int, long?> listed = n => sizes.TryGetValue(n, out var size) ? size : null;
        client.Top(new[] { 1, 2 }, 0, (n, s) => Drain(s), onError, token, listed);
        client.Retrieve(new[] { 1, 2 }, (n, s) => Drain(s), onError, token, listed);
        client.Quit(token);
    }

    /// <summary>Reads a message through a fixed buffer, so the test itself allocates little.</summary>
    private static void Drain(Stream stream)
    {
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while (total < ReadCap && (read = stream.Read(buffer, 0, buffer.Length)) > 0) total += read;
    }
}
