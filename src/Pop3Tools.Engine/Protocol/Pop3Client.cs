using System;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text.RegularExpressions;
using System.Threading;

namespace Pop3Tools.Engine.Protocol
{
    /// <summary>
    /// One POP3 connection (RFC 1939, 2449, 2595, 5034, 6856). Not thread-safe:
    /// callers serialise use. After any transport or protocol error the connection
    /// is closed (IsConnected false), never left out of step.
    /// </summary>
    public sealed partial class Pop3Client : IDisposable
    {
        /// <summary>How long a plain connection waits for the greeting before suspecting an implicit-TLS port.</summary>
        internal static readonly TimeSpan GreetingPatience = TimeSpan.FromSeconds(5);

        private static readonly Regex ApopTimestampPattern = new Regex(@"<[^<>\s]+@[^<>\s]+>", RegexOptions.CultureInvariant);

        private readonly Pop3ConnectionOptions options;
        private readonly ProtocolLog log;
        private Pop3Channel? channel;
        private Pop3Capabilities capabilities = Pop3Capabilities.Empty;

        private Pop3Client(Pop3ConnectionOptions options)
        {
            this.options = options;
            log = new ProtocolLog(options.Log);
            Host = options.Host;
            Port = options.EffectivePort;
        }

        /// <summary>Connects, negotiates TLS as the options say, reads the greeting and CAPA.</summary>
        public static Pop3Client Connect(Pop3ConnectionOptions options, CancellationToken cancellationToken)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            if (options.CertificateThumbprint != null) CertificatePolicy.NormalizeThumbprint(options.CertificateThumbprint);
            var client = new Pop3Client(options);
            try
            {
                var socket = TcpConnector.Connect(options.Host, client.Port, options.Timeout, client.log, cancellationToken, options.Trace);
                client.channel = new Pop3Channel(new Pop3Transport(socket, options.Timeout), client.log);
                client.Run(cancellationToken, client.Open);
                return client;
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }

        public string Host { get; }
        public int Port { get; }
        /// <summary>The greeting text after "+OK ".</summary>
        public string Greeting { get; private set; } = string.Empty;
        /// <summary>The APOP timestamp (with angle brackets) from the greeting, if any.</summary>
        public string? ApopTimestamp { get; private set; }
        public Pop3Capabilities Capabilities => capabilities;
        /// <summary>What was negotiated: Tls, StartTls or None (never Auto).</summary>
        public Pop3Security Security { get; private set; } = Pop3Security.None;
        /// <summary>TLS details, null on a plain connection.</summary>
        public Pop3TlsInfo? Tls { get; private set; }
        public bool IsConnected => channel != null && channel.Transport.IsOpen;
        public bool IsAuthenticated { get; private set; }
        /// <summary>The mechanism that logged in, e.g. "SCRAM-SHA-256", "USER", "APOP".</summary>
        public string? AuthenticationMethod { get; private set; }
        /// <summary>The -Authentication value that logged in (never Auto), so a caller can pin it.</summary>
        public Pop3AuthenticationMethod? LoginMethod { get; private set; }

        /// <summary>Closes the connection at once without QUIT (nothing is committed).</summary>
        public void Dispose() => channel?.Transport.Dispose();

        private void Open()
        {
            var requested = options.Security;
            var implicitTls = requested == Pop3Security.Tls || (requested == Pop3Security.Auto && Port == 995);
            var trace = options.Trace;
            if (implicitTls)
            {
                trace?.Enter(ConnectionStage.Tls);
                Tls = TlsNegotiator.Negotiate(Channel.Transport, options, Pop3Security.Tls, log);
                Security = Pop3Security.Tls;
            }
            trace?.Enter(ConnectionStage.Greeting);
            ReadGreeting(implicitTls);
            trace?.Enter(ConnectionStage.Capabilities);
            capabilities = ReadCapabilities();
            if (implicitTls)
            {
                trace?.Enter(ConnectionStage.Ready);
                return;
            }

            if (requested == Pop3Security.StartTls || (requested == Pop3Security.Auto && capabilities.Stls))
            {
                StartTls();
            }
            else
            {
                log.Step("Staying on an unencrypted connection (" + (requested == Pop3Security.None ? "as requested" : "the server offers no STLS") + ")");
            }
            trace?.Enter(ConnectionStage.Ready);
        }

        private void ReadGreeting(bool implicitTls)
        {
            log.Step("Waiting for the greeting");
            var line = implicitTls ? Channel.ReadStatusLine() : ReadPlainGreeting();
            log.Received(line);
            options.Trace?.Greeted(line);
            var greeting = Pop3Response.Parse(line, allowContinuation: false);
            if (!greeting.IsOk) throw ResponseErrors.FromErr(greeting, "the connection", ReplyContext.Greeting, null);
            Greeting = greeting.Text;
            var timestamp = ApopTimestampPattern.Match(greeting.Text);
            ApopTimestamp = timestamp.Success ? timestamp.Value : null;
        }

        /// <summary>
        /// The greeting on a connection that starts in clear. A POP3 server greets at once; a port
        /// that speaks implicit TLS says nothing and waits for the client's handshake (or answers
        /// with a TLS record). Rather than wait out the whole timeout, the greeting gets a few
        /// seconds, and silence or a TLS record is reported as the port/mode mix-up it is.
        /// </summary>
        private string ReadPlainGreeting()
        {
            var transport = Channel.Transport;
            var patience = options.Timeout > TimeSpan.Zero && options.Timeout < GreetingPatience ? options.Timeout : GreetingPatience;
            transport.SetReadTimeout(patience);
            try
            {
                transport.EnsureData();
            }
            catch (Pop3Exception e) when (e.Kind == Pop3ErrorKind.Timeout)
            {
                throw ImplicitTlsPort("sent no greeting within " + patience.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s", e);
            }
            transport.SetReadTimeout(options.Timeout);
            // Checked before reading a line: a TLS record is binary and may hold a line feed.
            if (transport.BufferedLooksLikeTls) throw ImplicitTlsPort("answered with a TLS record instead of a POP3 greeting", null);
            return Channel.ReadStatusLine();
        }

        private Pop3Exception ImplicitTlsPort(string seen, Exception? cause) =>
            new Pop3Exception(Pop3ErrorKind.TlsHandshakeFailed,
                "The server " + seen + ": port " + Port.ToString(CultureInfo.InvariantCulture) + " seems to expect implicit TLS.", cause)
            {
                Hint = "This port seems to expect implicit TLS: use -Security Tls" + (Port == 995 ? "." : " (or -Security Auto on port 995)."),
            };

        /// <summary>CAPA; a -ERR is a valid RFC 1939 server without extensions.</summary>
        private Pop3Capabilities ReadCapabilities()
        {
            Channel.Send("CAPA");
            var reply = Channel.ReadReply();
            if (!reply.IsOk)
            {
                log.Step("The server does not support CAPA; assuming plain RFC 1939");
                return Pop3Capabilities.Empty;
            }
            var lines = Channel.ReadListLines("CAPA", ProtocolLimits.MaxCapabilityLines, logLines: true);
            return new Pop3Capabilities(lines);
        }

        private void StartTls()
        {
            var trace = options.Trace;
            if (trace != null)
            {
                trace.CapabilitiesBeforeStartTls = capabilities;
                trace.Enter(ConnectionStage.StartTls);
            }
            if (!capabilities.Stls)
            {
                throw new Pop3Exception(Pop3ErrorKind.StartTlsUnavailable, "The server does not offer STLS.")
                {
                    Hint = Port == 110
                        ? "Try -Security Tls on port 995, or -Security None with -AllowInsecureAuthentication on a trusted network."
                        : "Try -Security Tls if this port speaks implicit TLS.",
                };
            }
            Channel.Send("STLS");
            var reply = Channel.ReadReply();
            if (!reply.IsOk)
            {
                throw new Pop3Exception(Pop3ErrorKind.StartTlsUnavailable, "The server refused STLS: " + Pop3Response.Abbreviate(reply.Text))
                {
                    ServerText = reply.Text,
                    ResponseCode = reply.Code,
                };
            }
            // Anything already received came before TLS and may be injected by an attacker
            // (CVE-2011-0411 style): it must never be read as a reply from inside the tunnel.
            var discarded = Channel.Transport.DiscardBuffered();
            if (discarded > 0) log.Step("Discarded " + discarded + " bytes the server sent before the TLS handshake");
            trace?.Enter(ConnectionStage.Tls);
            Tls = TlsNegotiator.Negotiate(Channel.Transport, options, Pop3Security.StartTls, log);
            Security = Pop3Security.StartTls;
            // RFC 2595 section 4: capabilities learnt before TLS cannot be trusted.
            trace?.Enter(ConnectionStage.Capabilities);
            capabilities = ReadCapabilities();
        }

        private Pop3Channel Channel => channel ?? throw Closed();

        private static Pop3Exception Closed() =>
            new Pop3Exception(Pop3ErrorKind.SessionClosed, "The connection to the server is closed.");

        private void Run(CancellationToken cancellationToken, Action operation, bool resumable = false) =>
            Run(cancellationToken, () =>
            {
                operation();
                return true;
            }, resumable);

        /// <summary>
        /// Runs one operation; any failure that may leave the dialogue out of step closes the
        /// connection. Cancellation closes the socket so a blocked read returns at once, except
        /// for a <paramref name="resumable"/> (read-only) operation of a logged-in session: there
        /// only the wait ends, the connection stays, and the replies still on the way are read
        /// and discarded before the next command (see <see cref="DrainInterrupted"/>).
        /// </summary>
        private T Run<T>(CancellationToken cancellationToken, Func<T> operation, bool resumable = false)
        {
            if (!IsConnected) throw Closed();
            cancellationToken.ThrowIfCancellationRequested();
            var transport = Channel.Transport;
            var keepOnCancel = resumable && IsAuthenticated;
            var closeOnCancel = keepOnCancel
                ? default(CancellationTokenRegistration)
                : cancellationToken.Register(state => ((Pop3Transport)state!).Dispose(), transport);
            transport.Cancellation = cancellationToken;
            using (closeOnCancel)
            {
                try
                {
                    DrainInterrupted();
                    return operation();
                }
                catch (OperationCanceledException) when (keepOnCancel && cancellationToken.IsCancellationRequested && transport.IsOpen)
                {
                    throw;
                }
                catch (Pop3Exception e) when (!ClosesConnection(e.Kind) && !cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception e)
                {
                    transport.Dispose();
                    if (cancellationToken.IsCancellationRequested)
                    {
                        throw new OperationCanceledException("The POP3 operation was cancelled.", e, cancellationToken);
                    }
                    if (Pop3Transport.IsTransportFailure(e)) throw Pop3Transport.Translate(e, "talking to the server");
                    throw;
                }
                finally
                {
                    transport.Cancellation = CancellationToken.None;
                }
            }
        }

        /// <summary>
        /// Reads what a stopped command left on the line (bounded by the timeout, read by read),
        /// so the next command meets its own reply. If that fails the link cannot be trusted to
        /// be in step: the error says why it is given up.
        /// </summary>
        private void DrainInterrupted()
        {
            var owed = Channel.OwedReplies;
            if (owed == 0) return;
            log.Step("Reading what the stopped command left on the line (" + owed.ToString(CultureInfo.InvariantCulture)
                + (owed == 1 ? " reply)" : " replies)"));
            try
            {
                Channel.DrainOwed();
            }
            catch (Pop3Exception e)
            {
                throw new Pop3Exception(Pop3ErrorKind.SessionClosed,
                    "The replies a stopped command left on the line could not be read (" + e.Message + "), so the connection was given up.", e);
            }
        }

        /// <summary>
        /// A -ERR about the request (login refused, no such message) leaves the dialogue in step;
        /// everything else (transport, timeout, malformed reply) does not.
        /// </summary>
        private static bool ClosesConnection(Pop3ErrorKind kind)
        {
            switch (kind)
            {
                case Pop3ErrorKind.AuthenticationFailed:
                case Pop3ErrorKind.MailboxInUse:
                case Pop3ErrorKind.LoginDelay:
                case Pop3ErrorKind.MessageNotFound:
                case Pop3ErrorKind.InsecureAuthenticationRefused:
                    return false;
                default:
                    return true;
            }
        }

        private static void Rethrow(ExceptionDispatchInfo? failure) => failure?.Throw();
    }
}
