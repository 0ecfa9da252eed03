using System.Collections.Concurrent;
using System.Text;

namespace Pop3Tools.Engine.Tests.Scripted;

/// <summary>
/// A small good POP3 mailbox (two messages, USER/PASS, APOP, SASL PLAIN, TOP, UIDL, STLS on
/// demand) that turns hostile once, as a <see cref="HostileCase"/> says. It answers whatever
/// the client sends, so a case needs no script of the client's exact dialogue.
/// </summary>
public sealed class HostileMailbox
{
    public const string Greeting = "+OK hostile lab ready <1896.697170952@lab.example>\r\n";

    public static readonly string[] DefaultCapabilities = { "USER", "UIDL", "TOP", "SASL PLAIN CRAM-MD5 LOGIN SCRAM-SHA-256 XOAUTH2", "RESP-CODES" };

    public static readonly string[] Messages =
    {
        "From: Alice <alice@example.org>\r\nSubject: one\r\nMessage-ID: <1@example.org>\r\n\r\nbody one\r\n.dot line\r\n",
        "From: Bob <bob@example.org>\r\nSubject: two\r\nMessage-ID: <2@example.org>\r\n\r\nbody two\r\n",
    };

    public static readonly string[] Uids = { "uid-1", "uid-2" };

    private readonly HostileCase hostile;

    public HostileMailbox(HostileCase hostile) => this.hostile = hostile;

    /// <summary>Every line the client sent, over all connections.</summary>
    public ConcurrentQueue<string> Received { get; } = new();

    public static long SizeOf(int number) => Encoding.ASCII.GetByteCount(Messages[number - 1]);

    public static string Good(string verb, int number = 1) => verb switch
    {
        "GREETING" => Greeting,
        "CAPA" => MultiLine("+OK capabilities", DefaultCapabilities),
        "STAT" => "+OK 2 " + (SizeOf(1) + SizeOf(2)) + "\r\n",
        "LIST" => MultiLine("+OK 2 messages", new[] { "1 " + SizeOf(1), "2 " + SizeOf(2) }),
        "UIDL" => MultiLine("+OK", new[] { "1 " + Uids[0], "2 " + Uids[1] }),
        "TOP" => MultiLine("+OK top follows", Lines(Messages[number - 1].Substring(0, Messages[number - 1].IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4))),
        "RETR" => MultiLine("+OK " + SizeOf(number) + " octets", Lines(Messages[number - 1])),
        "QUIT" => "+OK bye\r\n",
        _ => "+OK\r\n",
    };

    public void Serve(ScriptedConnection c)
    {
        try
        {
            ServeCore(c);
        }
        catch (ClientClosedException)
        {
        }
        catch (IOException)
        {
            // The client hung up on a reply it had rightly refused: that is the point of the case.
        }
    }

    private void ServeCore(ScriptedConnection c)
    {
        var seen = 0;
        var repeating = false;
        var untilCancel = hostile.After == AfterHostile.RepeatUntilCancel;
        if (hostile.Target == "GREETING")
        {
            seen++;
            if (!SendHostile(c, ref repeating)) return;
        }
        else
        {
            c.Send(Greeting);
        }
        while (true)
        {
            var line = c.ReadLine();
            Received.Enqueue(line);
            var words = line.Split(' ');
            var verb = words[0].ToUpperInvariant();
            if (repeating && untilCancel && line == "*")
            {
                repeating = false;
                c.Send("-ERR authentication cancelled\r\n");
                continue;
            }
            if (repeating || (verb == hostile.Target && ++seen == hostile.Occurrence))
            {
                if (!SendHostile(c, ref repeating)) return;
                continue;
            }
            var number = words.Length > 1 && int.TryParse(words[1], out var n) && n is >= 1 and <= 2 ? n : 1;
            switch (verb)
            {
                case "CAPA" when hostile.Capabilities == null:
                    c.Send("-ERR unknown command\r\n");
                    break;
                case "CAPA":
                    c.Send(MultiLine("+OK capabilities", hostile.Capabilities));
                    break;
                case "STLS":
                    c.Send("+OK begin TLS\r\n");
                    c.StartTls();
                    break;
                case "AUTH" when words.Length == 2:
                    // No initial response: ask for it, then accept whatever comes.
                    c.Send("+ \r\n");
                    Received.Enqueue(c.ReadLine());
                    c.Send("+OK logged in\r\n");
                    break;
                case "QUIT":
                    c.Send(Good("QUIT"));
                    return;
                default:
                    c.Send(Good(verb, number));
                    break;
            }
        }
    }

    /// <summary>Sends the hostile bytes and plays <see cref="HostileCase.After"/>; false when the connection is over.</summary>
    private bool SendHostile(ScriptedConnection c, ref bool repeating)
    {
        if (hostile.Reply.Length > 0) c.SendBytes(hostile.Reply);
        switch (hostile.After)
        {
            case AfterHostile.Close:
                c.Close();
                return false;
            case AfterHostile.Reset:
                c.Reset();
                return false;
            case AfterHostile.Hang:
                c.WaitForClientClose();
                return false;
            case AfterHostile.Endless:
                var chunk = Repeat(hostile.EndlessLine, 64 * 1024);
                while (true) c.SendBytes(chunk);
            case AfterHostile.Repeat:
            case AfterHostile.RepeatUntilCancel:
                repeating = true;
                return true;
            case AfterHostile.StartTls:
                c.StartTls();
                return true;
            default:
                return true;
        }
    }

    private static byte[] Repeat(byte[] line, int atLeast)
    {
        var copies = Math.Max(1, atLeast / Math.Max(1, line.Length));
        var bytes = new byte[copies * line.Length];
        for (var i = 0; i < copies; i++) Buffer.BlockCopy(line, 0, bytes, i * line.Length, line.Length);
        return bytes;
    }

    public static IEnumerable<string> Lines(string text) => text.Split("\r\n").SkipLast(1);

    public static string MultiLine(string status, IEnumerable<string> lines)
    {
        var reply = new StringBuilder(status + "\r\n");
        foreach (var line in lines) reply.Append(line.StartsWith('.') ? "." + line : line).Append("\r\n");
        return reply.Append(".\r\n").ToString();
    }
}
