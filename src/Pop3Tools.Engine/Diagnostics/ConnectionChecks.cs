using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Sockets;
using Pop3Tools.Engine.Protocol;

namespace Pop3Tools.Engine.Diagnostics
{
    /// <summary>
    /// The checks up to a usable connection: name, TCP, TLS and certificate, greeting, CAPA and
    /// STLS. A stage before the one that failed passed, the failed one says why and what to
    /// change, later ones were not reached.
    /// </summary>
    internal sealed class ConnectionChecks
    {
        private readonly Pop3ProbeRequest request;
        private readonly Pop3ProbeTarget target;
        private readonly Pop3ConnectionTrace trace;
        private readonly Pop3ServerTestResult result;
        private readonly Pop3Exception? failure;
        private readonly ConnectionStage reached;

        public ConnectionChecks(Pop3ProbeRequest request, Pop3ProbeTarget target, Pop3ConnectionTrace trace, Pop3ServerTestResult result, Pop3Exception? failure)
        {
            this.request = request;
            this.target = target;
            this.trace = trace;
            this.result = result;
            this.failure = failure;
            reached = failure == null ? ConnectionStage.Ready : trace.Stage;
        }

        private string Port => target.Port.ToString(CultureInfo.InvariantCulture);
        private string Seconds => request.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s";
        private bool ImplicitTls => target.Security == Pop3Security.Tls || (target.Security == Pop3Security.Auto && target.Port == 995);

        public IEnumerable<Pop3Check> Build(Pop3Client? client)
        {
            yield return NameResolution();
            yield return TcpConnect();
            var tlsUsed = trace.TlsTime != null || (reached == ConnectionStage.Tls && failure != null);
            yield return Tls(client, tlsUsed);
            foreach (var check in Certificate(tlsUsed)) yield return check;
            yield return Greeting();
            yield return Capabilities(client);
            yield return StartTls(client);
        }

        private Pop3Check NameResolution()
        {
            const string name = Pop3CheckNames.NameResolution;
            if (reached == ConnectionStage.Resolve)
            {
                if (failure!.Kind == Pop3ErrorKind.Timeout)
                {
                    return new Pop3Check(name, Pop3CheckStatus.Fail, "The name " + request.Server + " was not resolved within " + Seconds + ".",
                        "The DNS server does not answer: check this machine's DNS settings, or try the server's IP address.");
                }
                return new Pop3Check(name, Pop3CheckStatus.Fail, failure.Message,
                    "Check the spelling of " + request.Server + " (the provider's settings page gives the POP3 server name) and this machine's DNS.");
            }
            if (CertificateNames.IsIpAddress(request.Server))
            {
                return new Pop3Check(name, Pop3CheckStatus.Pass, "An IP address: nothing to resolve.");
            }
            return new Pop3Check(name, Pop3CheckStatus.Pass,
                "Resolved to " + string.Join(", ", result.Addresses) + " in " + Ms(result.ResolveMs) + ".");
        }

        private Pop3Check TcpConnect()
        {
            const string name = Pop3CheckNames.TcpConnect;
            if (reached < ConnectionStage.Connect) return ProbeAttempt.NotReached(name);
            if (reached == ConnectionStage.Connect)
            {
                if (failure!.Kind == Pop3ErrorKind.Timeout)
                {
                    return new Pop3Check(name, Pop3CheckStatus.Fail,
                        "No answer on port " + Port + " within " + Seconds + ": the port is filtered (packets are dropped), or the host is down.",
                        "A firewall between here and the server (or on it) drops port " + Port + "; a closed port would be refused at once. "
                        + "Check the port number (POP3: 995 for TLS, 110 for STLS or plain) and the firewalls.");
                }
                var socketError = SocketErrorOf(failure);
                if (socketError == SocketError.ConnectionRefused)
                {
                    return new Pop3Check(name, Pop3CheckStatus.Fail,
                        "Port " + Port + " on " + result.Address + " refused the connection: nothing listens there.",
                        "Check the port number (POP3: 995 for TLS, 110 for STLS or plain) and that the POP3 service runs on " + request.Server + ".");
                }
                return new Pop3Check(name, Pop3CheckStatus.Fail, failure.Message,
                    "The network path to " + request.Server + " is broken (no route): check the address, the network and the VPN.");
            }
            var connected = "Connected to " + result.Address + " port " + Port + " in " + Ms(result.ConnectMs) + ".";
            if (trace.AddressFailures.Count > 0)
            {
                return new Pop3Check(name, Pop3CheckStatus.Warning,
                    connected + " Before that: " + string.Join("; ", trace.AddressFailures) + ".",
                    "Not every address of " + request.Server + " answers on port " + Port
                    + ": fix the server's IPv6/IPv4 set-up or its DNS records; clients that try a dead address first wait.");
            }
            return new Pop3Check(name, Pop3CheckStatus.Pass, connected);
        }

        private Pop3Check Tls(Pop3Client? client, bool tlsUsed)
        {
            const string name = Pop3CheckNames.Tls;
            var afterStls = trace.CapabilitiesBeforeStartTls != null ? " after STLS" : string.Empty;
            if (reached == ConnectionStage.Tls && failure != null)
            {
                var timedOut = failure.Kind == Pop3ErrorKind.Timeout || failure.Message.IndexOf("in time", StringComparison.Ordinal) >= 0;
                var hint = failure.Hint;
                if (timedOut && afterStls.Length == 0)
                {
                    hint = "Port " + Port + " did not answer the TLS handshake within " + Seconds
                        + ": if it is a plain POP3 port (usually 110) use -Security StartTls; if the service hangs, check the server.";
                }
                if (failure.Kind == Pop3ErrorKind.SessionClosed && afterStls.Length == 0)
                {
                    hint = "Port " + Port + " closed the connection during the TLS handshake: it may not speak TLS (try -Security StartTls on port 110), "
                        + "or client and server share no TLS version.";
                }
                return new Pop3Check(name, Pop3CheckStatus.Fail, afterStls.Length > 0 ? "After STLS: " + failure.Message : failure.Message, hint);
            }
            if (trace.TlsTime != null && client != null && client.Tls != null)
            {
                var detail = "Negotiated " + client.Tls.Protocol + " with " + client.Tls.CipherSuite + afterStls + " in " + Ms(result.TlsMs) + ".";
                if (IsOutdated(client.Tls.Protocol))
                {
                    return new Pop3Check(name, Pop3CheckStatus.Warning, detail,
                        client.Tls.Protocol + " is outdated and refused by many clients: enable TLS 1.2 and 1.3 on the server.");
                }
                return new Pop3Check(name, Pop3CheckStatus.Pass, detail);
            }
            if (tlsUsed) return new Pop3Check(name, Pop3CheckStatus.Pass, "Negotiated" + afterStls + " in " + Ms(result.TlsMs) + ".");
            if (target.Security == Pop3Security.None)
            {
                return new Pop3Check(name, Pop3CheckStatus.Skipped, "Not used: -Security None asks for an unencrypted connection.");
            }
            if (client != null && client.Security == Pop3Security.None)
            {
                return new Pop3Check(name, Pop3CheckStatus.Skipped, "Not used: the server offers no STLS, so Auto stayed unencrypted.");
            }
            return ProbeAttempt.NotReached(name);
        }

        private IEnumerable<Pop3Check> Certificate(bool tlsUsed)
        {
            var observed = trace.Certificate;
            if (observed != null)
            {
                return new CertificateChecks(request, observed, trace.CertificateRejection).Build();
            }
            var skipped = tlsUsed || ImplicitTls || target.Security == Pop3Security.StartTls
                ? "Not reached: no certificate was received."
                : "Not used: the connection has no TLS.";
            return new[] { Pop3CheckNames.CertificateTrust, Pop3CheckNames.CertificateName, Pop3CheckNames.CertificateValidity }
                .Select(name => new Pop3Check(name, Pop3CheckStatus.Skipped, skipped));
        }

        private Pop3Check Greeting()
        {
            const string name = Pop3CheckNames.Greeting;
            var line = trace.GreetingLine;
            var foreign = line == null ? null : ForeignGreeting.Identify(line);
            if (foreign != null)
            {
                return new Pop3Check(name, Pop3CheckStatus.Fail,
                    "Port " + Port + " greeted \"" + Pop3Response.Abbreviate(line!) + "\": that is " + foreign + ", not POP3.",
                    "Point the client at the POP3 port: 995 (implicit TLS) or 110 (STLS). IMAP listens on 143/993 and SMTP on 25/465/587; "
                    + "if this should be POP3, enable POP3 on the server.");
            }
            if (reached == ConnectionStage.Greeting && failure != null)
            {
                return GreetingFailure(name);
            }
            if (reached <= ConnectionStage.Greeting || line == null) return ProbeAttempt.NotReached(name);
            var apop = line.IndexOf('<') >= 0 && result.ApopAvailable ? " It offers APOP (timestamp in the greeting)." : string.Empty;
            return new Pop3Check(name, Pop3CheckStatus.Pass, "\"" + Pop3Response.Abbreviate(line) + "\" in " + Ms(result.GreetingMs) + "." + apop);
        }

        private Pop3Check GreetingFailure(string name)
        {
            var error = failure!;
            var code = error.ResponseCode;
            if (code != null && code.StartsWith("SYS/TEMP", StringComparison.OrdinalIgnoreCase))
            {
                return new Pop3Check(name, Pop3CheckStatus.Fail, error.Message,
                    "[SYS/TEMP]: the server has a temporary problem (overload, maintenance); try again later.");
            }
            if (code != null && code.StartsWith("SYS/PERM", StringComparison.OrdinalIgnoreCase))
            {
                return new Pop3Check(name, Pop3CheckStatus.Fail, error.Message,
                    "[SYS/PERM]: the server reports a lasting problem; retrying will not help: contact its administrator.");
            }
            if (error.Kind == Pop3ErrorKind.ServerUnavailable)
            {
                return new Pop3Check(name, Pop3CheckStatus.Fail, error.Message,
                    "The server turns connections away; it may limit connections per client or be shutting down. Try later or ask its administrator.");
            }
            var silent = error.Kind == Pop3ErrorKind.Timeout || (error.Kind == Pop3ErrorKind.TlsHandshakeFailed && trace.GreetingLine == null);
            if (silent && !ImplicitTls)
            {
                return new Pop3Check(name, Pop3CheckStatus.Fail, "No greeting within " + Seconds + " on an unencrypted connection.",
                    "Port " + Port + " probably expects implicit TLS (as 995 does): use -Security Tls. If it should speak plain POP3, the service behind it hangs.");
            }
            if (silent)
            {
                return new Pop3Check(name, Pop3CheckStatus.Fail, "TLS was established but no greeting came within " + Seconds + ".",
                    "The service behind port " + Port + " hangs after the handshake (or is not POP3): check the server.");
            }
            if (error.Kind == Pop3ErrorKind.SessionClosed)
            {
                return new Pop3Check(name, Pop3CheckStatus.Fail, "The server closed the connection without a greeting.",
                    "The server refuses this client (an access list, a connection limit) or this port is not POP3: check the server's log.");
            }
            return new Pop3Check(name, Pop3CheckStatus.Fail, error.Message, error.Hint);
        }

        private Pop3Check Capabilities(Pop3Client? client)
        {
            const string name = Pop3CheckNames.Capabilities;
            if (reached == ConnectionStage.Capabilities && failure != null)
            {
                return new Pop3Check(name, Pop3CheckStatus.Fail, "CAPA failed: " + failure.Message,
                    "The server broke the dialogue at CAPA (RFC 2449); check the server, or try -Security Tls or None.");
            }
            var capabilities = client?.Capabilities ?? trace.CapabilitiesBeforeStartTls;
            if (capabilities == null || reached < ConnectionStage.Capabilities) return ProbeAttempt.NotReached(name);
            if (capabilities.Lines.Count == 0)
            {
                return new Pop3Check(name, Pop3CheckStatus.Warning, "The server does not answer CAPA: a plain RFC 1939 server without STLS, SASL or PIPELINING.",
                    "Clients can only guess what it supports; a current POP3 server (RFC 2449) announces STLS and SASL in CAPA.");
            }
            var detail = "CAPA: " + string.Join(", ", capabilities.Lines) + ".";
            var before = trace.CapabilitiesBeforeStartTls;
            if (before != null && client != null)
            {
                detail += " Before STLS: " + string.Join(", ", before.Lines) + ".";
            }
            return new Pop3Check(name, Pop3CheckStatus.Pass, detail);
        }

        private Pop3Check StartTls(Pop3Client? client)
        {
            const string name = Pop3CheckNames.StartTls;
            if (ImplicitTls) return new Pop3Check(name, Pop3CheckStatus.Skipped, "Not needed: implicit TLS from the first byte.");
            if (reached == ConnectionStage.StartTls && failure != null)
            {
                var hint = failure.Hint ?? "The server advertises STLS but refuses it: check its TLS configuration (certificate and key), or use -Security Tls on port 995.";
                return new Pop3Check(name, Pop3CheckStatus.Fail, failure.Message, hint);
            }
            if (trace.CapabilitiesBeforeStartTls != null && reached >= ConnectionStage.Tls)
            {
                return new Pop3Check(name, Pop3CheckStatus.Pass, "STLS is offered and was accepted.");
            }
            if (client == null) return ProbeAttempt.NotReached(name);
            if (client.Capabilities.Stls)
            {
                return new Pop3Check(name, Pop3CheckStatus.Warning, "The connection is not encrypted, though the server offers STLS.",
                    "Use -Security StartTls (or Tls on port 995) so that passwords and mail are encrypted.");
            }
            return new Pop3Check(name, Pop3CheckStatus.Warning, "The connection is not encrypted and the server offers no STLS on port " + Port + ".",
                "Passwords and mail cross the network in clear: try -Security Tls on port 995, or enable TLS (STLS) on the server.");
        }

        private static bool IsOutdated(string protocol) =>
            protocol == "Tls" || protocol == "Tls11" || protocol == "Ssl3" || protocol == "Ssl2";

        private static SocketError? SocketErrorOf(Exception? e)
        {
            for (; e != null; e = e.InnerException)
            {
                if (e is SocketException socket) return socket.SocketErrorCode;
            }
            return null;
        }

        internal static string Ms(double? milliseconds) =>
            milliseconds.HasValue ? milliseconds.Value.ToString("0.#", CultureInfo.InvariantCulture) + " ms" : "? ms";
    }
}
