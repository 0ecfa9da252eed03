using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using Pop3Tools.Engine.Mailbox;
using Pop3Tools.Engine.Protocol;

namespace Pop3Tools
{
    /// <summary>
    /// A logged-in mailbox (what Connect-Pop3 returns). Serialises use of its
    /// connection, keeps the UID/number index of this session and counts the
    /// deletions that QUIT will commit.
    /// </summary>
    /// <remarks>
    /// Two locks: the operation lock is held for a whole network exchange (a session may
    /// be shared across runspaces, and one connection carries one exchange at a time);
    /// the state lock guards the fields briefly, so properties stay readable and Dispose
    /// can abort while another thread is mid-transfer. A connection that drops leaves the
    /// session "dropped": not connected, its pending deletions remembered so Disconnect
    /// can say they were not committed. It never reconnects by itself.
    /// </remarks>
    public sealed partial class Pop3Session : IDisposable
    {
        private enum Phase { Open, Dropped, Closed }

        private static readonly TimeSpan LockPoll = TimeSpan.FromMilliseconds(200);

        private readonly object _operationGate = new object();
        private readonly object _stateGate = new object();
        private readonly ForwardingProtocolLog _log;
        private readonly Dictionary<int, long> _pending = new Dictionary<int, long>();
        private Dictionary<int, KnownHeaders> _known = new Dictionary<int, KnownHeaders>();
        private readonly List<Action<Pop3Session>> _closedHandlers = new List<Action<Pop3Session>>();
        private int _statCount;
        private long _statSize;
        private Pop3Client? _client;
        private Phase _phase = Phase.Open;
        private MessageIndex? _index;
        private int _deletedCount;
        private bool _isDefault;

        private Pop3Session(Pop3Client client, ForwardingProtocolLog log, Pop3Stat stat, string userName)
        {
            _client = client;
            _log = log;
            _statCount = stat.Count;
            _statSize = stat.Size;
            Server = client.Host;
            Port = client.Port;
            UserName = userName;
            Security = client.Security;
            TlsProtocol = client.Tls?.Protocol;
            CipherSuite = client.Tls?.CipherSuite;
            AuthenticationMethod = client.LoginMethod ?? Pop3AuthenticationMethod.Auto;
            Capabilities = client.Capabilities.Lines.ToArray();
            Implementation = client.Capabilities.Implementation;
            ConnectedAt = DateTimeOffset.Now;
        }

        /// <summary>Connects, negotiates TLS, logs in and reads STAT.</summary>
        /// <remarks>
        /// Takes over <paramref name="options"/>.Log: the client gets a forwarding log whose
        /// first target is the log the options carried; <see cref="Log"/> redirects it later.
        /// </remarks>
        public static Pop3Session Open(Pop3ConnectionOptions options, NetworkCredential credential, Pop3AuthenticationMethod method, CancellationToken cancellationToken)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            if (credential == null) throw new ArgumentNullException(nameof(credential));

            var log = new ForwardingProtocolLog(options.Log);
            options.Log = log;
            var client = Pop3Client.Connect(options, cancellationToken);
            try
            {
                client.Authenticate(credential, method, cancellationToken);
                var stat = client.Stat(cancellationToken);
                return new Pop3Session(client, log, stat, credential.UserName);
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }

        public string Server { get; }
        public int Port { get; }
        public string UserName { get; }
        /// <summary>Tls, StartTls or None as negotiated.</summary>
        public Pop3Security Security { get; }
        public string? TlsProtocol { get; }
        public string? CipherSuite { get; }
        /// <summary>
        /// The -Authentication value that logged in (e.g. ScramSha256, never Auto), so a script
        /// can pin what Auto chose: Connect-Pop3 -Authentication $s.AuthenticationMethod.
        /// </summary>
        public Pop3AuthenticationMethod AuthenticationMethod { get; }
        public string[] Capabilities { get; }
        public string? Implementation { get; }

        /// <summary>Messages in the mailbox not marked for deletion (after Disconnect: what QUIT left).</summary>
        public int MessageCount
        {
            get { lock (_stateGate) return _statCount - _pending.Count; }
        }

        /// <summary>Octets of the messages not marked for deletion.</summary>
        public long MailboxSize
        {
            get { lock (_stateGate) return _statSize - _pending.Values.Sum(); }
        }

        public int PendingDeletions
        {
            get { lock (_stateGate) return _pending.Count; }
        }

        /// <summary>How many deletions the last QUIT committed.</summary>
        public int DeletedCount
        {
            get { lock (_stateGate) return _deletedCount; }
        }

        public bool IsConnected
        {
            get { lock (_stateGate) return _phase == Phase.Open; }
        }

        public DateTimeOffset ConnectedAt { get; }

        /// <summary>
        /// Whether this is the default session of the runspace that opened it: the one the
        /// cmdlets use without -Session (Get-Pop3Session lists them all).
        /// </summary>
        public bool IsDefault
        {
            get { lock (_stateGate) return _isDefault; }
            internal set { lock (_stateGate) _isDefault = value; }
        }

        /// <summary>
        /// Where this session's protocol steps go; a cmdlet points it at its own
        /// verbose/debug streams for the duration of one call.
        /// </summary>
        internal IPop3ProtocolLog? Log
        {
            get => _log.Target;
            set => _log.Target = value;
        }

        /// <summary>
        /// Resolves a selection against this session's message index (UIDL + LIST, loaded
        /// once; messages marked for deletion excluded), in mailbox order for All, in the
        /// requested order otherwise. An unknown UID or number goes to <paramref name="onNotFound"/>
        /// (MessageNotFound) and the rest is resolved. The returned infos carry no headers yet.
        /// </summary>
        /// <remarks>
        /// A UID the server gives to several messages (or a listed message without one) is
        /// reported to <paramref name="onNotFound"/> as ProtocolError and left out of All and
        /// UID selections: deleting or exporting by an ambiguous UID could hit the wrong message.
        /// A UID selection on a server without UIDL throws ProtocolError.
        /// </remarks>
        internal IReadOnlyList<Pop3MessageInfo> Resolve(Pop3MessageSelection selection, Action<Pop3Exception> onNotFound, CancellationToken cancellationToken)
        {
            if (selection == null) throw new ArgumentNullException(nameof(selection));
            if (onNotFound == null) throw new ArgumentNullException(nameof(onNotFound));

            // Once the index is loaded, resolving is bookkeeping, not an exchange: it takes no
            // connection lock, so Get-Pop3Message | Remove-Pop3Message can resolve inside the
            // upstream cmdlet's header callback on the same session.
            var index = LoadedIndex() ?? Run(cancellationToken, client => LoadIndex(client, cancellationToken));
            var resolved = index.Resolve(selection, IsPending, onNotFound);
            return resolved.Select(m => new Pop3MessageInfo(this, m.Number, m.Uid, m.Size)).ToList();
        }

        /// <summary>DELE for each message (pipelined when offered); counts them as pending.</summary>
        /// <remarks>
        /// A message already marked in this session is reported as marked again without a
        /// second DELE. A DELE the server refuses goes to <paramref name="onError"/>. If the
        /// link drops mid-batch nothing is committed: the session is left dropped and the
        /// exception says how many marked deletions were lost.
        /// </remarks>
        internal void MarkForDeletion(IReadOnlyList<Pop3MessageInfo> messages, Action<Pop3MessageInfo> onMarked, Action<Pop3MessageInfo, Pop3Exception> onError, CancellationToken cancellationToken)
        {
            if (messages == null) throw new ArgumentNullException(nameof(messages));
            if (onMarked == null) throw new ArgumentNullException(nameof(onMarked));
            if (onError == null) throw new ArgumentNullException(nameof(onError));
            var byNumber = GroupByNumber(messages);

            Run(cancellationToken, client =>
            {
                var toDelete = new List<int>(byNumber.Numbers.Count);
                foreach (var number in byNumber.Numbers)
                {
                    if (IsPending(number)) byNumber.Each(number, onMarked);
                    else toDelete.Add(number);
                }
                if (toDelete.Count == 0) return;

                var refused = new Dictionary<int, Pop3Exception>();
                _log.Step($"Marking {Plural.Of(toDelete.Count, "message")} for deletion");
                try
                {
                    client.Delete(toDelete, (number, error) => refused[number] = error, cancellationToken);
                }
                catch (Exception) when (!client.IsConnected)
                {
                    // Which DELEs the server confirmed is unknown, but with the link gone none
                    // will be committed: count them all as lost, so the error says how many.
                    AddPending(toDelete, refused, byNumber);
                    throw;
                }
                AddPending(toDelete, refused, byNumber);
                foreach (var number in toDelete)
                {
                    if (refused.TryGetValue(number, out var error)) byNumber.Each(number, error, onError);
                    else byNumber.Each(number, onMarked);
                }
            });
        }

        /// <summary>
        /// QUIT: commits the pending deletions and closes. Returns the number deleted.
        /// If the link is gone or QUIT fails while deletions are pending: DeletionsNotCommitted.
        /// </summary>
        internal int Disconnect(CancellationToken cancellationToken)
        {
            EnterOperation(cancellationToken);
            int pending;
            Pop3Client? client;
            try
            {
                lock (_stateGate)
                {
                    ThrowIfClosed();
                    pending = _pending.Count;
                    client = _phase == Phase.Open ? _client : null;
                }

                Exception? failure = null;
                if (client != null)
                {
                    try
                    {
                        _log.Step(pending > 0 ? $"QUIT: committing {Plural.Of(pending, "deletion")}" : "QUIT");
                        client.Quit(cancellationToken);
                    }
                    catch (Exception ex)
                    {
                        // Whatever broke, QUIT was not confirmed: the deletions must be reported lost.
                        failure = ex;
                    }
                }
                else
                {
                    failure = new Pop3Exception(Pop3ErrorKind.SessionClosed, "The connection had already dropped.");
                }

                var committed = failure == null;
                if (committed) Commit();
                Close(committed ? pending : 0);
                if (committed) return pending;
                if (pending > 0) throw NotCommitted(pending, failure!);
                return 0;
            }
            finally
            {
                Monitor.Exit(_operationGate);
                RaiseClosedIfClosed();
            }
        }

        /// <summary>RSET then QUIT: no pending deletion is committed.</summary>
        /// <remarks>
        /// If RSET fails the link is dropped without QUIT, which equally commits nothing;
        /// so Discard only throws when the session was already closed.
        /// </remarks>
        internal void Discard(CancellationToken cancellationToken)
        {
            EnterOperation(cancellationToken);
            try
            {
                Pop3Client? client;
                lock (_stateGate)
                {
                    ThrowIfClosed();
                    client = _phase == Phase.Open ? _client : null;
                }
                if (client != null)
                {
                    try
                    {
                        _log.Step("RSET: discarding the pending deletions, then QUIT");
                        client.Reset(cancellationToken);
                        client.Quit(cancellationToken);
                    }
                    catch (Exception ex)
                    {
                        // Dropping the link without QUIT commits nothing either: Discard's goal holds.
                        _log.Step("Closing without QUIT (" + ex.Message + "); nothing was deleted");
                    }
                }
                Close(0);
            }
            finally
            {
                Monitor.Exit(_operationGate);
                RaiseClosedIfClosed();
            }
        }

        /// <summary>Drops the connection without QUIT; nothing is committed.</summary>
        /// <remarks>Does not wait for an operation in flight on another thread: closing the
        /// connection makes that operation fail, which is how module removal stops it.
        /// Explicit, so it does not show among the object's methods in PowerShell.</remarks>
        void IDisposable.Dispose() => Abort();

        /// <summary>See <see cref="IDisposable.Dispose"/>.</summary>
        internal void Abort()
        {
            Close(0);
            RaiseClosedIfClosed();
        }

        /// <summary>How the session reads in a string or a table cell: user@server:port.</summary>
        public override string ToString() =>
            UserName + "@" + Server + ":" + Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>
        /// Calls <paramref name="handler"/> once when the session closes. Returns false (and
        /// registers nothing) when it is closed already.
        /// </summary>
        internal bool AddClosedHandler(Action<Pop3Session> handler)
        {
            lock (_stateGate)
            {
                if (_phase == Phase.Closed) return false;
                _closedHandlers.Add(handler);
                return true;
            }
        }

        internal void RemoveClosedHandler(Action<Pop3Session> handler)
        {
            lock (_stateGate) _closedHandlers.Remove(handler);
        }

        /// <summary>The index if this open session has loaded it already, else null.</summary>
        private MessageIndex? LoadedIndex()
        {
            lock (_stateGate)
            {
                RequireOpenClient();
                return _index;
            }
        }

        private MessageIndex LoadIndex(Pop3Client client, CancellationToken cancellationToken)
        {
            lock (_stateGate)
            {
                if (_index != null) return _index;
            }

            // CAPA is trusted when the server has it. A server without CAPA (plain RFC 1939)
            // is asked anyway, since most of them know UIDL; a refusal leaves numbers only.
            var capabilities = client.Capabilities;
            IReadOnlyList<Pop3UidEntry>? uids = null;
            IReadOnlyList<Pop3ListEntry> list;
            if (capabilities.Uidl || capabilities.Lines.Count == 0)
            {
                _log.Step("Reading the message index (UIDL, LIST)");
                (uids, list) = client.UidlAndList(cancellationToken);
            }
            else
            {
                _log.Step("Reading the message index (LIST); the server does not offer UIDL, so messages can be addressed by number only");
                list = client.List(cancellationToken);
            }
            var index = new MessageIndex(list, uids);
            lock (_stateGate) _index = index;
            return index;
        }

        private void AddPending(List<int> numbers, Dictionary<int, Pop3Exception> refused, MessagesByNumber byNumber)
        {
            lock (_stateGate)
            {
                foreach (var number in numbers)
                {
                    if (!refused.ContainsKey(number)) _pending[number] = byNumber.First(number).Size;
                }
            }
        }

        private bool IsPending(int number)
        {
            lock (_stateGate) return _pending.ContainsKey(number);
        }

        /// <summary>The infos by number, numbers in first-seen order (one command per message).</summary>
        private MessagesByNumber GroupByNumber(IReadOnlyList<Pop3MessageInfo> messages)
        {
            var grouped = new MessagesByNumber(messages.Count);
            foreach (var info in messages)
            {
                if (info == null) throw new ArgumentException("The list holds a null message.", nameof(messages));
                if (!ReferenceEquals(info.Session, this))
                {
                    throw new ArgumentException(
                        $"Message {info.Number} belongs to another session; message numbers only mean something in the session that listed them.",
                        nameof(messages));
                }
                grouped.Add(info);
            }
            return grouped;
        }

        /// <summary>
        /// Runs one network exchange under the operation lock. If the connection is lost on
        /// the way the session becomes dropped, and the error says so when deletions are lost.
        /// </summary>
        private T Run<T>(CancellationToken cancellationToken, Func<Pop3Client, T> exchange)
        {
            EnterOperation(cancellationToken);
            try
            {
                Pop3Client client;
                lock (_stateGate) client = RequireOpenClient();
                try
                {
                    return exchange(client);
                }
                catch (Exception ex) when (!client.IsConnected)
                {
                    var replacement = OnConnectionLost(ex);
                    if (replacement != null) throw replacement;
                    throw;
                }
            }
            finally
            {
                Monitor.Exit(_operationGate);
            }
        }

        private void Run(CancellationToken cancellationToken, Action<Pop3Client> exchange) =>
            Run(cancellationToken, client =>
            {
                exchange(client);
                return true;
            });

        private void EnterOperation(CancellationToken cancellationToken)
        {
            if (Monitor.IsEntered(_operationGate))
            {
                // Monitor is re-entrant: a callback calling back into the session would
                // interleave commands with the replies still being read. The usual way here is
                // Get-Pop3Message | ForEach-Object { Remove-Pop3Message ... }: say how to avoid it.
                throw new InvalidOperationException(
                    $"The session to {Server} is busy: an earlier command of this pipeline is still reading from it. "
                    + "Pipe the messages straight into Remove-Pop3Message, or collect them first ($messages = Get-Pop3Message) and loop over $messages.");
            }
            while (!Monitor.TryEnter(_operationGate, LockPoll))
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        private Pop3Client RequireOpenClient()
        {
            ThrowIfClosed();
            if (_phase == Phase.Dropped || _client == null)
            {
                var lost = _pending.Count > 0
                    ? $" The {Plural.Of(_pending.Count, "deletion")} marked in it were not committed; run Disconnect-Pop3 to close it."
                    : string.Empty;
                throw new Pop3Exception(Pop3ErrorKind.SessionClosed,
                    $"The connection to {Server} has dropped.{lost} Run Connect-Pop3 to open a new session.");
            }
            return _client;
        }

        private void ThrowIfClosed()
        {
            if (_phase == Phase.Closed)
            {
                throw new Pop3Exception(Pop3ErrorKind.SessionClosed,
                    $"The session to {Server} as {UserName} is closed. Run Connect-Pop3 to open a new one.");
            }
        }

        /// <summary>Marks the session dropped; returns the error to throw instead, if any.</summary>
        private Exception? OnConnectionLost(Exception cause)
        {
            Pop3Client? client;
            int pending;
            lock (_stateGate)
            {
                if (_phase == Phase.Closed)
                {
                    return new Pop3Exception(Pop3ErrorKind.SessionClosed,
                        $"The session to {Server} was closed while an operation was running.", cause);
                }
                _phase = Phase.Dropped;
                client = _client;
                _client = null;
                pending = _pending.Count;
            }
            client?.Dispose();
            if (pending == 0 || !(cause is Pop3Exception error)) return null;
            return new Pop3Exception(error.Kind,
                $"{error.Message} The connection is lost: the {Plural.Of(pending, "deletion")} marked in this session were not committed.", error)
            {
                ServerText = error.ServerText,
                ResponseCode = error.ResponseCode,
                Hint = error.Hint,
            };
        }

        private Pop3Exception NotCommitted(int pending, Exception cause)
        {
            var reason = cause is OperationCanceledException ? "QUIT was cancelled" : cause.Message;
            return new Pop3Exception(Pop3ErrorKind.DeletionsNotCommitted,
                $"The deletion of {Plural.Of(pending, "marked message")} from {Server} was not committed: the session ended without a confirmed QUIT ({reason}).",
                cause)
            {
                ServerText = (cause as Pop3Exception)?.ServerText,
                ResponseCode = (cause as Pop3Exception)?.ResponseCode,
                // RFC 1939 lets a server that answers QUIT with -ERR have removed some of them,
                // and a link that dropped after QUIT arrived may have committed them all.
                Hint = "List the mailbox in a new session (Connect-Pop3) to see which are still there, and remove those again.",
            };
        }

        /// <summary>QUIT confirmed: the marked messages are gone, so the figures say what is left.</summary>
        private void Commit()
        {
            lock (_stateGate)
            {
                _statCount -= _pending.Count;
                _statSize -= _pending.Values.Sum();
                _pending.Clear();
            }
        }

        private void Close(int deleted)
        {
            Pop3Client? client;
            lock (_stateGate)
            {
                if (_phase == Phase.Closed) return;
                _phase = Phase.Closed;
                _deletedCount = deleted;
                _pending.Clear();
                client = _client;
                _client = null;
            }
            client?.Dispose();
        }

        private void RaiseClosedIfClosed()
        {
            Action<Pop3Session>[] handlers;
            lock (_stateGate)
            {
                if (_phase != Phase.Closed) return;
                handlers = _closedHandlers.ToArray();
                _closedHandlers.Clear();
            }
            foreach (var handler in handlers) handler(this);
        }
    }
}
