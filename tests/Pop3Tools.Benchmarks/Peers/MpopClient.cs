using System.Globalization;
using Pop3Tools.Benchmarks.Measurement;

namespace Pop3Tools.Benchmarks.Peers;

/// <summary>mpop delivering into a maildir, configured wholly on the command line.</summary>
internal sealed class MpopClient : BenchClient
{
    public override string Name => "mpop";

    public override string Executable => "/usr/bin/mpop";

    public override string Configuration =>
        "`mpop -C <empty rc> --tls=on --tls-starttls=off --tls-certcheck=off` (plain: `--tls=off`) " +
        "`--auth=user --passwordeval='echo \"$" + PasswordVariable + "\"' --keep=on --only-new=off " +
        "--received-header=off --delivery=maildir,<tmp>`; pipelining left at its default (auto); mpop " +
        "keeps its UIDL list in a fresh file per run.";

    public override ProcessSpec Prepare(RunContext run)
    {
        foreach (var sub in new[] { "cur", "new", "tmp" })
        {
            Directory.CreateDirectory(Path.Combine(run.MailDir, sub));
        }
        // An empty private rc keeps any ~/.mpoprc of the machine out of the measurement.
        var rc = WritePrivateFile(Path.Combine(run.ConfigDir, "mpoprc"), "");
        var tls = run.Transport == Transport.Tls;
        var arguments = new List<string>
        {
            "-C", rc,
            "--host=" + run.Endpoint.Host,
            "--port=" + run.Port.ToString(CultureInfo.InvariantCulture),
            "--tls=" + (tls ? "on" : "off"),
        };
        if (tls)
        {
            arguments.Add("--tls-starttls=off");
            arguments.Add("--tls-certcheck=off");
        }
        arguments.AddRange(new[]
        {
            "--auth=user",
            "--user=" + run.Endpoint.User,
            "--passwordeval=echo \"$" + PasswordVariable + "\"",
            "--keep=on",
            "--only-new=off",
            "--received-header=off",
            "--uidls-file=" + Path.Combine(run.ConfigDir, "uidls"),
            "--delivery=maildir," + run.MailDir,
            "--quiet",
        });
        return new ProcessSpec(Executable, arguments, PasswordEnvironment(run));
    }

    public override MailTally Inspect(RunContext run) => DeliveredMail.FilePerMessage(run.MailDir);
}
