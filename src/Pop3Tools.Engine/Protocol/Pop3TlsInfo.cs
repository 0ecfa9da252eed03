using System.Security.Cryptography.X509Certificates;

namespace Pop3Tools.Engine.Protocol
{
    /// <summary>What the TLS handshake negotiated.</summary>
    public sealed class Pop3TlsInfo
    {
        public Pop3TlsInfo(string protocol, string cipherSuite, X509Certificate2? certificate)
        {
            Protocol = protocol;
            CipherSuite = cipherSuite;
            Certificate = certificate;
        }

        /// <summary>e.g. "Tls13".</summary>
        public string Protocol { get; }

        /// <summary>e.g. "TLS_AES_256_GCM_SHA384" where the runtime exposes it, else a description.</summary>
        public string CipherSuite { get; }

        public X509Certificate2? Certificate { get; }
    }
}
