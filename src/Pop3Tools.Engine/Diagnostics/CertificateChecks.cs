using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Pop3Tools.Engine.Protocol;

namespace Pop3Tools.Engine.Diagnostics
{
    /// <summary>
    /// Trust, name and dates of the server certificate. The operating system's verdict decides;
    /// a pinned thumbprint or -SkipCertificateCheck turns its objections into warnings, since
    /// the user chose to accept them.
    /// </summary>
    internal sealed class CertificateChecks
    {
        /// <summary>How soon an expiry date earns a warning.</summary>
        internal const int ExpiryWarningDays = 14;

        private readonly Pop3ProbeRequest request;
        private readonly ObservedCertificate observed;
        private readonly string? rejection;
        private readonly X509Certificate2 certificate;
        private readonly string thumbprint;

        public CertificateChecks(Pop3ProbeRequest request, ObservedCertificate observed, string? rejection)
        {
            this.request = request;
            this.observed = observed;
            this.rejection = rejection;
            certificate = observed.Certificate;
            thumbprint = BitConverter.ToString(Sha256(certificate.RawData)).Replace("-", string.Empty);
        }

        /// <summary>The user accepted what the OS objects to: pinned (and matching) or checks skipped.</summary>
        private bool Overridden => rejection == null && (request.CertificateThumbprint != null || request.SkipCertificateCheck);

        private string Accepted => request.CertificateThumbprint != null ? "accepted because the thumbprint is pinned" : "accepted because of -SkipCertificateCheck";

        private Pop3CheckStatus Objection => Overridden ? Pop3CheckStatus.Warning : Pop3CheckStatus.Fail;

        public IEnumerable<Pop3Check> Build()
        {
            yield return Trust();
            yield return Name();
            yield return Validity();
        }

        /// <summary>The OS's objections in words, for CertificateErrors.</summary>
        public static IEnumerable<string> Problems(ObservedCertificate observed)
        {
            if ((observed.PolicyErrors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0) yield return "RemoteCertificateNameMismatch";
            foreach (var error in observed.ChainErrors) yield return error;
            if ((observed.PolicyErrors & SslPolicyErrors.RemoteCertificateChainErrors) != 0 && observed.ChainErrors.Count == 0)
            {
                yield return "RemoteCertificateChainErrors";
            }
        }

        private Pop3Check Trust()
        {
            const string name = Pop3CheckNames.CertificateTrust;
            var pinned = request.CertificateThumbprint != null;
            if (pinned && rejection != null)
            {
                return new Pop3Check(name, Pop3CheckStatus.Fail, "The certificate (SHA-256 " + thumbprint + ") does not match the pinned thumbprint.",
                    "The server's certificate changed or the pin is wrong: pin " + thumbprint + " only once you have checked it belongs to the server.");
            }
            var chainOk = (observed.PolicyErrors & SslPolicyErrors.RemoteCertificateChainErrors) == 0;
            if (chainOk)
            {
                var chain = observed.ChainSubjects.Count > 0 ? string.Join(" > ", observed.ChainSubjects) : certificate.Subject;
                return new Pop3Check(name, Pop3CheckStatus.Pass, "Trusted: " + chain + (pinned ? "; the pinned thumbprint matches." : "."));
            }
            var (problem, remedy) = ChainProblem();
            if (pinned) return new Pop3Check(name, Pop3CheckStatus.Pass, "The pinned thumbprint matches (the OS alone would refuse it: " + problem + ").");
            var overrideHint = "To trust this certificate deliberately: -CertificateThumbprint " + thumbprint + "; for a test server only: -SkipCertificateCheck.";
            if (Overridden)
            {
                return new Pop3Check(name, Pop3CheckStatus.Warning, "Not verified (-SkipCertificateCheck); the OS would refuse it: " + problem + ".",
                    remedy + " " + overrideHint);
            }
            return new Pop3Check(name, Pop3CheckStatus.Fail, "Not trusted: " + problem + ".", remedy + " " + overrideHint);
        }

        private (string Problem, string Remedy) ChainProblem()
        {
            var flags = observed.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, flag) => all | flag);
            // Enumerable, not the span overload System.Memory would bind to: the engine references netstandard and MimeKit only.
            var selfSigned = Enumerable.SequenceEqual(certificate.SubjectName.RawData, certificate.IssuerName.RawData);
            if (selfSigned)
            {
                return ("the certificate is self-signed (" + certificate.Subject + "), so no client trusts it",
                    "Install a certificate from a public CA (e.g. Let's Encrypt) on the server.");
            }
            if ((flags & X509ChainStatusFlags.PartialChain) != 0)
            {
                return ("the chain to a trusted root is incomplete (issuer " + certificate.Issuer + ")",
                    "Configure the server to send its intermediate certificates with its own (the full chain file).");
            }
            if ((flags & X509ChainStatusFlags.Revoked) != 0)
            {
                return ("the certificate is revoked", "Replace the server certificate.");
            }
            if ((flags & X509ChainStatusFlags.UntrustedRoot) != 0)
            {
                return ("it is issued by " + certificate.Issuer + ", whose root this machine does not trust",
                    "Use a certificate from a public CA, or install the issuing (company) root CA on the clients.");
            }
            var errors = observed.ChainErrors.Count > 0 ? string.Join("; ", observed.ChainErrors) : "the chain is not trusted";
            return (errors, "Have the server certificate reissued by a CA the clients trust.");
        }

        private Pop3Check Name()
        {
            const string name = Pop3CheckNames.CertificateName;
            var names = CertificateNames.Of(certificate);
            var host = request.Server;
            var mismatch = (observed.PolicyErrors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0;
            if (!mismatch)
            {
                var matchedBy = names.FirstOrDefault(candidate => CertificateNames.Matches(host, candidate));
                return new Pop3Check(name, Pop3CheckStatus.Pass,
                    host + " matches the certificate" + (matchedBy != null ? " (by " + matchedBy + ")" : string.Empty) + "; it names " + CertificateNames.Join(names) + ".");
            }
            var dnsNames = names.Where(candidate => !CertificateNames.IsIpAddress(candidate) && !candidate.StartsWith("*", StringComparison.Ordinal)).ToList();
            var should = dnsNames.Count > 0 ? dnsNames[0] : names.FirstOrDefault();
            var detail = "The certificate is for " + CertificateNames.Join(names) + ", not for " + host + ".";
            var hint = should != null
                ? "Connect with -Server " + should + " (the name the certificate was issued for"
                    + (CertificateNames.IsIpAddress(host) ? ", rather than an IP address" : string.Empty)
                    + "), or have the certificate reissued to include " + host + "."
                : "Have the certificate reissued to include " + host + ".";
            if (Overridden) return new Pop3Check(name, Pop3CheckStatus.Warning, detail + " (" + Accepted + ")", hint);
            return new Pop3Check(name, Pop3CheckStatus.Fail, detail, hint);
        }

        private Pop3Check Validity()
        {
            const string name = Pop3CheckNames.CertificateValidity;
            var now = DateTime.UtcNow;
            var notBefore = certificate.NotBefore.ToUniversalTime();
            var notAfter = certificate.NotAfter.ToUniversalTime();
            var daysLeft = (int)Math.Floor((notAfter - now).TotalDays);
            var overridden = Overridden ? " (" + Accepted + ")" : string.Empty;
            if (now < notBefore)
            {
                return new Pop3Check(name, Objection, "Not valid yet: valid from " + Date(notBefore) + " to " + Date(notAfter) + "." + overridden,
                    "The certificate's start date is in the future: check the server's certificate and the clocks of server and client.");
            }
            if (now > notAfter)
            {
                return new Pop3Check(name, Objection, "Expired on " + Date(notAfter) + " (" + CertificateNames.Days(-daysLeft) + " ago)." + overridden,
                    "Renew the server certificate (and reload the POP3 service); check this machine's clock if the date looks wrong.");
            }
            if (daysLeft < ExpiryWarningDays)
            {
                return new Pop3Check(name, Pop3CheckStatus.Warning, "Expires on " + Date(notAfter) + ", in " + CertificateNames.Days(daysLeft) + ".",
                    "Renew the server certificate before " + Date(notAfter) + ".");
            }
            return new Pop3Check(name, Pop3CheckStatus.Pass, "Valid until " + Date(notAfter) + " (" + CertificateNames.Days(daysLeft) + " left).");
        }

        private static string Date(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

        private static byte[] Sha256(byte[] data)
        {
            using (var sha = System.Security.Cryptography.SHA256.Create()) return sha.ComputeHash(data);
        }
    }
}
