using Pop3Tools.Benchmarks.Measurement;
using Pop3Tools.Benchmarks.Peers;

namespace Pop3Tools.Benchmarks.Cases;

/// <summary>A peer POP3 client downloading the whole mailbox, timed from outside by GNU time.</summary>
internal sealed class PeerCase : BenchCase
{
    private readonly BenchClient client;
    private readonly Storage storage;
    private readonly int? maxMessages;

    /// <param name="maxMessages">Leave out mailboxes bigger than this (a client that starts a process per message).</param>
    public PeerCase(BenchClient client, Storage storage, int? maxMessages = null)
    {
        this.client = client;
        this.storage = storage;
        this.maxMessages = maxMessages;
    }

    public BenchClient Client => client;

    public override string Id => $"{client.Name.Replace(' ', '-')}-{storage.ToString().ToLowerInvariant()}";

    public override string Label => $"{client.Label} ({storage.ToString().ToLowerInvariant()})";

    public override Workload Workload => Workload.Export;

    public override Storage Storage => storage;

    public override string Configuration => client.Configuration + " Seconds = wall time of the process (GNU time), start-up included.";

    public override bool AppliesTo(MailboxSpec mailbox) => maxMessages is null || mailbox.Messages <= maxMessages;

    public override CaseResult Run(CaseContext context)
    {
        var configDir = Directory.CreateDirectory(Path.Combine(context.Scratch, "config")).FullName;
        File.SetUnixFileMode(configDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var mailDir = Directory.CreateDirectory(Path.Combine(context.Scratch, "mail")).FullName;
        var run = new RunContext(context.Mailbox.Endpoint, Transport.Plain, context.Mailbox.Snapshot.Content.Messages, configDir, mailDir);
        var timed = ProcessTimer.Run(client.Prepare(run), context.Scratch, context.Timeout);
        var problem = Check.Exited(timed) ?? Check.Stored(client.Inspect(run), context.Mailbox.Snapshot, client.ExtraBytesAllowedPerMessage);
        return new CaseResult(timed.Seconds, timed.PeakRssKiB, problem, null,
            new Dictionary<string, double> { ["cpu"] = timed.CpuSeconds });
    }
}
