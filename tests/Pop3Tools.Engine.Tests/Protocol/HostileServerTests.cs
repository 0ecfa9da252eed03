using Pop3Tools.Engine.Tests.Scripted;
using System.Collections.Concurrent;

namespace Pop3Tools.Engine.Tests.Protocol;

/// <summary>
/// The hostile server corpus: every case must end in its own typed outcome (or the correct
/// result), within a bound of the client's timeout, with bounded allocation, and without a
/// credential on the wire when a TLS step failed.
/// </summary>
public class HostileServerTests
{
    private static readonly ConcurrentDictionary<string, string> Baselines = new();

    public static IEnumerable<object[]> CaseNames => HostileCorpus.All.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void A_hostile_reply_ends_in_its_typed_outcome(string name)
    {
        var hostile = HostileCorpus.ByName[name];
        var run = HostileRun.Run(hostile);
        var detail = " (" + name + ": transcript \"" + Short(run.Transcript) + "\", error " + run.Error?.GetType().Name + ": " + Short(run.Error?.Message ?? "") + ")";

        Assert.True(hostile.Expected.Split('|').Contains(run.Outcome), "Expected " + hostile.Expected + ", got " + run.Outcome + detail);
        Assert.True(run.Elapsed < hostile.TimeBound, "Took " + run.Elapsed + detail);
        Assert.True(run.Allocated < hostile.AllocationBound, "Allocated " + run.Allocated + " bytes" + detail);
        if (run.Outcome == "Ok") Assert.Equal(hostile.Result ?? Baseline(hostile), run.Transcript);
        if (hostile.NoCredentialSent)
        {
            Assert.DoesNotContain(run.Received, line => line.StartsWith("USER", StringComparison.OrdinalIgnoreCase)
                || line.StartsWith("PASS", StringComparison.OrdinalIgnoreCase)
                || line.StartsWith("APOP", StringComparison.OrdinalIgnoreCase)
                || line.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void The_corpus_has_at_least_200_distinct_cases_over_every_command()
    {
        Assert.True(HostileCorpus.All.Count >= 200, HostileCorpus.All.Count + " cases");
        Assert.Equal(HostileCorpus.All.Count, HostileCorpus.All.Select(c => c.Name).Distinct().Count());
        var commands = HostileCorpus.All.Select(c => c.Target).ToHashSet();
        foreach (var command in new[] { "GREETING", "CAPA", "STLS", "USER", "PASS", "AUTH", "STAT", "LIST", "UIDL", "TOP", "RETR", "DELE", "RSET", "NOOP", "QUIT" })
        {
            Assert.Contains(command, commands);
        }
    }

    /// <summary>What a good server gives the same stage, with the same capabilities and login.</summary>
    private static string Baseline(HostileCase hostile)
    {
        var key = hostile.StageOrTarget + "|" + (hostile.Capabilities == null ? "-" : string.Join(",", hostile.Capabilities)) + "|" + hostile.Method;
        return Baselines.GetOrAdd(key, _ =>
        {
            var good = new HostileCase("baseline", "NONE", Array.Empty<byte>(), AfterHostile.Continue, "Ok")
            {
                Stage = hostile.StageOrTarget,
                Capabilities = hostile.Capabilities,
                Method = hostile.Method,
            };
            var run = HostileRun.Run(good);
            Assert.True(run.Outcome == "Ok", "The good server failed the " + key + " stage: " + run.Error);
            return run.Transcript;
        });
    }

    private static string Short(string text) => text.Length > 300 ? text.Substring(0, 300) + "..." : text;
}
