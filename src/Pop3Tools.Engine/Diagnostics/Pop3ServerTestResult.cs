using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography.X509Certificates;

namespace Pop3Tools
{
    /// <summary>
    /// One Test-Pop3Server attempt (one port and security mode): what each stage found and timed,
    /// the checks with their hints, and a one-line verdict. Failures are data here, not exceptions.
    /// </summary>
    public sealed class Pop3ServerTestResult
    {
        internal Pop3ServerTestResult(string server, int port, Pop3Security security)
        {
            Server = server;
            Port = port;
            Security = security;
        }

        public string Server { get; }
        public int Port { get; }

        /// <summary>The mode tried; for Auto, the one it settled on once known.</summary>
        public Pop3Security Security { get; internal set; }

        /// <summary>The address that answered (or, if none did, the first one tried).</summary>
        public string? Address { get; internal set; }

        /// <summary>Every address the name resolved to, IPv6 and IPv4.</summary>
        public string[] Addresses { get; internal set; } = Array.Empty<string>();

        /// <summary>True when no check failed (warnings allowed).</summary>
        public bool Succeeded => Checks.All(check => check.Status != Pop3CheckStatus.Fail);

        /// <summary>One line: what works, or which check failed and what to change.</summary>
        public string Verdict { get; internal set; } = string.Empty;

        /// <summary>The verdict in at most 72 characters, without the hint: what the default table shows.</summary>
        public string ShortVerdict { get; internal set; } = string.Empty;

        /// <summary>The first failed check, or the first warning when nothing failed; null when all is well.</summary>
        public Pop3Check? FirstProblem =>
            Checks.FirstOrDefault(check => check.Status == Pop3CheckStatus.Fail)
            ?? Checks.FirstOrDefault(check => check.Status == Pop3CheckStatus.Warning);

        public double? ResolveMs { get; internal set; }
        public double? ConnectMs { get; internal set; }
        public double? TlsMs { get; internal set; }
        public double? GreetingMs { get; internal set; }
        public double? LoginMs { get; internal set; }

        public string? TlsProtocol { get; internal set; }
        public string? CipherSuite { get; internal set; }
        public X509Certificate2? Certificate { get; internal set; }
        public string? CertificateSubject { get; internal set; }
        public string? CertificateIssuer { get; internal set; }
        /// <summary>DNS names and IP addresses the certificate is valid for (SANs, else the CN).</summary>
        public string[] CertificateNames { get; internal set; } = Array.Empty<string>();
        /// <summary>SHA-256, upper-case hex: what -CertificateThumbprint pins.</summary>
        public string? CertificateThumbprint { get; internal set; }
        public DateTime? CertificateNotBefore { get; internal set; }
        public DateTime? CertificateNotAfter { get; internal set; }
        public int? CertificateDaysLeft { get; internal set; }
        /// <summary>The operating system's verdict (chain, name, dates), whatever -SkipCertificateCheck or a pin decided.</summary>
        public bool? CertificateValid { get; internal set; }
        public string[] CertificateErrors { get; internal set; } = Array.Empty<string>();
        /// <summary>Subjects from the server certificate up to the root the OS built.</summary>
        public string[] CertificateChain { get; internal set; } = Array.Empty<string>();

        public string? Greeting { get; internal set; }
        public bool ApopAvailable { get; internal set; }
        /// <summary>CAPA as the client finally saw it (after STLS when it was used).</summary>
        public string[] Capabilities { get; internal set; } = Array.Empty<string>();
        /// <summary>CAPA before STLS, when STLS was used.</summary>
        public string[] CapabilitiesBeforeStartTls { get; internal set; } = Array.Empty<string>();
        /// <summary>Every login method offered: SASL mechanisms, APOP, USER.</summary>
        public string[] AuthenticationMethods { get; internal set; } = Array.Empty<string>();
        public bool StartTlsAvailable { get; internal set; }
        public string? Implementation { get; internal set; }

        public bool LoginTested { get; internal set; }
        public bool? LoginSucceeded { get; internal set; }
        /// <summary>The mechanism the login used or tried, e.g. SCRAM-SHA-256.</summary>
        public string? LoginMethod { get; internal set; }
        public int? MessageCount { get; internal set; }
        public long? MailboxSize { get; internal set; }

        public Pop3Check[] Checks { get; internal set; } = Array.Empty<Pop3Check>();

        public override string ToString() => Server + ":" + Port + " " + Security + " - " + Verdict;
    }
}
