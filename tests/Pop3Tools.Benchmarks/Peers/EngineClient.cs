using Pop3Tools.Benchmarks.Measurement;

namespace Pop3Tools.Benchmarks.Peers;

/// <summary>Our engine, run as the <c>client</c> subcommand of this very executable.</summary>
internal sealed class EngineClient : BenchClient
{
    public const string ProductName = "Pop3Tools";
    private readonly bool _pipelining;

    public EngineClient(bool pipelining)
    {
        _pipelining = pipelining;
    }

    public bool IsReference => _pipelining;

    public override string Name => ProductName;

    public override string Variant => _pipelining ? "pipelining on" : "pipelining off";

    public override string Executable => Environment.ProcessPath ?? throw new InvalidOperationException("no process path");

    public override string Configuration => _pipelining
        ? "`Pop3Tools.Benchmarks client`, a separate process: `Pop3Client` with implicit TLS (plain: `None` with " +
          "`AllowInsecureAuthentication`), `SkipCertificateCheck`, USER/PASS, STAT, then one `Retrieve` over all " +
          "numbers with `UsePipelining` (RETR in a window of 32); each message is streamed by `Stream.CopyTo` " +
          "(64 KiB buffer) into its own file, never held whole in memory."
        : "as above with `UsePipelining = false`: one RETR at a time.";

    public override ProcessSpec Prepare(RunContext run) => Spec(run, loginOnly: false);

    /// <summary>The same process that connects, logs in and quits without fetching: the runtime's floor.</summary>
    public ProcessSpec PrepareLoginOnly(RunContext run) => Spec(run, loginOnly: true);

    private ProcessSpec Spec(RunContext run, bool loginOnly)
    {
        var arguments = new List<string>();
        // Under `dotnet Pop3Tools.Benchmarks.dll` the process is the muxer, which needs the dll again.
        if (Path.GetFileNameWithoutExtension(Executable) == "dotnet")
        {
            arguments.Add(typeof(EngineClient).Assembly.Location);
        }
        arguments.AddRange(new[]
        {
            EngineClientCommand.Verb,
            "--host", run.Endpoint.Host,
            "--port", run.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--security", run.Transport == Transport.Tls ? nameof(Pop3Security.Tls) : nameof(Pop3Security.None),
            "--user", run.Endpoint.User,
            "--out", run.MailDir,
        });
        if (!_pipelining)
        {
            arguments.Add("--no-pipelining");
        }
        if (loginOnly)
        {
            arguments.Add("--login-only");
        }
        return new ProcessSpec(Executable, arguments, PasswordEnvironment(run));
    }

    public override string DescribeVersion() =>
        $"engine {typeof(Pop3Tools.Engine.Protocol.Pop3Client).Assembly.GetName().Version} on .NET {Environment.Version}";
}
