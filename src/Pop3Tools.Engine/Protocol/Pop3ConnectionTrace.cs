using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Pop3Tools.Engine.Protocol
{
    /// <summary>How far a connection got; the stage a failure happened in.</summary>
    internal enum ConnectionStage
    {
        Resolve,
        Connect,
        Tls,
        Greeting,
        Capabilities,
        StartTls,
        Ready,
    }

    /// <summary>
    /// What one connection attempt observed, stage by stage and timed, for the diagnostics
    /// probe. The connection code fills it in when the options carry one; nothing else reads it.
    /// </summary>
    internal sealed class Pop3ConnectionTrace
    {
        private readonly Stopwatch clock = new Stopwatch();

        /// <summary>
        /// Lets the handshake complete past a certificate the policy refuses, so the probe can
        /// report protocol, cipher, greeting and CAPA too. The refusal is kept in
        /// <see cref="CertificateRejection"/>; whoever sets this must never send a credential
        /// over such a connection.
        /// </summary>
        public bool ContinuePastCertificateRejection { get; set; }

        public ConnectionStage Stage { get; private set; } = ConnectionStage.Resolve;

        public IReadOnlyList<IPAddress> Addresses { get; private set; } = Array.Empty<IPAddress>();
        public TimeSpan? ResolveTime { get; private set; }
        public IPAddress? ConnectedAddress { get; private set; }
        public TimeSpan? ConnectTime { get; private set; }

        /// <summary>Each address that did not answer, with why.</summary>
        public List<string> AddressFailures { get; } = new List<string>();

        public TimeSpan? TlsTime { get; private set; }
        public ObservedCertificate? Certificate { get; private set; }

        /// <summary>Why the certificate policy refused the certificate, if it did.</summary>
        public string? CertificateRejection { get; set; }

        /// <summary>The first status line as received (may be another protocol's banner).</summary>
        public string? GreetingLine { get; private set; }
        public TimeSpan? GreetingTime { get; private set; }

        /// <summary>CAPA before STLS (null without STLS); after TLS, capabilities come from the client.</summary>
        public Pop3Capabilities? CapabilitiesBeforeStartTls { get; set; }

        internal void Enter(ConnectionStage stage)
        {
            Stage = stage;
            clock.Restart();
        }

        internal void Resolved(IReadOnlyList<IPAddress> addresses)
        {
            Addresses = addresses;
            ResolveTime = clock.Elapsed;
        }

        internal void Connected(IPAddress address)
        {
            ConnectedAddress = address;
            ConnectTime = clock.Elapsed;
        }

        internal void TlsEstablished() => TlsTime = clock.Elapsed;

        internal void Greeted(string line)
        {
            GreetingLine = line;
            GreetingTime = clock.Elapsed;
        }

        /// <summary>Called from the TLS validation callback, before any verdict.</summary>
        internal void Observe(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            if (certificate == null) return;
            Certificate = new ObservedCertificate(certificate, chain, errors);
        }
    }

    /// <summary>The server certificate with what the OS thought of it, copied while the chain is alive.</summary>
    internal sealed class ObservedCertificate
    {
        public ObservedCertificate(X509Certificate certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            Certificate = certificate as X509Certificate2 ?? new X509Certificate2(certificate);
            PolicyErrors = errors;
            var statuses = new List<X509ChainStatusFlags>();
            var descriptions = new List<string>();
            var subjects = new List<string>();
            if (chain != null)
            {
                foreach (var status in chain.ChainStatus)
                {
                    statuses.Add(status.Status);
                    var information = (status.StatusInformation ?? string.Empty).Trim();
                    descriptions.Add(information.Length > 0 ? status.Status + " (" + information + ")" : status.Status.ToString());
                }
                foreach (var element in chain.ChainElements) subjects.Add(element.Certificate.Subject);
            }
            ChainStatus = statuses;
            ChainErrors = descriptions;
            ChainSubjects = subjects;
        }

        public X509Certificate2 Certificate { get; }
        public SslPolicyErrors PolicyErrors { get; }
        public IReadOnlyList<X509ChainStatusFlags> ChainStatus { get; }
        public IReadOnlyList<string> ChainErrors { get; }
        public IReadOnlyList<string> ChainSubjects { get; }
    }
}
