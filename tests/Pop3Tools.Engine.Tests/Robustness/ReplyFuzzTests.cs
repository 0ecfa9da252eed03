using System.Text;
using Pop3Tools.Engine.Tests.Scripted;
using Xunit.Abstractions;

namespace Pop3Tools.Engine.Tests.Robustness;

/// <summary>
/// Seeded mutations of good server replies, sent by the scripted server in place of the
/// good one and followed by a close, through the real client over loopback: a result or a
/// typed Pop3Exception, never another exception, a hang or unbounded memory.
/// The full run: POP3TOOLS_FUZZ_ITERATIONS=10000; one seed: POP3TOOLS_FUZZ_SEED=n POP3TOOLS_FUZZ_ITERATIONS=1.
/// </summary>
public class ReplyFuzzTests
{
    private static readonly string[] Targets = { "GREETING", "CAPA", "USER", "PASS", "STAT", "LIST", "UIDL", "TOP", "RETR" };

    private readonly ITestOutputHelper output;

    public ReplyFuzzTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void Mutated_replies_end_in_a_result_or_a_typed_error()
    {
        var iterations = Mutator.Iterations(2000);
        var first = Mutator.FirstSeed();
        var failures = new List<string>();
        var outcomes = new Dictionary<string, int>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var seed = first; seed < first + iterations; seed++)
        {
            var (mutation, outcome, result) = RunSeed(seed);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            if (result.Failure == null) continue;
            failures.Add("seed " + seed + " (" + mutation + "): " + result.Failure);
            if (result.Failure.StartsWith("hang", StringComparison.Ordinal)) break;
        }
        output.WriteLine(iterations + " reply mutations from seed " + first + " in " + clock.Elapsed.TotalSeconds.ToString("F1") + " s; outcomes: "
            + string.Join(", ", outcomes.OrderByDescending(o => o.Value).Select(o => o.Key + " " + o.Value)));
        foreach (var failure in failures) output.WriteLine(failure);
        Assert.True(failures.Count == 0, failures.Count + " failures; first: " + failures.FirstOrDefault());
    }

    public static (string Mutation, string Outcome, FuzzCase.Result Result) RunSeed(int seed)
    {
        var random = new Random(seed);
        var target = Targets[random.Next(Targets.Length)];
        var mutation = Mutator.Mutate(Encoding.ASCII.GetBytes(HostileMailbox.Good(target)), random);
        var hostile = new HostileCase("fuzz " + seed, target, mutation.Bytes, AfterHostile.Close, "any")
        {
            ClientTimeout = TimeSpan.FromSeconds(2),
        };
        var outcome = "none";
        var result = FuzzCase.Run(() =>
        {
            var run = HostileRun.Run(hostile);
            outcome = run.Outcome;
            if (run.Error != null && run.Error is not Pop3Exception) throw run.Error;
        }, TimeSpan.FromSeconds(20), 64L * 1024 * 1024 + 40L * mutation.Bytes.Length);
        return (target + " " + mutation.Description, outcome, result);
    }
}
