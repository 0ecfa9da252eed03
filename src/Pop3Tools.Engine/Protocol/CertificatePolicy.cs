using System;
using System.Collections.Generic;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Pop3Tools.Engine.Protocol
{
    /// <summary>
    /// Decides whether to trust the server certificate: the OS verdict (chain, host name,
    /// expiry) by default; a pinned thumbprint replaces that verdict entirely (so a
    /// self-signed certificate can be trusted deliberately); or no check at all on request.
    /// </summary>
    internal sealed class CertificatePolicy
    {
        private readonly bool skipCheck;
        private readonly string? pinnedThumbprint;

        public CertificatePolicy(bool skipCheck, string? thumbprint)
        {
            this.skipCheck = skipCheck;
            pinnedThumbprint = thumbprint == null ? null : NormalizeThumbprint(thumbprint);
        }

        /// <summary>Why the certificate was refused, once it has been.</summary>
        public string? Rejection { get; private set; }

        /// <summary>The SHA-256 thumbprint of the certificate the server presented, once seen.</summary>
        public string? SeenThumbprint { get; private set; }

        public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            var raw = certificate?.GetRawCertData();
            SeenThumbprint = raw == null ? null : Thumbprint(raw, SHA256.Create());
            if (pinnedThumbprint != null)
            {
                if (raw == null) return Reject("The server sent no certificate.");
                if (pinnedThumbprint == SeenThumbprint || pinnedThumbprint == Thumbprint(raw, SHA1.Create())) return true;
                return Reject("The server certificate (SHA-256 " + SeenThumbprint + ") does not match the pinned thumbprint.");
            }
            if (skipCheck || errors == SslPolicyErrors.None) return true;
            var seen = SeenThumbprint == null ? string.Empty : " (SHA-256 " + SeenThumbprint + ")";
            return Reject("The server certificate" + seen + " is not trusted: " + Describe(errors, chain) + Dates(certificate, chain) + ".");
        }

        /// <summary>Accepts "AB:CD..", "ab cd..", any case; only SHA-1 (40) or SHA-256 (64) hex digits.</summary>
        internal static string NormalizeThumbprint(string thumbprint)
        {
            var digits = new StringBuilder(thumbprint.Length);
            foreach (var c in thumbprint)
            {
                if (c == ':' || c == ' ' || c == '-' || c == '\t') continue;
                if (!Uri.IsHexDigit(c)) throw BadThumbprint();
                digits.Append(char.ToUpperInvariant(c));
            }
            if (digits.Length != 40 && digits.Length != 64) throw BadThumbprint();
            return digits.ToString();
        }

        private static Pop3Exception BadThumbprint() =>
            new Pop3Exception(Pop3ErrorKind.CertificateInvalid,
                "The certificate thumbprint must be a SHA-256 (64 hex digits) or SHA-1 (40 hex digits) hash.");

        private bool Reject(string reason)
        {
            Rejection = reason;
            return false;
        }

        private static string Describe(SslPolicyErrors errors, X509Chain? chain)
        {
            var parts = new List<string>();
            if ((errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0) parts.Add("no certificate was sent");
            if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0) parts.Add("the name does not match the host");
            if ((errors & SslPolicyErrors.RemoteCertificateChainErrors) != 0)
            {
                var statuses = new List<string>();
                if (chain != null)
                {
                    foreach (var status in chain.ChainStatus)
                    {
                        var information = (status.StatusInformation ?? string.Empty).Trim();
                        statuses.Add(information.Length > 0 ? status.Status + " (" + information + ")" : status.Status.ToString());
                    }
                }
                parts.Add(statuses.Count > 0 ? "chain errors: " + string.Join("; ", statuses) : "the chain is not trusted");
            }
            return parts.Count > 0 ? string.Join(", ", parts) : errors.ToString();
        }

        /// <summary>
        /// The OS says only "NotTimeValid" (in its own words, which differ by platform): say which
        /// way, with the date, so the reader knows whether to renew it or fix a clock.
        /// </summary>
        private static string Dates(X509Certificate? certificate, X509Chain? chain)
        {
            if (certificate == null || chain == null) return string.Empty;
            var timeInvalid = false;
            foreach (var status in chain.ChainStatus)
            {
                if ((status.Status & X509ChainStatusFlags.NotTimeValid) != 0) timeInvalid = true;
            }
            if (!timeInvalid) return string.Empty;
            var leaf = certificate as X509Certificate2 ?? new X509Certificate2(certificate);
            var now = DateTime.UtcNow;
            if (leaf.NotAfter.ToUniversalTime() < now) return "; it expired on " + leaf.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC";
            if (leaf.NotBefore.ToUniversalTime() > now) return "; it is not valid before " + leaf.NotBefore.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC";
            return "; a certificate in its chain is outside its validity period";
        }

        private static string Thumbprint(byte[] data, HashAlgorithm algorithm)
        {
            using (algorithm)
            {
                return Hex.Upper(algorithm.ComputeHash(data));
            }
        }
    }
}
