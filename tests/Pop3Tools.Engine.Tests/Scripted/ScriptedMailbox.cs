using System.Globalization;
using System.Text;

namespace Pop3Tools.Engine.Tests.Scripted;

/// <summary>
/// A small but faithful POP3 mailbox (RFC 1939 states, UIDL, TOP, PIPELINING) to run inside a
/// <see cref="ScriptedPop3Server"/> script, for tests that need a working server plus one fault:
/// <see cref="DropBefore"/> cuts the connection when a chosen command arrives. Deletions are
/// committed only by QUIT, as on a real server, and survive across connections.
/// </summary>
public sealed class ScriptedMailbox
{
    private readonly object gate = new();
    private readonly List<(string Uid, string Body)> messages;

    /// <param name="messages">UID and raw message (CRLF line ends, not dot-stuffed).</param>
    public ScriptedMailbox(IEnumerable<(string Uid, string Body)> messages) => this.messages = messages.ToList();

    /// <summary>Accepted user name and password (USER/PASS only).</summary>
    public string UserName { get; set; } = "alice";
    public string Password { get; set; } = "S3cret-Passw0rd!";

    /// <summary>CAPA lines; PIPELINING can be removed to force one command at a time.</summary>
    public List<string> Capabilities { get; } = new() { "USER", "UIDL", "TOP", "PIPELINING", "RESP-CODES" };

    /// <summary>When it returns true for a client line, the connection is dropped before answering it.</summary>
    public Func<string, bool>? DropBefore { get; set; }

    /// <summary>UIDs still in the mailbox (deletions committed by QUIT are gone).</summary>
    public IReadOnlyList<string> Uids
    {
        get
        {
            lock (gate) return messages.Select(m => m.Uid).ToList();
        }
    }

    /// <summary>Plays one session on <paramref name="c"/> until QUIT, a drop, or the client leaving.</summary>
    public void Serve(ScriptedConnection c)
    {
        List<(string Uid, string Body)> snapshot;
        lock (gate) snapshot = messages.ToList();
        var deleted = new HashSet<int>();
        var loggedIn = false;
        string? user = null;
        c.SendLine("+OK ScriptedMailbox ready");
        while (true)
        {
            string line;
            try
            {
                line = c.ReadLine();
            }
            catch (ClientClosedException)
            {
                return;
            }
            if (DropBefore?.Invoke(line) == true)
            {
                c.Close();
                return;
            }
            var words = line.Split(' ');
            var verb = words[0].ToUpperInvariant();
            int Number(int index) => words.Length > index && int.TryParse(words[index], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
            bool Exists(int n) => n >= 1 && n <= snapshot.Count && !deleted.Contains(n);
            IEnumerable<int> Live() => Enumerable.Range(1, snapshot.Count).Where(n => !deleted.Contains(n));

            switch (verb)
            {
                case "CAPA":
                    c.Send("+OK\r\n" + string.Concat(Capabilities.Select(x => x + "\r\n")) + ".\r\n");
                    break;
                case "USER" when !loggedIn:
                    user = words.Length > 1 ? words[1] : null;
                    c.SendLine("+OK");
                    break;
                case "PASS" when !loggedIn:
                    loggedIn = user == UserName && line.Length > 5 && line.Substring(5) == Password;
                    c.SendLine(loggedIn ? "+OK logged in" : "-ERR [AUTH] invalid credentials");
                    break;
                case "STAT" when loggedIn:
                    c.SendLine("+OK " + Live().Count() + " " + Live().Sum(n => (long)Encoding.UTF8.GetByteCount(snapshot[n - 1].Body)));
                    break;
                case "LIST" when loggedIn:
                    c.Send("+OK\r\n" + string.Concat(Live().Select(n => n + " " + Encoding.UTF8.GetByteCount(snapshot[n - 1].Body) + "\r\n")) + ".\r\n");
                    break;
                case "UIDL" when loggedIn:
                    c.Send("+OK\r\n" + string.Concat(Live().Select(n => n + " " + snapshot[n - 1].Uid + "\r\n")) + ".\r\n");
                    break;
                case "RETR" when loggedIn && Exists(Number(1)):
                    c.Send("+OK\r\n" + Stuff(snapshot[Number(1) - 1].Body) + ".\r\n");
                    break;
                case "TOP" when loggedIn && Exists(Number(1)) && Number(2) >= 0:
                    c.Send("+OK\r\n" + Stuff(Top(snapshot[Number(1) - 1].Body, Number(2))) + ".\r\n");
                    break;
                case "DELE" when loggedIn && Exists(Number(1)):
                    deleted.Add(Number(1));
                    c.SendLine("+OK marked");
                    break;
                case "RSET" when loggedIn:
                    deleted.Clear();
                    c.SendLine("+OK");
                    break;
                case "NOOP" when loggedIn:
                    c.SendLine("+OK");
                    break;
                case "QUIT":
                    if (loggedIn)
                    {
                        lock (gate)
                        {
                            var gone = deleted.Select(n => snapshot[n - 1].Uid).ToHashSet();
                            messages.RemoveAll(m => gone.Contains(m.Uid));
                        }
                    }
                    c.SendLine("+OK bye");
                    return;
                default:
                    c.SendLine(loggedIn ? "-ERR no such message or command" : "-ERR not logged in");
                    break;
            }
        }
    }

    /// <summary>RFC 1939 section 3 byte-stuffing; the body must end with CRLF (added if missing).</summary>
    public static string Stuff(string body)
    {
        if (body.Length > 0 && !body.EndsWith("\r\n", StringComparison.Ordinal)) body += "\r\n";
        var lines = body.Split("\r\n");
        return string.Join("\r\n", lines.Select(l => l.StartsWith('.') ? "." + l : l));
    }

    private static string Top(string body, int lines)
    {
        var split = body.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (split < 0) return body;
        var head = body.Substring(0, split + 4);
        var rest = body.Substring(split + 4).Split("\r\n").Take(lines);
        return head + string.Concat(rest.Select(l => l + "\r\n"));
    }
}
