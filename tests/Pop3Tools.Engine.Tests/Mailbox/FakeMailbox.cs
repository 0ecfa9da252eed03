using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Pop3Tools.Engine.Tests.Scripted;

namespace Pop3Tools.Engine.Tests.Mailbox
{
    /// <summary>
    /// A small RFC 1939 mailbox served through the scripted server, answering whatever the
    /// session sends (so tests do not hard-code the client's exact command order), with the
    /// faults Dovecot will not produce: no UIDL, no TOP, shared UIDs, a drop on a command.
    /// Deletions are committed to <see cref="Committed"/> only by a QUIT it answers.
    /// </summary>
    internal sealed class FakeMailbox : IDisposable
    {
        private readonly List<(string Uid, string Text)> _messages = new();
        private readonly ScriptedPop3Server _server;

        public FakeMailbox(params (string Uid, string Text)[] messages)
        {
            _messages.AddRange(messages);
            _server = ScriptedPop3Server.Start(Serve);
        }

        /// <summary>False: CAPA is refused, as by a plain RFC 1939 server.</summary>
        public bool OffersCapa { get; init; } = true;
        public bool OffersUidl { get; init; } = true;
        public bool OffersTop { get; init; } = true;
        public bool OffersPipelining { get; init; }

        /// <summary>Numbers whose LIST size is given 10 bytes too large, as by a server whose copy changed.</summary>
        public HashSet<int> WrongListSizes { get; init; } = new();

        /// <summary>Messages whose LIST size counts bare LFs, as servers listing their maildir files' sizes do.</summary>
        public HashSet<int> LfListSizes { get; init; } = new();

        /// <summary>The command (first word, upper case) on which the server drops the link instead of answering.</summary>
        public string? DropOn { get; set; }

        /// <summary>The command on which the server goes silent until the client hangs up.</summary>
        public string? HangOn { get; set; }

        /// <summary>Numbers whose deletion a QUIT committed.</summary>
        public ConcurrentQueue<int> Committed { get; } = new();

        /// <summary>Every command line received, over all connections.</summary>
        public ConcurrentQueue<string> Commands { get; } = new();

        public int ConnectionCount => _server.ConnectionCount;

        public static NetworkCredential Credential => new("alice", "fake-password");

        public static (string Uid, string Text) Message(string uid, string subject) =>
            (uid, $"From: Sender <sender@example.org>\r\nTo: alice@example.org\r\nSubject: {subject}\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\nMessage-ID: <{uid}@example.org>\r\n\r\nBody of {subject}\r\n");

        public static long SizeOf(string text) => Encoding.UTF8.GetByteCount(text);

        public Pop3Session Open(TimeSpan? timeout = null)
        {
            var options = _server.ClientOptions(Pop3Security.None, timeout);
            options.AllowInsecureAuthentication = true;
            return Pop3Session.Open(options, Credential, Pop3AuthenticationMethod.UserPass, Timeouts.Token());
        }

        /// <summary>Waits (bounded) until every connection was served to its end, so Commands and Committed are final.</summary>
        public void WaitUntilServed() => _server.WaitForScripts();

        /// <summary>Waits (bounded) for every connection's script to end, so none is cut mid-reply, and fails on a script error.</summary>
        public void Dispose()
        {
            try
            {
                _server.AssertScriptsSucceeded();
            }
            finally
            {
                _server.Dispose();
            }
        }

        private void Serve(ScriptedConnection connection)
        {
            var marked = new HashSet<int>();
            connection.SendLine("+OK fake mailbox ready");
            while (true)
            {
                string line;
                try
                {
                    line = connection.ReadLine();
                }
                catch (ClientClosedException)
                {
                    return;
                }
                Commands.Enqueue(line);
                var words = line.Split(' ');
                var command = words[0].ToUpperInvariant();
                if (command == DropOn) return;
                if (command == HangOn)
                {
                    connection.WaitForClientClose();
                    return;
                }
                var argument = words.Length > 1 && int.TryParse(words[1], out var n) ? n : (int?)null;
                switch (command)
                {
                    case "CAPA" when OffersCapa:
                        connection.Send(MultiLine("Capability list follows", Capabilities()));
                        break;
                    case "USER":
                    case "PASS":
                    case "NOOP":
                        connection.SendLine("+OK");
                        break;
                    case "STAT":
                        var live = Live(marked).ToList();
                        connection.SendLine($"+OK {live.Count} {live.Sum(m => SizeOf(_messages[m - 1].Text))}");
                        break;
                    case "LIST":
                        connection.Send(MultiLine("scan listing", Live(marked).Select(m => $"{m} {ListedSize(m)}")));
                        break;
                    case "UIDL" when OffersUidl:
                        connection.Send(MultiLine("unique-id listing", Live(marked).Select(m => $"{m} {_messages[m - 1].Uid}")));
                        break;
                    case "TOP" when OffersTop && Exists(argument, marked):
                        var text = _messages[argument!.Value - 1].Text;
                        var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
                        connection.Send(MultiLine("top of message follows", Lines(text.Substring(0, headerEnd))));
                        break;
                    case "RETR" when Exists(argument, marked):
                        connection.Send(MultiLine("message follows", Lines(_messages[argument!.Value - 1].Text)));
                        break;
                    case "DELE" when Exists(argument, marked):
                        marked.Add(argument!.Value);
                        connection.SendLine("+OK marked");
                        break;
                    case "RSET":
                        marked.Clear();
                        connection.SendLine("+OK");
                        break;
                    case "QUIT":
                        foreach (var number in marked.OrderBy(m => m)) Committed.Enqueue(number);
                        connection.SendLine("+OK bye");
                        return;
                    default:
                        connection.SendLine("-ERR no such message or command");
                        break;
                }
            }
        }

        private IEnumerable<string> Capabilities()
        {
            yield return "USER";
            if (OffersUidl) yield return "UIDL";
            if (OffersTop) yield return "TOP";
            if (OffersPipelining) yield return "PIPELINING";
            yield return "IMPLEMENTATION FakeMailbox";
        }

        private long ListedSize(int number)
        {
            var text = _messages[number - 1].Text;
            var size = SizeOf(text) + (WrongListSizes.Contains(number) ? 10 : 0);
            return LfListSizes.Contains(number) ? size - text.Count(c => c == '\n') : size;
        }

        private IEnumerable<int> Live(HashSet<int> marked) =>
            Enumerable.Range(1, _messages.Count).Where(m => !marked.Contains(m));

        private bool Exists(int? number, HashSet<int> marked) =>
            number is int m && m >= 1 && m <= _messages.Count && !marked.Contains(m);

        private static IEnumerable<string> Lines(string text) =>
            text.Split("\r\n").SkipLast(1);

        private static string MultiLine(string status, IEnumerable<string> lines)
        {
            var reply = new StringBuilder("+OK " + status + "\r\n");
            foreach (var line in lines) reply.Append(line.StartsWith('.') ? "." + line : line).Append("\r\n");
            return reply.Append(".\r\n").ToString();
        }
    }
}
