using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Threading;

namespace Pop3Tools.Engine.Protocol
{
    // CONTRACT STUB: the public surface other parts code against. The protocol
    // work replaces every body; signatures change only by agreement.

    /// <summary>
    /// One POP3 connection (RFC 1939, 2449, 2595, 5034, 6856). Not thread-safe:
    /// callers serialise use. After any transport or protocol error the connection
    /// is closed (IsConnected false), never left out of step.
    /// </summary>
    public sealed class Pop3Client : IDisposable
    {
        private Pop3Client() { }

        /// <summary>Connects, negotiates TLS as the options say, reads the greeting and CAPA.</summary>
        public static Pop3Client Connect(Pop3ConnectionOptions options, CancellationToken cancellationToken) => throw new NotImplementedException();

        public string Host => throw new NotImplementedException();
        public int Port => throw new NotImplementedException();
        /// <summary>The greeting text after "+OK ".</summary>
        public string Greeting => throw new NotImplementedException();
        /// <summary>The APOP timestamp (with angle brackets) from the greeting, if any.</summary>
        public string? ApopTimestamp => throw new NotImplementedException();
        public Pop3Capabilities Capabilities => throw new NotImplementedException();
        /// <summary>What was negotiated: Tls, StartTls or None (never Auto).</summary>
        public Pop3Security Security => throw new NotImplementedException();
        /// <summary>TLS details, null on a plain connection.</summary>
        public Pop3TlsInfo? Tls => throw new NotImplementedException();
        public bool IsConnected => throw new NotImplementedException();
        public bool IsAuthenticated => throw new NotImplementedException();
        /// <summary>The mechanism that logged in, e.g. "SCRAM-SHA-256", "USER", "APOP".</summary>
        public string? AuthenticationMethod => throw new NotImplementedException();

        /// <summary>
        /// Logs in; re-reads CAPA afterwards. For XOAuth2/OAuthBearer the credential's
        /// password is the access token. Refuses (InsecureAuthenticationRefused) to send
        /// a password over an unencrypted link unless the options allow it.
        /// </summary>
        public void Authenticate(NetworkCredential credential, Pop3AuthenticationMethod method, CancellationToken cancellationToken) => throw new NotImplementedException();

        public Pop3Stat Stat(CancellationToken cancellationToken) => throw new NotImplementedException();
        public IReadOnlyList<Pop3ListEntry> List(CancellationToken cancellationToken) => throw new NotImplementedException();
        public IReadOnlyList<Pop3UidEntry> Uidl(CancellationToken cancellationToken) => throw new NotImplementedException();

        /// <summary>
        /// RETR for each number, pipelined when offered. <paramref name="onMessage"/> gets a
        /// forward-only stream of the message (dot-stuffing removed, CRLF line ends); whatever it
        /// leaves unread is drained afterwards. A -ERR for one message goes to <paramref name="onError"/>
        /// (MessageNotFound) and the batch goes on. An exception thrown by a callback is rethrown once
        /// the replies in flight are consumed, so the connection stays in step.
        /// </summary>
        public void Retrieve(IEnumerable<int> numbers, Action<int, Stream> onMessage, Action<int, Pop3Exception> onError, CancellationToken cancellationToken) => throw new NotImplementedException();

        /// <summary>TOP n lines for each number; same contract as <see cref="Retrieve"/>.</summary>
        public void Top(IEnumerable<int> numbers, int lines, Action<int, Stream> onMessage, Action<int, Pop3Exception> onError, CancellationToken cancellationToken) => throw new NotImplementedException();

        /// <summary>DELE for each number, pipelined when offered; a -ERR for one goes to onError.</summary>
        public void Delete(IEnumerable<int> numbers, Action<int, Pop3Exception> onError, CancellationToken cancellationToken) => throw new NotImplementedException();

        public void Reset(CancellationToken cancellationToken) => throw new NotImplementedException();
        public void Noop(CancellationToken cancellationToken) => throw new NotImplementedException();

        /// <summary>QUIT: commits deletions (UPDATE state) and closes. Throws if the server answers -ERR.</summary>
        public void Quit(CancellationToken cancellationToken) => throw new NotImplementedException();

        /// <summary>Closes the connection at once without QUIT (nothing is committed).</summary>
        public void Dispose() => throw new NotImplementedException();
    }

    public sealed class Pop3Stat
    {
        public Pop3Stat(int count, long size) { Count = count; Size = size; }
        public int Count { get; }
        public long Size { get; }
    }

    public sealed class Pop3ListEntry
    {
        public Pop3ListEntry(int number, long size) { Number = number; Size = size; }
        public int Number { get; }
        public long Size { get; }
    }

    public sealed class Pop3UidEntry
    {
        public Pop3UidEntry(int number, string uid) { Number = number; Uid = uid; }
        public int Number { get; }
        public string Uid { get; }
    }
}
