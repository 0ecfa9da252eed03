using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Pop3Tools.Engine.Protocol;

namespace Pop3Tools.Engine.Tests.Scripted;

/// <summary>What one hostile case did to the client.</summary>
public sealed record HostileOutcome(string Outcome, string Transcript, TimeSpan Elapsed, long Allocated, IReadOnlyList<string> Received, Exception? Error);

/// <summary>
/// Drives the engine through one stage of a session against a <see cref="HostileMailbox"/>:
/// the client does what a cmdlet would up to and including the stage's command, and the
/// outcome is what it threw (typed), or what it read.
/// </summary>
public static class HostileRun
{
    /// <summary>Short enough to keep the silent cases quick, long enough for a busy 2-core CI runner.</summary>
    public static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(2);

    /// <summary>For cases whose outcome is no timeout: within <see cref="HostileCase.TimeBound"/>'s default 10 s.</summary>
    public static readonly TimeSpan PatientClientTimeout = TimeSpan.FromSeconds(8);

    static HostileRun()
    {
        // Made once, up front: an RSA key made during the first STLS case would eat its timeout.
        _ = TestCertificates.Localhost;
    }

    /// <summary>Reads at most this much of one message; the engine drains the rest.</summary>
    private const long ReadCap = 256L * 1024 * 1024;

    public static HostileOutcome Run(HostileCase hostile)
    {
        var mailbox = new HostileMailbox(hostile);
        using var server = ScriptedPop3Server.Start(mailbox.Serve);
        var items = new List<string>();
        string transcript = string.Empty;
        Exception? error = null;
        var clock = Stopwatch.StartNew();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            transcript = Drive(server, hostile, items);
        }
        catch (Exception e)
        {
            error = e;
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        clock.Stop();
        server.WaitForScripts();
        var outcome = error switch
        {
            null when items.Count > 0 => "Item:" + items[0].Split('=')[1],
            null => "Ok",
            Pop3Exception p => p.Kind.ToString(),
            _ => "Untyped:" + error.GetType().Name,
        };
        if (items.Count > 0) transcript += " items " + string.Join(",", items);
        return new HostileOutcome(outcome, transcript, clock.Elapsed, allocated, mailbox.Received.ToArray(), error);
    }

    private static string Drive(ScriptedPop3Server server, HostileCase hostile, List<string> items)
    {
        var token = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
        var stage = hostile.StageOrTarget;
        var options = server.ClientOptions(stage == "STLS" ? Pop3Security.StartTls : Pop3Security.None, hostile.ClientTimeout);
        options.AllowInsecureAuthentication = stage != "STLS";
        options.SkipCertificateCheck = true;
        var credential = new NetworkCredential("alice", "hostile-Passw0rd");

        if (stage is "RESOLVE" or "HEADERS" or "EXPORT") return DriveSession(options, credential, hostile, items, token);

        using var client = Pop3Client.Connect(options, token);
        var transcript = DriveClient(client, stage, credential, hostile, items, token);
        if (hostile.FollowWithNoop) client.Noop(token);
        return transcript;
    }

    private static string DriveClient(Pop3Client client, string stage, NetworkCredential credential, HostileCase hostile, List<string> items, CancellationToken token)
    {
        switch (stage)
        {
            case "GREETING":
            case "CAPA":
                return "greeting=" + client.Greeting + " caps=" + string.Join(",", client.Capabilities.Lines);
            case "STLS":
                // Only a tunnel that really came up may carry the login.
                client.Authenticate(credential, hostile.Method, token);
                return "security=" + client.Security + " auth=" + client.AuthenticationMethod;
        }
        client.Authenticate(credential, hostile.Method, token);
        switch (stage)
        {
            case "USER":
            case "PASS":
            case "APOP":
            case "AUTH":
                return "auth=" + client.AuthenticationMethod;
            case "STAT":
                var stat = client.Stat(token);
                return stat.Count + " " + stat.Size;
            case "LIST":
                return string.Join(",", client.List(token).Select(e => e.Number + ":" + e.Size));
            case "UIDL":
                var uids = client.Uidl(token);
                return uids == null ? "no UIDL" : string.Join(",", uids.Select(e => e.Number + ":" + e.Uid));
            case "TOP":
            case "RETR":
                var sizes = client.List(token).GroupBy(e => e.Number).ToDictionary(g => g.Key, g => (long?)g.First().Size);
                var read = new List<string>();
                Action<int, Stream> onMessage = (n, s) => read.Add(n + ":" + Digest(s));
                Action<int, Pop3Exception> onError = (n, e) => items.Add(n + "=" + e.Kind);
                Func<int, long?> listed = n => sizes.TryGetValue(n, out var size) ? size : null;
                if (stage == "TOP") client.Top(new[] { 1, 2 }, 0, onMessage, onError, token, listed);
                else client.Retrieve(new[] { 1, 2 }, onMessage, onError, token, listed);
                return string.Join(",", read);
            case "DELE":
                client.Delete(new[] { 1, 2 }, (n, e) => items.Add(n + "=" + e.Kind), token);
                return "marked";
            case "RSET":
                client.Reset(token);
                return "reset";
            case "NOOP":
                client.Noop(token);
                return "noop";
            case "QUIT":
                client.Quit(token);
                return "quit";
            default:
                throw new ArgumentException("No stage " + stage);
        }
    }

    private static string DriveSession(Pop3ConnectionOptions options, NetworkCredential credential, HostileCase hostile, List<string> items, CancellationToken token)
    {
        using var session = Pop3Session.Open(options, credential, hostile.Method, token);
        var infos = session.Resolve(Pop3MessageSelection.All, e => items.Add("resolve=" + e.Kind), token);
        var listed = string.Join(",", infos.Select(i => i.Number + ":" + i.Uid + ":" + i.Size));
        if (hostile.StageOrTarget == "RESOLVE") return listed;
        if (hostile.StageOrTarget == "EXPORT") return Export(session, infos, items, token);
        var subjects = new List<string>();
        session.LoadHeaders(infos, i => subjects.Add(i.Number + ":" + i.Subject), (i, e) => items.Add(i.Number + "=" + e.Kind), null, token);
        return listed + " " + string.Join(",", subjects);
    }

    /// <summary>
    /// Exports into a folder inside a sandbox: every saved file must sit in the target folder
    /// itself, and nothing may appear anywhere else in the sandbox, whatever the UIDs say.
    /// </summary>
    private static string Export(Pop3Session session, IReadOnlyList<Pop3MessageInfo> infos, List<string> items, CancellationToken token)
    {
        var sandbox = Directory.CreateTempSubdirectory("pop3tools-hostile-");
        try
        {
            var target = Path.Combine(sandbox.FullName, "export");
            Directory.CreateDirectory(target);
            var saved = new List<Pop3SavedMessage>();
            session.Export(infos, new Pop3Tools.Engine.Mailbox.Export.ExportOptions(target), saved.Add, (i, e) => items.Add(i.Number + "=" + e.Kind), null, token);
            var escaped = saved.Select(s => Path.GetFullPath(s.Path)).Where(p => Path.GetDirectoryName(p) != target)
                .Concat(Directory.EnumerateFileSystemEntries(sandbox.FullName, "*", SearchOption.AllDirectories).Where(p => p != target && !p.StartsWith(target + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
                .ToList();
            if (escaped.Count > 0) throw new InvalidOperationException("Written outside the target folder: " + string.Join(", ", escaped));
            return "saved=" + saved.Count;
        }
        finally
        {
            sandbox.Delete(recursive: true);
        }
    }

    /// <summary>Length and a short hash, read through a fixed buffer so the test itself allocates little.</summary>
    private static string Digest(Stream stream)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while (total < ReadCap && (read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            total += read;
        }
        return total + ":" + Convert.ToHexString(hash.GetHashAndReset()).Substring(0, 12);
    }

    /// <summary>The same digest for bytes a case expects the client to read.</summary>
    public static string Digest(byte[] expected) => Digest(new MemoryStream(expected));
}
