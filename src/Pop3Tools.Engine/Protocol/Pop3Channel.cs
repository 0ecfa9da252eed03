using System;
using System.Collections.Generic;
using System.Text;

namespace Pop3Tools.Engine.Protocol
{
    /// <summary>
    /// Commands and replies over a transport: writes command lines, reads and parses status
    /// lines and multi-line list replies, and logs both sides (redacted where asked).
    /// </summary>
    internal sealed class Pop3Channel
    {
        private static readonly byte[] LineEnd = { (byte)'\r', (byte)'\n' };

        /// <summary>Where unread message data is drained to: one per connection, not one per message.</summary>
        private readonly byte[] drainBuffer = new byte[8192];

        public Pop3Channel(Pop3Transport transport, ProtocolLog log)
        {
            Transport = transport;
            Log = log;
        }

        /// <summary>
        /// For each command sent and not yet answered, whether a +OK to it brings a multi-line body.
        /// An interrupted command (Ctrl+C) leaves entries here, drained before the next command.
        /// </summary>
        private readonly Queue<bool> owed = new Queue<bool>();

        /// <summary>A +OK with a body was read, and the body's "." line not yet.</summary>
        private bool bodyOwed;

        /// <summary>The body being handed out as a stream, which a drain must continue where it stopped.</summary>
        private MessageDataStream? openBody;

        public Pop3Transport Transport { get; }

        public ProtocolLog Log { get; }

        /// <summary>Sends one command; <paramref name="logged"/> replaces it in the log when it carries a secret.</summary>
        public void Send(string command, string? logged = null)
        {
            RefuseUnsolicited();
            SendAll(new[] { command }, logged == null ? null : new[] { logged });
        }

        /// <summary>
        /// With no command in flight the server has nothing to say: bytes already waiting are a
        /// reply nobody asked for (an extra line, a second terminator, an injected reply), and
        /// reading on would take them for the answer to the next command, one reply out of step.
        /// </summary>
        public void RefuseUnsolicited()
        {
            var waiting = Transport.Length - Transport.Position;
            if (waiting <= 0) return;
            var shown = Encoding.UTF8.GetString(Transport.Buffer, Transport.Position, Math.Min(waiting, 200));
            throw new Pop3Exception(Pop3ErrorKind.ProtocolError,
                "The server sent " + waiting + " bytes nobody asked for: \"" + Pop3Response.Abbreviate(shown) + "\".")
            {
                Hint = "The server's replies are out of step with the commands; the connection was closed.",
            };
        }

        /// <summary>Sends several commands in one write (pipelining).</summary>
        public void SendAll(IReadOnlyList<string> commands, IReadOnlyList<string>? logged = null)
        {
            var bytes = new List<byte>();
            for (var i = 0; i < commands.Count; i++)
            {
                var command = commands[i];
                // A CR or LF inside an argument would smuggle a second command onto the wire.
                if (command.IndexOf('\r') >= 0 || command.IndexOf('\n') >= 0)
                {
                    throw new ArgumentException("A POP3 command argument must not contain a line break.");
                }
                bytes.AddRange(Encoding.UTF8.GetBytes(command));
                bytes.AddRange(LineEnd);
            }
            for (var i = 0; i < commands.Count; i++) Log.Sent(logged != null ? logged[i] : commands[i]);
            Transport.Write(bytes.ToArray());
            foreach (var command in commands) owed.Enqueue(HasBody(command));
        }

        /// <summary>Reads one status line. <paramref name="redactContinuation"/> hides a SASL challenge from the log.</summary>
        public Pop3Response ReadReply(bool allowContinuation = false, bool redactContinuation = false)
        {
            var line = ReadStatusLine();
            // The greeting answers no command; every other status line answers the oldest one.
            var hasBody = owed.Count > 0 && owed.Dequeue();
            var reply = Pop3Response.Parse(line, allowContinuation);
            bodyOwed = hasBody && reply.IsOk;
            openBody = null;
            // Logged once the state above is recorded, so a log that fails leaves the dialogue in step.
            var isContinuation = line == "+" || line.StartsWith("+ ", StringComparison.Ordinal);
            Log.Received(redactContinuation && isContinuation ? "+ " + ProtocolLog.Redacted : line);
            return reply;
        }

        /// <summary>One status line as received, unparsed and unlogged (a greeting may be another protocol's banner).</summary>
        public string ReadStatusLine() => Transport.ReadLine(ProtocolLimits.MaxStatusLineBytes);

        /// <summary>Reads a reply that must be +OK; a -ERR becomes the typed error for the context.</summary>
        public Pop3Response Expect(string what, ReplyContext context, int? loginDelaySeconds = null)
        {
            var reply = ReadReply();
            if (!reply.IsOk) throw ResponseErrors.FromErr(reply, what, context, loginDelaySeconds);
            return reply;
        }

        /// <summary>
        /// The lines of a multi-line reply up to the "." terminator, dot-stuffing removed.
        /// Only short replies (CAPA) are logged line by line: a UIDL of a big mailbox would flood the log.
        /// </summary>
        public List<string> ReadListLines(string what, int maxLines, bool logLines)
        {
            var lines = new List<string>();
            while (true)
            {
                var line = Transport.ReadLine(ProtocolLimits.MaxStatusLineBytes);
                if (line == ".") bodyOwed = false;
                if (logLines) Log.Received(line);
                if (line == ".") return lines;
                if (lines.Count >= maxLines)
                {
                    throw new Pop3Exception(Pop3ErrorKind.ProtocolError,
                        "The server's " + what + " reply has more than " + maxLines + " lines.");
                }
                lines.Add(line.StartsWith(".", StringComparison.Ordinal) ? line.Substring(1) : line);
            }
        }

        /// <summary>The body of a RETR/TOP reply as a stream; the caller drains it before the next reply.</summary>
        public MessageDataStream OpenData(long maxWireBytes) =>
            openBody = new MessageDataStream(Transport, ProtocolLimits.MaxDataLineBytes, drainBuffer, maxWireBytes);

        /// <summary>Replies (or the rest of one) that an interrupted command left on the line.</summary>
        public int OwedReplies => owed.Count + (BodyPending ? 1 : 0);

        private bool BodyPending => bodyOwed && (openBody == null || !openBody.IsFinished);

        /// <summary>
        /// Reads and discards what an interrupted command left on the line: the rest of the
        /// body being read, then every reply still owed, so the next command meets its own
        /// reply. Each read is bounded by the timeout; a failure leaves the link out of step.
        /// </summary>
        public void DrainOwed()
        {
            if (BodyPending) (openBody ?? OpenData(long.MaxValue)).Drain();
            bodyOwed = false;
            openBody = null;
            while (owed.Count > 0)
            {
                ReadReply();
                if (bodyOwed) OpenData(long.MaxValue).Drain();
                bodyOwed = false;
                openBody = null;
            }
        }

        /// <summary>
        /// Whether a +OK to the command is followed by a multi-line body (RFC 1939, 2449):
        /// CAPA, RETR, TOP, and LIST or UIDL without an argument.
        /// </summary>
        private static bool HasBody(string command)
        {
            var space = command.IndexOf(' ');
            var verb = space < 0 ? command : command.Substring(0, space);
            switch (verb.ToUpperInvariant())
            {
                case "CAPA":
                case "RETR":
                case "TOP":
                    return true;
                case "LIST":
                case "UIDL":
                    return space < 0;
                default:
                    return false;
            }
        }
    }
}
