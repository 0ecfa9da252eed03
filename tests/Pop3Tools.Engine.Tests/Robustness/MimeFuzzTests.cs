using Pop3Tools.Engine.Mime;
using Pop3Tools.Engine.Tests.Dovecot;
using Xunit.Abstractions;

namespace Pop3Tools.Engine.Tests.Robustness;

/// <summary>
/// Seeded mutations of the generated lab mailbox's messages through the MIME path
/// (MessageParser, as Receive-Pop3Message parses, and the header-listing reader):
/// a result or Pop3.MessageMalformed, never another exception, a hang or unbounded memory.
/// The full run: POP3TOOLS_FUZZ_ITERATIONS=10000; one seed: POP3TOOLS_FUZZ_SEED=n POP3TOOLS_FUZZ_ITERATIONS=1.
/// </summary>
public class MimeFuzzTests
{
    private static readonly IReadOnlyList<GeneratedMessage> Mailbox = new MailGenerator(10).DefaultMailbox();
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(20);

    private readonly ITestOutputHelper output;

    public MimeFuzzTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void Mutated_messages_end_in_a_result_or_a_typed_error()
    {
        var iterations = Mutator.Iterations(2000);
        var first = Mutator.FirstSeed();
        var failures = new List<string>();
        var slowest = new List<(TimeSpan Elapsed, string What)>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var seed = first; seed < first + iterations; seed++)
        {
            var (mutation, result) = RunSeed(seed);
            slowest.Add((result.Elapsed, "seed " + seed + " " + mutation.Description + " (" + mutation.Bytes.Length + " bytes)"));
            if (result.Failure == null) continue;
            failures.Add("seed " + seed + " (" + mutation.Description + "): " + result.Failure);
            if (result.Failure.StartsWith("hang", StringComparison.Ordinal)) break;
        }
        output.WriteLine(iterations + " MIME mutations from seed " + first + " in " + clock.Elapsed.TotalSeconds.ToString("F1") + " s; slowest:");
        foreach (var (elapsed, what) in slowest.OrderByDescending(s => s.Elapsed).Take(5)) output.WriteLine("  " + elapsed.TotalMilliseconds.ToString("F0") + " ms " + what);
        foreach (var failure in failures) output.WriteLine(failure);
        Assert.True(failures.Count == 0, failures.Count + " failures; first: " + failures.FirstOrDefault());
    }

    public static (Mutation Mutation, FuzzCase.Result Result) RunSeed(int seed)
    {
        var random = new Random(seed);
        var original = Mailbox[random.Next(Mailbox.Count)];
        var mutation = Mutator.Mutate(original.Bytes, random);
        var keepRaw = random.Next(2) == 0;
        var bytes = mutation.Bytes;
        var result = FuzzCase.Run(budget =>
        {
            budget.Bound = 64L * 1024 * 1024 + 40L * bytes.Length;
            try
            {
                MessageParser.Parse(new MemoryStream(bytes), new Pop3MessageInfo(null!, 1, "uid-1", bytes.Length), keepRaw, CancellationToken.None);
            }
            catch (Pop3Exception)
            {
                // Typed: the listing path below still gets its turn.
            }
            MessageHeaders.Parse(new MemoryStream(bytes));
        }, TimeBound, AllocationScope.CaseThread);
        return (mutation, result);
    }
}
