using System.Text;
using Pop3Tools.Benchmarks.Measurement;
using Pop3Tools.Benchmarks.Peers;
using Pop3Tools.Engine.Tests.Dovecot;

namespace Pop3Tools.Benchmarks;

/// <summary>One mailbox the lab serves: what it is, where to log in, and the generator's truth about it.</summary>
internal sealed record LabMailbox(MailboxSpec Spec, PopEndpoint Endpoint, MailboxSnapshot Snapshot);

/// <summary>
/// The test lab's private Dovecot holding the scenario's mailboxes, built from the lab's
/// seeded generator so every run fetches the same mail, plus a small warm-up mailbox
/// that lets a fresh PowerShell compile the code path before it is timed.
/// </summary>
internal sealed class BenchLab : IDisposable
{
    private const string Password = "bench-Pa55word!";
    private const int Seed = 1939;

    private readonly DovecotLab lab;

    private BenchLab(DovecotLab lab, IReadOnlyList<LabMailbox> mailboxes, string description)
    {
        this.lab = lab;
        Mailboxes = mailboxes;
        Description = description;
    }

    public IReadOnlyList<LabMailbox> Mailboxes { get; }

    public string Description { get; }

    public static BenchLab Start(Scenario scenario)
    {
        var lab = DovecotLab.Start();
        try
        {
            var mailboxes = new List<LabMailbox>();
            var realistic = RealisticPool(scenario.Mailboxes.Where(m => !m.IsSingleLarge).Select(m => m.Messages).DefaultIfEmpty(0).Max());
            foreach (var spec in scenario.Mailboxes)
            {
                var messages = spec.SingleMessageBytes is { } size
                    ? new List<GeneratedMessage> { LargeMessage(size) }
                    : Cycle(realistic, spec.Messages);
                var user = "bench" + mailboxes.Count;
                lab.AddMailbox(user, Password, messages);
                mailboxes.Add(new LabMailbox(spec, Endpoint(lab, user), MailboxSnapshot.Of(messages.Select(m => m.Bytes))));
            }
            return new BenchLab(lab, mailboxes, DescribeServer());
        }
        catch
        {
            lab.Dispose();
            throw;
        }
    }

    public void Dispose() => lab.Dispose();

    private static PopEndpoint Endpoint(DovecotLab lab, string user) => new(lab.Host, lab.TlsPort, lab.PlainPort, user, Password);

    // Up to 2,000 distinct messages of the generator's realistic mix (plain, multipart, attachments,
    // Japanese charsets, dot lines, long lines), without its one ~5 MB message in sixty and without
    // those under 6 KB, which brings the mean near 50 KB; bigger mailboxes repeat them, which costs
    // the server and the clients the same work.
    private const int DistinctMessages = 2000;
    private const int SmallestMessage = 6000;

    private static List<GeneratedMessage> RealisticPool(int wanted)
    {
        var pool = new List<GeneratedMessage>();
        for (var seed = Seed; pool.Count < Math.Min(wanted, DistinctMessages); seed++)
        {
            pool.AddRange(new MailGenerator(seed).DefaultMailbox().Where(m => m.Kind != "large" && m.Bytes.Length >= SmallestMessage));
        }
        pool = pool.Take(Math.Min(wanted, DistinctMessages)).ToList();
        var order = new Random(Seed);
        for (var i = pool.Count - 1; i > 0; i--)
        {
            var j = order.Next(i + 1);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool;
    }

    private static List<GeneratedMessage> Cycle(List<GeneratedMessage> pool, int count) =>
        Enumerable.Range(0, count).Select(i => pool[i % pool.Count]).ToList();

    /// <summary>One message of about <paramref name="size"/> bytes: a short text and a base64 attachment of random bytes.</summary>
    private static GeneratedMessage LargeMessage(int size)
    {
        var random = new Random(Seed);
        var content = new byte[size / 4 * 3];
        random.NextBytes(content);
        var base64 = Convert.ToBase64String(content, Base64FormattingOptions.InsertLineBreaks);
        const string boundary = "=_p3t_large";
        var body = new StringBuilder(base64.Length + 1024)
            .Append("This is a multi-part message in MIME format.\r\n\r\n")
            .Append("--").Append(boundary).Append("\r\nContent-Type: text/plain; charset=US-ASCII\r\n\r\nThe archive is attached.\r\n")
            .Append("--").Append(boundary).Append("\r\nContent-Type: application/octet-stream; name=\"archive.bin\"\r\n")
            .Append("Content-Disposition: attachment; filename=\"archive.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n")
            .Append(base64).Append("\r\n--").Append(boundary).Append("--\r\n");
        var date = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        const string messageId = "<large.1939@lab.pop3tools.test>";
        return new MessageComposer()
            .Field("Date", MessageComposer.FormatDate(date))
            .Field("From", "Archive <archive@lab.pop3tools.test>")
            .Field("To", "Lab User <user@lab.pop3tools.test>")
            .Field("Subject", "A very large message")
            .Field("Message-ID", messageId)
            .Field("MIME-Version", "1.0")
            .Field("Content-Type", $"multipart/mixed; boundary=\"{boundary}\"")
            .Build(Encoding.ASCII.GetBytes(body.ToString()), "large", "A very large message", "Archive", "archive@lab.pop3tools.test", date, messageId);
    }

    private static string DescribeServer()
    {
        var version = LabTools.Run(LabTools.Find("dovecot"), TimeSpan.FromSeconds(10), "--version");
        var text = version.ExitCode == 0 ? version.StandardOutput.Trim() : "version unknown";
        return $"Dovecot {text} (the test lab: maildir, pop3_fast_size_lookups, PIPELINING)";
    }
}
