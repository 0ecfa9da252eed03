using Pop3Tools.Benchmarks.Measurement;
using System.Globalization;

namespace Pop3Tools.Benchmarks.Peers;

/// <summary>Python's standard poplib driven by a small script shipped beside the benchmark (Scripts/).</summary>
internal sealed class PoplibClient : BenchClient
{
    /// <summary>Debian's interpreter, or whichever python3 is on the PATH.</summary>
    public static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    public override string Name => "python poplib";

    public override string Executable => Python;

    public override string Configuration =>
        "`python3 poplib_fetch.py` (in the benchmark's Scripts/): `POP3_SSL` with an `ssl` context that skips " +
        "hostname and chain checks (plain: `POP3`), `poplib._MAXLINE` raised from 2048 to 1 MiB (the default " +
        "rejects the mailbox's 10,000-character lines), USER/PASS, STAT, then `retr(n)` for each message and one " +
        "file per message. poplib returns each message as a list of lines, i.e. whole in memory.";

    public override ProcessSpec Prepare(RunContext run)
    {
        Directory.CreateDirectory(run.MailDir);
        var script = Path.Combine(AppContext.BaseDirectory, "Scripts", "poplib_fetch.py");
        var arguments = new[]
        {
            script,
            run.Endpoint.Host,
            run.Port.ToString(CultureInfo.InvariantCulture),
            run.Transport == Transport.Tls ? "tls" : "plain",
            run.Endpoint.User,
            run.MailDir,
        };
        return new ProcessSpec(Executable, arguments, PasswordEnvironment(run));
    }
}
