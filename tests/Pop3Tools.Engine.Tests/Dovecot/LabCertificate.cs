using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Pop3Tools.Engine.Tests.Dovecot;

/// <summary>A fresh self-signed server certificate for localhost, as PEM files Dovecot can read.</summary>
internal sealed class LabCertificate
{
    private LabCertificate(string certificatePem, string privateKeyPem, string sha256Thumbprint)
    {
        CertificatePem = certificatePem;
        PrivateKeyPem = privateKeyPem;
        Sha256Thumbprint = sha256Thumbprint;
    }

    public string CertificatePem { get; }
    public string PrivateKeyPem { get; }

    /// <summary>Upper-case hex, no separators.</summary>
    public string Sha256Thumbprint { get; }

    public static LabCertificate Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);

        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));

        var now = DateTimeOffset.UtcNow;
        using X509Certificate2 certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        return new LabCertificate(
            certificate.ExportCertificatePem(),
            key.ExportPkcs8PrivateKeyPem(),
            certificate.GetCertHashString(HashAlgorithmName.SHA256));
    }
}
