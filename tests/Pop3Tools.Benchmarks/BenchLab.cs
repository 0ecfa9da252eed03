using Pop3Tools.Benchmarks.Measurement;
using Pop3Tools.Benchmarks.Peers;
using Pop3Tools.Engine.Tests.Dovecot;

namespace Pop3Tools.Benchmarks;

/// <summary>
/// The test lab's private Dovecot holding one mailbox built for the scenario from
/// the lab's seeded generator, so every run of the benchmark fetches the same mail.
/// </summary>
internal sealed class BenchLab : IDisposable
{
    private const string User = "bench";
    private const string Password = "bench-Pa55word!";
    private const int Seed = 1939;
    private const string LargeKind = "large";

    private readonly DovecotLab lab;

    private BenchLab(DovecotLab lab, MailboxSnapshot mailbox, string description)
    {
        this.lab = lab;
        Mailbox = mailbox;
        Description = description;
        Endpoint = new PopEndpoint(lab.Host, lab.TlsPort, lab.PlainPort, User, Password);
    }

    public PopEndpoint Endpoint { get; }

    /// <summary>The generator's truth about the mailbox the server holds.</summary>
    public MailboxSnapshot Mailbox { get; }

    public string Description { get; }

    public static BenchLab Start(Scenario scenario)
    {
        var messages = Compose(scenario);
        var mailbox = MailboxSnapshot.Of(messages.Select(m => m.Bytes));
        var lab = DovecotLab.Start();
        try
        {
            lab.AddMailbox(User, Password, messages);
            return new BenchLab(lab, mailbox, DescribeServer());
        }
        catch
        {
            lab.Dispose();
            throw;
        }
    }

    public void Dispose() => lab.Dispose();

    // The generator's realistic mailbox has one ~5 MB message in sixty; several seeds give
    // the mixed kinds, and only as many large ones as the scenario wants are kept.
    private static List<GeneratedMessage> Compose(Scenario scenario)
    {
        var mixed = new List<GeneratedMessage>();
        var large = new List<GeneratedMessage>();
        for (var seed = Seed; mixed.Count < scenario.MixedMessages || large.Count < scenario.LargeMessages; seed++)
        {
            foreach (var message in new MailGenerator(seed).DefaultMailbox())
            {
                (message.Kind == LargeKind ? large : mixed).Add(message);
            }
        }
        var all = mixed.Take(scenario.MixedMessages)
            .Concat(large.Take(scenario.LargeMessages))
            .Concat(new MailGenerator(Seed).Bulk(scenario.BulkMessages))
            .ToList();
        // A fixed shuffle spreads the large and the small ones through the mailbox.
        var order = new Random(Seed);
        for (var i = all.Count - 1; i > 0; i--)
        {
            var j = order.Next(i + 1);
            (all[i], all[j]) = (all[j], all[i]);
        }
        return all;
    }

    private static string DescribeServer()
    {
        var version = LabTools.Run(LabTools.Find("dovecot"), TimeSpan.FromSeconds(10), "--version");
        var text = version.ExitCode == 0 ? version.StandardOutput.Trim() : "version unknown";
        return $"Dovecot {text} (the test lab: maildir, pop3_fast_size_lookups, self-signed certificate)";
    }
}
