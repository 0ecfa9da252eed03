using System.Net;
using Pop3Tools.Engine.Diagnostics;

namespace Pop3Tools.Engine.Tests.Diagnostics;

/// <summary>Runs the probe the way Test-Pop3Server does and reads its checks.</summary>
internal static class Probe
{
    public static Pop3ServerTestResult Once(string host, int port, Pop3Security security, Action<Pop3ProbeRequest>? configure = null)
    {
        var results = Run(host, new[] { new Pop3ProbeTarget(port, security) }, configure);
        return Assert.Single(results);
    }

    public static IReadOnlyList<Pop3ServerTestResult> Run(string host, IReadOnlyList<Pop3ProbeTarget> targets, Action<Pop3ProbeRequest>? configure = null)
    {
        var request = new Pop3ProbeRequest(host, targets) { Timeout = TimeSpan.FromSeconds(10) };
        configure?.Invoke(request);
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        return Pop3ServerProbe.Run(request, bound.Token);
    }

    public static Pop3Check Check(Pop3ServerTestResult result, string name) =>
        Assert.Single(result.Checks, check => check.Name == name);

    /// <summary>The named check has the status, and (when given) its hint says what to change.</summary>
    public static Pop3Check Expect(Pop3ServerTestResult result, string name, Pop3CheckStatus status, string? hintContains = null)
    {
        var check = Check(result, name);
        Assert.True(check.Status == status, $"{name} is {check.Status}, expected {status}: {check.Detail} | {check.Hint}\nVerdict: {result.Verdict}");
        if (hintContains != null)
        {
            Assert.NotNull(check.Hint);
            Assert.Contains(hintContains, check.Hint!, StringComparison.Ordinal);
        }
        return check;
    }

    /// <summary>The first failing check is <paramref name="name"/>: the one the verdict and the table show.</summary>
    public static Pop3Check FailsAt(Pop3ServerTestResult result, string name, string hintContains)
    {
        Assert.False(result.Succeeded, result.Verdict);
        var first = result.Checks.First(check => check.Status == Pop3CheckStatus.Fail);
        Assert.True(first.Name == name, $"First failure is {first.Name} ({first.Detail}), expected {name}.");
        Assert.StartsWith(name + " failed", result.Verdict, StringComparison.Ordinal);
        var check = Expect(result, name, Pop3CheckStatus.Fail, hintContains);
        ShortVerdictFits(result);
        Assert.StartsWith(name + " failed", result.ShortVerdict, StringComparison.Ordinal);
        // The hint is the full verdict's and the list view's: the table keeps to what was found.
        Assert.DoesNotContain(check.Hint!, result.ShortVerdict, StringComparison.Ordinal);
        Assert.Contains(check.Hint!, result.Verdict, StringComparison.Ordinal);
        return check;
    }

    /// <summary>The table's verdict fits its column at 120 characters and never ends mid-word.</summary>
    public static void ShortVerdictFits(Pop3ServerTestResult result)
    {
        Assert.InRange(result.ShortVerdict.Length, 1, Verdict.ShortLength);
        if (result.ShortVerdict.EndsWith("...", StringComparison.Ordinal))
        {
            var kept = result.ShortVerdict.Substring(0, result.ShortVerdict.Length - 3);
            Assert.True(result.Verdict.StartsWith(kept, StringComparison.Ordinal) && " ,;:".Contains(result.Verdict[kept.Length]),
                "\"" + result.ShortVerdict + "\" cuts \"" + result.Verdict + "\" mid-word");
        }
    }

    public static NetworkCredential Credential(string user, string password) => new(user, password);
}
