using System.Globalization;
using Pop3Tools.Benchmarks.Measurement;

namespace Pop3Tools.Benchmarks.Peers;

/// <summary>
/// fetchmail storing either into one batch-SMTP file (one process for the whole
/// run) or through an MDA, which fetchmail starts once per message.
/// </summary>
internal sealed class FetchmailClient : BenchClient
{
    private const string BsmtpFileName = "mail.bsmtp";
    private readonly bool _perMessageMda;

    public FetchmailClient(bool perMessageMda)
    {
        _perMessageMda = perMessageMda;
    }

    public override string Name => "fetchmail";

    public override string Variant => _perMessageMda ? "--mda, one process per message" : "--bsmtp file";

    public override string Executable => "/usr/bin/fetchmail";

    public override string Configuration => _perMessageMda
        ? "as the bsmtp row, but `--mda 'cat > <tmp>/msg.$$'`: fetchmail starts `/bin/sh` + `cat` for every message."
        : "rc file (0600) `poll <host> protocol pop3 port <p> user <u> password <p>`; command line `--ssl " +
          "--nosslcertck` (plain: `--sslproto ''`, which also stops opportunistic STLS) `--auth password -a -k " +
          "--invisible --nosyslog --silent --idfile <tmp> --pidfile <tmp> --bsmtp <tmp>/mail.bsmtp`, " +
          "FETCHMAILHOME and HOME pointed at a private temp dir.";

    // Batch SMTP wraps each message in MAIL/RCPT/DATA lines and dot-stuffs it; the
    // MDA path also adds a few bytes (observed: a handful over a whole mailbox).
    public override int ExtraBytesAllowedPerMessage => 1024;

    public override ProcessSpec Prepare(RunContext run)
    {
        var rc = WritePrivateFile(
            Path.Combine(run.ConfigDir, "fetchmailrc"),
            $"poll {run.Endpoint.Host} protocol pop3 port {run.Port.ToString(CultureInfo.InvariantCulture)} " +
            $"user \"{Escape(run.Endpoint.User)}\" password \"{Escape(run.Endpoint.Password)}\"\n");
        var arguments = new List<string> { "-f", rc };
        if (run.Transport == Transport.Tls)
        {
            arguments.Add("--ssl");
            arguments.Add("--nosslcertck");
        }
        else
        {
            arguments.Add("--sslproto");
            arguments.Add("");
        }
        arguments.AddRange(new[]
        {
            "--auth", "password",
            "--all",
            "--keep",
            "--invisible",
            "--nosyslog",
            "--silent",
            "--idfile", Path.Combine(run.ConfigDir, "fetchids"),
            "--pidfile", Path.Combine(run.ConfigDir, "fetchmail.pid"),
        });
        Directory.CreateDirectory(run.MailDir);
        if (_perMessageMda)
        {
            arguments.Add("--mda");
            arguments.Add($"cat > {run.MailDir}/msg.$$");
        }
        else
        {
            arguments.Add("--bsmtp");
            arguments.Add(Path.Combine(run.MailDir, BsmtpFileName));
        }
        var environment = new Dictionary<string, string>
        {
            ["FETCHMAILHOME"] = run.ConfigDir,
            ["HOME"] = run.ConfigDir,
        };
        return new ProcessSpec(Executable, arguments, environment);
    }

    public override MailTally Inspect(RunContext run) => _perMessageMda
        ? DeliveredMail.FilePerMessage(run.MailDir)
        : DeliveredMail.Bsmtp(Path.Combine(run.MailDir, BsmtpFileName));

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
