using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Pop3Tools.Engine.Tests.Scripted;

/// <summary>Self-signed server certificates made in-process, so no test depends on files or a CA.</summary>
public static class TestCertificates
{
    private static readonly Lazy<X509Certificate2> LocalhostCertificate = new(() => Create("localhost"));

    /// <summary>CN=localhost with SANs localhost, 127.0.0.1 and ::1; valid from yesterday for 30 days.</summary>
    public static X509Certificate2 Localhost => LocalhostCertificate.Value;

    public static X509Certificate2 Create(string name) =>
        Create(name, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), withLoopbackAddresses: true);

    /// <summary>A self-signed certificate with the given name and validity; without loopback SANs the name alone must match.</summary>
    public static X509Certificate2 Create(string name, DateTimeOffset notBefore, DateTimeOffset notAfter, bool withLoopbackAddresses)
    {
        using var key = RSA.Create(2048);
        var request = LeafRequest(name, key, withLoopbackAddresses);
        using var created = request.CreateSelfSigned(notBefore, notAfter);
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    /// <summary>A leaf for localhost/127.0.0.1 signed by a private CA nobody trusts (the CA is not sent).</summary>
    public static X509Certificate2 SignedByUnknownCa()
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=Pop3Tools Test Untrusted CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddDays(60));
        using var key = RSA.Create(2048);
        var request = LeafRequest("localhost", key, withLoopbackAddresses: true);
        var serial = new byte[8];
        RandomNumberGenerator.Fill(serial);
        using var signed = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), serial);
        using var withKey = signed.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null);
    }

    private static CertificateRequest LeafRequest(string name, RSA key, bool withLoopbackAddresses)
    {
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(name);
        if (withLoopbackAddresses)
        {
            names.AddIpAddress(IPAddress.Loopback);
            names.AddIpAddress(IPAddress.IPv6Loopback);
        }
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
        return request;
    }
}
