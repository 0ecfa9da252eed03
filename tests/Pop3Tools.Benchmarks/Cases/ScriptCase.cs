using System.Globalization;
using System.Text.Json;
using Pop3Tools.Benchmarks.Measurement;

namespace Pop3Tools.Benchmarks.Cases;

/// <summary>
/// A small Python script (Scripts/) that times its own session from connect to QUIT, the way the
/// PowerShell cases do, so interpreter start-up is on neither side of a ratio.
/// </summary>
internal sealed class ScriptCase : BenchCase
{
    private readonly string id;
    private readonly string label;
    private readonly Workload workload;
    private readonly string configuration;
    private readonly string script;
    private readonly string[] extraArguments;

    private ScriptCase(string id, string label, Workload workload, string configuration, string script, params string[] extraArguments)
    {
        this.id = id;
        this.label = label;
        this.workload = workload;
        this.configuration = configuration;
        this.script = script;
        this.extraArguments = extraArguments;
    }

    public static ScriptCase Wire() => new(
        "wire", "wire limit: pipelined RETR, bytes discarded", Workload.Wire,
        "`python3 pop3_pipelined.py retr`: USER/PASS, STAT, then every `RETR n` written at once by a second thread on " +
        "the same socket while the main thread reads 1 MiB at a time and only counts the CRLF.CRLF terminators.",
        "pop3_pipelined.py", "retr");

    public static ScriptCase MinimalListing() => new(
        "minimal-listing", "minimal: pipelined UIDL + TOP n 0, unparsed", Workload.Listing,
        "`python3 pop3_pipelined.py top`: as the wire limit, with `UIDL` and every `TOP n 0` instead of RETR; headers not parsed.",
        "pop3_pipelined.py", "top");

    public static ScriptCase PoplibListing() => new(
        "poplib-listing", "python poplib + email, one at a time", Workload.Listing,
        "`python3 poplib_headers.py`: `poplib.POP3` USER/PASS, `uidl()`, then `top(n, 0)` for each message, parsed by " +
        "`email.parser.BytesHeaderParser(policy=email.policy.default)`, reading Subject, From, To, Message-ID and Date (as a datetime).",
        "poplib_headers.py");

    public override string Id => id;

    public override string Label => label;

    public override Workload Workload => workload;

    public override string Configuration => configuration + " Seconds = its own perf_counter from connect to the QUIT reply.";

    public override bool AppliesTo(MailboxSpec mailbox) => workload != Workload.Listing || !mailbox.IsSingleLarge;

    public override CaseResult Run(CaseContext context)
    {
        var endpoint = context.Mailbox.Endpoint;
        var arguments = new List<string>
        {
            Path.Combine(AppContext.BaseDirectory, "Scripts", script),
            endpoint.Host,
            endpoint.PlainPort.ToString(CultureInfo.InvariantCulture),
            endpoint.User,
        };
        arguments.AddRange(extraArguments);
        var spec = new ProcessSpec(Peers.PoplibClient.Python, arguments,
            new Dictionary<string, string> { [Peers.BenchClient.PasswordVariable] = endpoint.Password });
        var run = ProcessTimer.Run(spec, context.Scratch, context.Timeout);
        var problem = Check.Exited(run);
        var line = run.StandardOutput.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith('{'));
        if (problem is not null || line is null)
        {
            return CaseResult.Failed(problem ?? "no result line");
        }
        using var json = JsonDocument.Parse(line);
        var seconds = json.RootElement.GetProperty("seconds").GetDouble();
        var messages = json.RootElement.GetProperty("messages").GetInt32();
        var expected = context.Mailbox.Snapshot.Content.Messages;
        problem = messages != expected ? $"{messages} of {expected} messages" : null;
        if (problem is null && workload == Workload.Wire)
        {
            // Every byte of every message, plus the status lines, dot-stuffing and terminators.
            var bytes = json.RootElement.GetProperty("bytes").GetInt64();
            problem = bytes < context.Mailbox.Snapshot.WireBytes ? $"received {bytes} bytes, the mailbox holds {context.Mailbox.Snapshot.WireBytes}" : null;
        }
        return new CaseResult(seconds, run.PeakRssKiB, problem, null,
            new Dictionary<string, double> { ["process"] = run.Seconds, ["cpu"] = run.CpuSeconds });
    }
}
