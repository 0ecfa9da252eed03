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
        }

        /// <summary>Reads one status line. <paramref name="redactContinuation"/> hides a SASL challenge from the log.</summary>
        public Pop3Response ReadReply(bool allowContinuation = false, bool redactContinuation = false)
        {
            var line = ReadStatusLine();
            var isContinuation = line == "+" || line.StartsWith("+ ", StringComparison.Ordinal);
            Log.Received(redactContinuation && isContinuation ? "+ " + ProtocolLog.Redacted : line);
            return Pop3Response.Parse(line, allowContinuation);
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
        public MessageDataStream OpenData(long maxWireBytes) => new MessageDataStream(Transport, ProtocolLimits.MaxDataLineBytes, drainBuffer, maxWireBytes);
    }
}
