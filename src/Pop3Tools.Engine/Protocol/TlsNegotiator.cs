using System;
using System.Globalization;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Pop3Tools.Engine.Protocol
{
    /// <summary>
    /// Layers TLS on a transport (implicit TLS or after STLS), with SNI, the OS's default
    /// protocol versions and the certificate policy of the options.
    /// </summary>
    internal static class TlsNegotiator
    {
        /// <summary>SslProtocols.Tls13, which netstandard2.0 does not name.</summary>
        private const int Tls13 = 12288;

        public static Pop3TlsInfo Negotiate(Pop3Transport transport, Pop3ConnectionOptions options, Pop3Security mode, ProtocolLog log)
        {
            var host = TargetHost(options.Host);
            var port = options.EffectivePort;
            var policy = new CertificatePolicy(options.SkipCertificateCheck, options.CertificateThumbprint);
            var recorder = new FirstBytesRecorder(transport.Stream);
            var trace = options.Trace;
            var ssl = new SslStream(recorder, false, (sender, certificate, chain, errors) =>
            {
                trace?.Observe(certificate, chain, errors);
                return policy.Validate(sender, certificate, chain, errors) || (trace != null && trace.ContinuePastCertificateRejection);
            });
            log.Step("Negotiating TLS with " + host + (mode == Pop3Security.StartTls ? " after STLS" : " (implicit TLS)"));
            try
            {
                // SslProtocols.None lets the OS pick its versions (TLS 1.2/1.3 today) instead of pinning old ones.
                ssl.AuthenticateAsClient(host, null, SslProtocols.None, checkCertificateRevocation: false);
            }
            catch (Exception e) when (Pop3Transport.IsTransportFailure(e))
            {
                ssl.Dispose();
                if (policy.Rejection != null)
                {
                    throw new Pop3Exception(Pop3ErrorKind.CertificateInvalid, policy.Rejection, e)
                    {
                        Hint = policy.SeenThumbprint == null
                            ? "Use -CertificateThumbprint to trust a certificate deliberately, or -SkipCertificateCheck for a test server."
                            : "If you trust this certificate, pin it with -CertificateThumbprint " + policy.SeenThumbprint
                                + "; -SkipCertificateCheck turns the check off for a test server.",
                    };
                }
                throw HandshakeFailed(e, recorder, mode, port);
            }
            transport.Upgrade(ssl);
            if (trace != null)
            {
                trace.TlsEstablished();
                trace.CertificateRejection = policy.Rejection;
            }
            var info = new Pop3TlsInfo(ProtocolName(ssl.SslProtocol), CipherSuite(ssl), Certificate(ssl.RemoteCertificate));
            log.Step("TLS established: " + info.Protocol + ", " + info.CipherSuite);
            return info;
        }

        private static Pop3Exception HandshakeFailed(Exception cause, FirstBytesRecorder recorder, Pop3Security mode, int port)
        {
            var timedOut = Pop3Transport.Translate(cause, "negotiating TLS").Kind == Pop3ErrorKind.Timeout;
            var message = timedOut
                ? "The server did not complete the TLS handshake in time."
                : "The TLS handshake failed: " + cause.Message;
            string hint;
            if (recorder.SawPlainPop3)
            {
                var portText = port.ToString(CultureInfo.InvariantCulture);
                hint = "Port " + portText + " speaks plain POP3; use -Security StartTls or None.";
                message = "The server answered in plain text, not TLS.";
            }
            else if (mode == Pop3Security.StartTls)
            {
                hint = "The server offered STLS but could not complete TLS; check its TLS configuration, or use -Security Tls on port 995.";
            }
            else
            {
                hint = "Check that port " + port.ToString(CultureInfo.InvariantCulture)
                    + " offers implicit TLS (usually 995) and that client and server share a TLS version.";
            }
            return new Pop3Exception(Pop3ErrorKind.TlsHandshakeFailed, message, cause) { Hint = hint };
        }

        private static string TargetHost(string host) =>
            host.Length > 2 && host[0] == '[' && host[host.Length - 1] == ']' ? host.Substring(1, host.Length - 2) : host;

        private static string ProtocolName(SslProtocols protocol) =>
            (int)protocol == Tls13 ? "Tls13" : protocol.ToString();

        /// <summary>
        /// The IANA suite name where the runtime exposes it (.NET Core 3.0+, reached by reflection
        /// because netstandard2.0 lacks the property), else what the older API describes.
        /// </summary>
        private static string CipherSuite(SslStream ssl)
        {
            var property = typeof(SslStream).GetProperty("NegotiatedCipherSuite");
            if (property != null)
            {
                try
                {
                    var value = property.GetValue(ssl);
                    if (value != null) return value.ToString();
                }
                catch (System.Reflection.TargetInvocationException)
                {
                    // Some platforms throw instead of answering; the description below still says enough.
                }
            }
            return ssl.CipherAlgorithm + " " + ssl.CipherStrength.ToString(CultureInfo.InvariantCulture) + "-bit, "
                + ssl.HashAlgorithm + ", " + ssl.KeyExchangeAlgorithm;
        }

        private static X509Certificate2? Certificate(X509Certificate? certificate) =>
            certificate == null ? null : certificate as X509Certificate2 ?? new X509Certificate2(certificate);
    }
}
