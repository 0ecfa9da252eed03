using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using Pop3Tools.Engine.Protocol;

namespace Pop3Tools
{
    // CONTRACT STUB: the session work replaces every body; signatures change only by agreement.

    /// <summary>
    /// A logged-in mailbox (what Connect-Pop3 returns). Serialises use of its
    /// connection, keeps the UID/number index of this session and counts the
    /// deletions that QUIT will commit.
    /// </summary>
    public sealed class Pop3Session : IDisposable
    {
        private Pop3Session() { }

        /// <summary>Connects, negotiates TLS, logs in and reads STAT.</summary>
        public static Pop3Session Open(Pop3ConnectionOptions options, NetworkCredential credential, Pop3AuthenticationMethod method, CancellationToken cancellationToken) => throw new NotImplementedException();

        public string Server => throw new NotImplementedException();
        public int Port => throw new NotImplementedException();
        public string UserName => throw new NotImplementedException();
        /// <summary>Tls, StartTls or None as negotiated.</summary>
        public Pop3Security Security => throw new NotImplementedException();
        public string? TlsProtocol => throw new NotImplementedException();
        public string? CipherSuite => throw new NotImplementedException();
        /// <summary>e.g. "SCRAM-SHA-256", "APOP", "USER".</summary>
        public string? AuthenticationMethod => throw new NotImplementedException();
        public string[] Capabilities => throw new NotImplementedException();
        public string? Implementation => throw new NotImplementedException();
        /// <summary>Messages in the mailbox not marked for deletion.</summary>
        public int MessageCount => throw new NotImplementedException();
        /// <summary>Octets of the messages not marked for deletion.</summary>
        public long MailboxSize => throw new NotImplementedException();
        public int PendingDeletions => throw new NotImplementedException();
        /// <summary>How many deletions the last QUIT committed.</summary>
        public int DeletedCount => throw new NotImplementedException();
        public bool IsConnected => throw new NotImplementedException();
        public DateTimeOffset ConnectedAt => throw new NotImplementedException();

        /// <summary>
        /// Where this session's protocol steps go; a cmdlet points it at its own
        /// verbose/debug streams for the duration of one call.
        /// </summary>
        public IPop3ProtocolLog? Log { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        /// <summary>
        /// Resolves a selection against this session's message index (UIDL + LIST, loaded
        /// once; messages marked for deletion excluded), in mailbox order for All, in the
        /// requested order otherwise. An unknown UID or number goes to <paramref name="onNotFound"/>
        /// (MessageNotFound) and the rest is resolved. The returned infos carry no headers yet.
        /// </summary>
        public IReadOnlyList<Pop3MessageInfo> Resolve(Pop3MessageSelection selection, Action<Pop3Exception> onNotFound, CancellationToken cancellationToken) => throw new NotImplementedException();

        /// <summary>
        /// Fills Subject/From/To/Date/MessageId/Headers with TOP n 0 (pipelined when offered),
        /// calling <paramref name="onMessage"/> as each arrives and <paramref name="progress"/>(done, total).
        /// </summary>
        public void LoadHeaders(IReadOnlyList<Pop3MessageInfo> messages, Action<Pop3MessageInfo> onMessage, Action<Pop3MessageInfo, Pop3Exception> onError, Action<int, int>? progress, CancellationToken cancellationToken) => throw new NotImplementedException();

        /// <summary>DELE for each message (pipelined when offered); counts them as pending.</summary>
        public void MarkForDeletion(IReadOnlyList<Pop3MessageInfo> messages, Action<Pop3MessageInfo> onMarked, Action<Pop3MessageInfo, Pop3Exception> onError, CancellationToken cancellationToken) => throw new NotImplementedException();

        /// <summary>
        /// QUIT: commits the pending deletions and closes. Returns the number deleted.
        /// If the link is gone or QUIT fails while deletions are pending: DeletionsNotCommitted.
        /// </summary>
        public int Disconnect(CancellationToken cancellationToken) => throw new NotImplementedException();

        /// <summary>RSET then QUIT: no pending deletion is committed.</summary>
        public void Discard(CancellationToken cancellationToken) => throw new NotImplementedException();

        /// <summary>Drops the connection without QUIT; nothing is committed.</summary>
        public void Dispose() => throw new NotImplementedException();
    }
}
