using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;

namespace Pop3Tools.Engine.Protocol
{
    public sealed partial class Pop3Client
    {
        public Pop3Stat Stat(CancellationToken cancellationToken) => Run(cancellationToken, () =>
        {
            log.Step("Reading the mailbox size");
            Channel.Send("STAT");
            var reply = Channel.Expect("STAT", ReplyContext.General);
            var words = reply.Text.Split(' ');
            if (words.Length < 2 || !TryParseCount(words[0], out var count) || !TryParseSize(words[1], out var size))
            {
                throw Malformed("STAT", reply.Text);
            }
            return new Pop3Stat(count, size);
        }, resumable: true);

        public IReadOnlyList<Pop3ListEntry> List(CancellationToken cancellationToken) => Run(cancellationToken, () =>
        {
            log.Step("Listing message sizes");
            Channel.Send("LIST");
            return ReadList();
        }, resumable: true);

        /// <summary>
        /// UIDL then LIST, what a session's index is built from. When the server pipelines, both go
        /// in one write, so the server answers LIST while the client reads the UIDL reply instead
        /// of waiting for a LIST it has not been sent yet (a few milliseconds at 10,000 messages).
        /// </summary>
        public (IReadOnlyList<Pop3UidEntry>? Uids, IReadOnlyList<Pop3ListEntry> Sizes) UidlAndList(CancellationToken cancellationToken)
        {
            if (!(options.UsePipelining && capabilities.Pipelining)) return (Uidl(cancellationToken), List(cancellationToken));
            return Run(cancellationToken, () =>
            {
                log.Step("Listing unique ids and message sizes (pipelined)");
                Channel.RefuseUnsolicited();
                Channel.SendAll(new[] { "UIDL", "LIST" });
                var uids = ReadUidl();
                return (uids, ReadList());
            }, resumable: true);
        }

        /// <summary>The LIST reply to a LIST just sent.</summary>
        private IReadOnlyList<Pop3ListEntry> ReadList()
        {
            Channel.Expect("LIST", ReplyContext.General);
            var lines = ReadNumberedLines("LIST");
            var entries = new List<Pop3ListEntry>(lines.Count);
            foreach (var line in lines)
            {
                // RFC 1939 section 5: a scan listing may carry more information after the size.
                var sizeText = line.Value.Split(' ')[0];
                if (!TryParseSize(sizeText, out var size)) throw Malformed("LIST", line.Key + " " + line.Value);
                entries.Add(new Pop3ListEntry(line.Key, size));
            }
            return entries;
        }

        /// <summary>
        /// UIDL; null when the server refuses it. UIDL is optional in RFC 1939, and a -ERR to it
        /// is a complete reply: the dialogue stays in step, so the connection stays open.
        /// </summary>
        public IReadOnlyList<Pop3UidEntry>? Uidl(CancellationToken cancellationToken) => Run(cancellationToken, () =>
        {
            log.Step("Listing unique ids");
            Channel.Send("UIDL");
            return ReadUidl();
        }, resumable: true);

        /// <summary>The reply to a UIDL just sent (a LIST may be pipelined behind it).</summary>
        private IReadOnlyList<Pop3UidEntry>? ReadUidl()
        {
            var reply = Channel.ReadReply();
            // A response code ([SYS/TEMP], [IN-USE]...) says the server has UIDL but cannot serve it
            // now: taking that for "no UIDL" would drop every UID from the session. Where the error
            // keeps the connection ([IN-USE]), a reply pipelined behind it is read first, so the next
            // command meets its own reply.
            if (!reply.IsOk && reply.Code != null)
            {
                var error = ResponseErrors.FromErr(reply, "UIDL", ReplyContext.General, null);
                if (!ClosesConnection(error.Kind)) Channel.DrainOwed();
                throw error;
            }
            if (!reply.IsOk)
            {
                log.Step("The server refuses UIDL: messages can be addressed by number only");
                return null;
            }
            var lines = ReadNumberedLines("UIDL");
            var entries = new List<Pop3UidEntry>(lines.Count);
            foreach (var line in lines)
            {
                if (line.Value.Length == 0 || line.Value.IndexOf(' ') >= 0) throw Malformed("UIDL", line.Key + " " + line.Value);
                entries.Add(new Pop3UidEntry(line.Key, line.Value));
            }
            return entries;
        }

        /// <summary>
        /// RETR for each number, pipelined when offered. <paramref name="onMessage"/> gets a
        /// forward-only stream of the message (dot-stuffing removed, CRLF line ends); whatever it
        /// leaves unread is drained afterwards. A -ERR for one message goes to <paramref name="onError"/>
        /// (MessageNotFound) and the batch goes on. An exception thrown by a callback is rethrown once
        /// the replies in flight are consumed, so the connection stays in step.
        /// <paramref name="listedSize"/> gives a message's LIST size when known: a reply running far
        /// beyond it (a server that never ends the message) is a ProtocolError instead of an endless read.
        /// </summary>
        public void Retrieve(IEnumerable<int> numbers, Action<int, Stream> onMessage, Action<int, Pop3Exception> onError, CancellationToken cancellationToken,
            Func<int, long?>? listedSize = null)
        {
            if (onMessage == null) throw new ArgumentNullException(nameof(onMessage));
            RunBatch("Retrieving messages", options.PipelineWindow, numbers, n => "RETR " + Number(n), onMessage, onError, cancellationToken, listedSize, resumable: true);
        }

        /// <summary>
        /// TOP n lines for each number; same contract as <see cref="Retrieve"/>, within the window
        /// for short replies (<see cref="Pop3ConnectionOptions.ShortReplyPipelineWindow"/>), sized for
        /// the header blocks a listing asks for with 0 lines.
        /// </summary>
        public void Top(IEnumerable<int> numbers, int lines, Action<int, Stream> onMessage, Action<int, Pop3Exception> onError, CancellationToken cancellationToken,
            Func<int, long?>? listedSize = null)
        {
            if (onMessage == null) throw new ArgumentNullException(nameof(onMessage));
            if (lines < 0) throw new ArgumentOutOfRangeException(nameof(lines));
            RunBatch("Reading message headers", options.ShortReplyPipelineWindow, numbers, n => "TOP " + Number(n) + " " + Number(lines), onMessage, onError, cancellationToken, listedSize, resumable: true);
        }

        /// <summary>
        /// DELE for each number, pipelined when offered; a -ERR for one goes to onError. Not
        /// resumable: after a stop nobody would learn which DELEs the server took, so the link
        /// is closed and nothing is committed.
        /// </summary>
        public void Delete(IEnumerable<int> numbers, Action<int, Pop3Exception> onError, CancellationToken cancellationToken) =>
            RunBatch("Marking messages for deletion", options.ShortReplyPipelineWindow, numbers, n => "DELE " + Number(n), null, onError, cancellationToken, null);

        public void Reset(CancellationToken cancellationToken) => Run(cancellationToken, () =>
        {
            log.Step("Unmarking messages marked for deletion");
            Channel.Send("RSET");
            Channel.Expect("RSET", ReplyContext.General);
        });

        public void Noop(CancellationToken cancellationToken) => Run(cancellationToken, () =>
        {
            Channel.Send("NOOP");
            Channel.Expect("NOOP", ReplyContext.General);
        }, resumable: true);

        /// <summary>QUIT: commits deletions (UPDATE state) and closes. Throws if the server answers -ERR.</summary>
        public void Quit(CancellationToken cancellationToken)
        {
            try
            {
                Run(cancellationToken, () =>
                {
                    log.Step("Ending the session (QUIT commits deletions)");
                    Channel.Send("QUIT");
                    Channel.Expect("QUIT", ReplyContext.Quit);
                });
            }
            finally
            {
                Dispose();
            }
        }

        private void RunBatch(string step, int pipelineWindow, IEnumerable<int> numbers, Func<int, string> command, Action<int, Stream>? onMessage,
            Action<int, Pop3Exception> onError, CancellationToken cancellationToken, Func<int, long?>? listedSize, bool resumable = false)
        {
            if (numbers == null) throw new ArgumentNullException(nameof(numbers));
            if (onError == null) throw new ArgumentNullException(nameof(onError));
            var callbackFailure = Run(cancellationToken, () =>
            {
                var window = options.UsePipelining && capabilities.Pipelining ? pipelineWindow : 1;
                log.Step(step + (window > 1 ? " (pipelined, up to " + window + " in flight)" : string.Empty));
                return new CommandBatch(Channel, window, command, onMessage != null, listedSize).Run(numbers, onMessage, onError);
            }, resumable);
            Rethrow(callbackFailure);
        }

        /// <summary>The "number rest" lines of a LIST/UIDL reply whose +OK was read.</summary>
        private List<KeyValuePair<int, string>> ReadNumberedLines(string command)
        {
            var lines = Channel.ReadListLines(command, ProtocolLimits.MaxListEntries, logLines: false);
            var result = new List<KeyValuePair<int, string>>(lines.Count);
            log.Step(command + " listed " + Plural.Of(lines.Count, "message"));
            foreach (var line in lines)
            {
                var trimmed = line.Trim();
                var space = trimmed.IndexOf(' ');
                if (space <= 0 || !TryParseCount(trimmed.Substring(0, space), out var number) || number < 1)
                {
                    throw Malformed(command, line);
                }
                result.Add(new KeyValuePair<int, string>(number, trimmed.Substring(space + 1).Trim()));
            }
            return result;
        }

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static bool TryParseCount(string text, out int value) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

        private static bool TryParseSize(string text, out long value) =>
            long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);

        private static Pop3Exception Malformed(string command, string text) =>
            new Pop3Exception(Pop3ErrorKind.ProtocolError, "The server's " + command + " reply is malformed: \"" + Pop3Response.Abbreviate(text) + "\".");
    }
}
