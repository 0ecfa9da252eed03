using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Pop3Tools.Engine.Tests.Dovecot;

/// <summary>
/// An extra implicit-TLS listener of a lab with a certificate of its own (expired, wrong
/// name...). Dovecot picks a certificate by the local address a client reached, so each
/// extra listener gets its own loopback address (127.0.0.2, 127.0.0.3, ...).
/// </summary>
public sealed class LabTlsListener
{
    /// <param name="name">A short label, letters and digits: names the listener and its files.</param>
    /// <param name="certificate">The server certificate with its RSA or ECDSA private key.</param>
    public LabTlsListener(string name, X509Certificate2 certificate)
    {
        if (string.IsNullOrEmpty(name) || !name.All(char.IsAsciiLetterOrDigit)) throw new ArgumentException("Use letters and digits only.", nameof(name));
        Name = name;
        CertificatePem = certificate.ExportCertificatePem();
        AsymmetricAlgorithm key = (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey() ?? certificate.GetECDsaPrivateKey()
            ?? throw new ArgumentException("The certificate has no private key.", nameof(certificate));
        PrivateKeyPem = key.ExportPkcs8PrivateKeyPem();
        Sha256Thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }

    public string Name { get; }

    /// <summary>The loopback address this listener alone answers on.</summary>
    public string Host { get; private set; } = "";

    public int Port { get; private set; }

    /// <summary>Upper-case hex, no separators.</summary>
    public string Sha256Thumbprint { get; }

    internal string CertificatePem { get; }
    internal string PrivateKeyPem { get; }

    internal string CertificateFile => "tls-" + Name + "-cert.pem";
    internal string KeyFile => "tls-" + Name + "-key.pem";

    /// <summary>Places the listener on its address with a port free there.</summary>
    internal void Place(int index)
    {
        Host = "127.0.0." + (2 + index);
        var probe = new TcpListener(IPAddress.Parse(Host), 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }
}
