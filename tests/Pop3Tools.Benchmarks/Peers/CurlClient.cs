using Pop3Tools.Benchmarks.Measurement;
using System.Globalization;
using System.Text;

namespace Pop3Tools.Benchmarks.Peers;

/// <summary>
/// curl fetching one URL per message in a single process, which reuses one
/// connection for all of them. curl cannot list and then fetch in one run, so it
/// is handed the message numbers up front.
/// </summary>
internal sealed class CurlClient : BenchClient
{
    public override string Name => "curl";

    public override string Executable => "/usr/bin/curl";

    public override string Configuration =>
        "one process, `curl -K <config>` whose config (0600) holds `user`, `insecure`, `silent`, `show-error` and " +
        "one `url = \"pop3s://<host>:<port>/<n>\"` + `output = \"<tmp>/<n>.eml\"` pair per message (plain: `pop3://`); " +
        "curl keeps the connection between URLs and logs in with SASL PLAIN (it has no USER/PASS choice when " +
        "SASL is offered); it issues RETR one at a time.";

    public override ProcessSpec Prepare(RunContext run)
    {
        Directory.CreateDirectory(run.MailDir);
        var scheme = run.Transport == Transport.Tls ? "pop3s" : "pop3";
        var config = new StringBuilder()
            .Append("user = \"").Append(Quote(run.Endpoint.User)).Append(':').Append(Quote(run.Endpoint.Password)).Append("\"\n")
            .Append("insecure\nsilent\nshow-error\n");
        for (var number = 1; number <= run.MessageCount; number++)
        {
            var n = number.ToString(CultureInfo.InvariantCulture);
            config.Append("url = \"").Append(scheme).Append("://").Append(run.Endpoint.Host).Append(':')
                .Append(run.Port.ToString(CultureInfo.InvariantCulture)).Append('/').Append(n).Append("\"\n")
                .Append("output = \"").Append(Quote(Path.Combine(run.MailDir, n + ".eml"))).Append("\"\n");
        }
        var file = WritePrivateFile(Path.Combine(run.ConfigDir, "curl.config"), config.ToString());
        return new ProcessSpec(Executable, new[] { "-K", file }, new Dictionary<string, string>());
    }

    private static string Quote(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
