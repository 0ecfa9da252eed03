using System.Diagnostics;
using System.Net;
using System.Text;
using Pop3Tools.Engine.Protocol;

namespace Pop3Tools.Engine.Tests.Protocol;

internal static class ClientHelpers
{
    /// <summary>Bounds every test so a regression shows up as a failure, not a stuck run.</summary>
    public static CancellationToken TestToken(int seconds = 30) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;

    public static NetworkCredential Alice => new("alice", "S3cret-Passw0rd!");

    /// <summary>Retrieves messages into a number → text map, errors into a number → kind map.</summary>
    public static (Dictionary<int, string> Messages, Dictionary<int, Pop3ErrorKind> Errors) RetrieveAll(Pop3Client client, IEnumerable<int> numbers)
    {
        var messages = new Dictionary<int, string>();
        var errors = new Dictionary<int, Pop3ErrorKind>();
        client.Retrieve(numbers, (n, stream) => messages[n] = ReadAll(stream), (n, e) => errors[n] = e.Kind, TestToken());
        return (messages, errors);
    }

    public static string ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Encoding.UTF8.GetString(copy.ToArray());
    }

    /// <summary>Runs an action expected to fail with a Pop3Exception and returns it.</summary>
    public static Pop3Exception Fails(Action action) => Assert.Throws<Pop3Exception>(action);

    /// <summary>
    /// A configured timeout is behaviour: the call must give up within a generous bound of it.
    /// A hang detector, not a speed test: the bound is several times the timeout.
    /// </summary>
    public static TimeSpan HangBound(TimeSpan timeout) => timeout + timeout + timeout + timeout;

    /// <summary>Like <see cref="Fails"/>, and the failure must come within <paramref name="bound"/>.</summary>
    public static Pop3Exception FailsWithin(TimeSpan bound, Action action)
    {
        var clock = Stopwatch.StartNew();
        var error = Fails(action);
        clock.Stop();
        Assert.True(clock.Elapsed < bound, "The call ended after " + clock.Elapsed.TotalSeconds.ToString("0.0") + " s, beyond the " + bound.TotalSeconds + " s bound: " + error.Message);
        return error;
    }
}
