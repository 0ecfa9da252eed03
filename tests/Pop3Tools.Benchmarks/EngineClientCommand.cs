using System.Net;
using Pop3Tools.Engine.Protocol;

namespace Pop3Tools.Benchmarks;

/// <summary>
/// The engine as a stand-alone POP3 downloader: every message of the mailbox to
/// one file each, streamed from the socket to disk, left on the server.
/// </summary>
internal static class EngineClientCommand
{
    public const string Verb = "client";
    public const string PasswordVariable = "BENCH_POP3_PASSWORD";
    private const int CopyBufferSize = 64 * 1024;

    public static int Run(string[] args)
    {
        string? host = null, user = null, outDir = null;
        var port = 0;
        var security = Pop3Security.Tls;
        var pipelining = true;
        var loginOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--host": host = args[++i]; break;
                case "--port": port = int.Parse(args[++i]); break;
                case "--security": security = Enum.Parse<Pop3Security>(args[++i], ignoreCase: true); break;
                case "--user": user = args[++i]; break;
                case "--out": outDir = args[++i]; break;
                case "--no-pipelining": pipelining = false; break;
                case "--login-only": loginOnly = true; break;
                default:
                    Console.Error.WriteLine($"client: unknown argument '{args[i]}'");
                    return 2;
            }
        }
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (host is null || user is null || outDir is null || port == 0 || password is null)
        {
            Console.Error.WriteLine($"usage: {Verb} --host H --port P --security Tls|None --user U --out DIR [--no-pipelining] [--login-only]; password in ${PasswordVariable}");
            return 2;
        }

        var options = new Pop3ConnectionOptions(host)
        {
            Port = port,
            Security = security,
            // The lab's certificate is self-signed; every peer skips the check too.
            SkipCertificateCheck = true,
            AllowInsecureAuthentication = security == Pop3Security.None,
            UsePipelining = pipelining,
        };
        try
        {
            return Download(options, new NetworkCredential(user, password), outDir, loginOnly);
        }
        catch (Pop3Exception e)
        {
            Console.Error.WriteLine($"{e.ErrorId}: {e.Message}");
            return 1;
        }
    }

    private static int Download(Pop3ConnectionOptions options, NetworkCredential credential, string outDir, bool loginOnly)
    {
        var failures = 0;
        using var client = Pop3Client.Connect(options, CancellationToken.None);
        client.Authenticate(credential, Pop3AuthenticationMethod.UserPass, CancellationToken.None);
        var stat = client.Stat(CancellationToken.None);
        // Login only shows the runtime's own footprint: what every row of ours pays before any mail moves.
        var numbers = loginOnly ? Enumerable.Empty<int>() : Enumerable.Range(1, stat.Count);
        client.Retrieve(
            numbers,
            (number, body) => SaveMessage(outDir, number, body),
            (number, error) =>
            {
                failures++;
                Console.Error.WriteLine($"message {number}: {error.ErrorId}: {error.Message}");
            },
            CancellationToken.None);
        client.Quit(CancellationToken.None);
        return failures == 0 ? 0 : 1;
    }

    private static void SaveMessage(string outDir, int number, Stream body)
    {
        // bufferSize 0: CopyTo already writes in CopyBufferSize chunks; a FileStream buffer of
        // its own would allocate another 64 KiB for every message.
        using var file = new FileStream(
            Path.Combine(outDir, number + ".eml"), FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        body.CopyTo(file, CopyBufferSize);
    }
}
