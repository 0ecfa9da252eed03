using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Pop3Tools.Engine.Tests.Scripted;

/// <summary>
/// Self-signed server certificates with chosen names and dates (expired, not yet valid,
/// expiring soon, for another host), made in-process like <see cref="TestCertificates"/>.
/// </summary>
public static class CustomCertificates
{
    /// <param name="dnsNames">The subjectAltName DNS names; the first is also the CN.</param>
    /// <param name="loopbackAddresses">Also name 127.0.0.1 and ::1, so a client dialling the loopback by address matches.</param>
    public static X509Certificate2 Create(DateTimeOffset notBefore, DateTimeOffset notAfter, bool loopbackAddresses, params string[] dnsNames)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=" + dnsNames[0], key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in dnsNames) names.AddDnsName(name);
        if (loopbackAddresses)
        {
            names.AddIpAddress(IPAddress.Loopback);
            names.AddIpAddress(IPAddress.IPv6Loopback);
        }
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
        using var created = request.CreateSelfSigned(notBefore, notAfter);
        // Round-trip through PFX so the private key is usable by SslStream on every OS.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null, X509KeyStorageFlags.Exportable);
    }

    /// <summary>For localhost and the loopback addresses, expired yesterday.</summary>
    public static X509Certificate2 Expired() =>
        Create(DateTimeOffset.UtcNow.AddDays(-60), DateTimeOffset.UtcNow.AddDays(-1), true, "localhost");

    /// <summary>For localhost and the loopback addresses, valid only from next month.</summary>
    public static X509Certificate2 NotYetValid() =>
        Create(DateTimeOffset.UtcNow.AddDays(30), DateTimeOffset.UtcNow.AddDays(400), true, "localhost");

    /// <summary>For localhost and the loopback addresses, expiring in <paramref name="days"/> days (plus an hour).</summary>
    public static X509Certificate2 ExpiringIn(int days) =>
        Create(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(days).AddHours(1), true, "localhost");

    /// <summary>Valid now, but only for <paramref name="dnsNames"/>: not for localhost or any address.</summary>
    public static X509Certificate2 ForOtherHost(params string[] dnsNames) =>
        Create(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(90), false, dnsNames);
}
