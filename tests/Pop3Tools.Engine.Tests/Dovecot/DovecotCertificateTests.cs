using System.Security.Cryptography;
using Pop3Tools.Engine.Protocol;

namespace Pop3Tools.Engine.Tests.Dovecot;

/// <summary>The lab's self-signed certificate: refused by default, accepted when pinned or when checks are skipped.</summary>
public sealed class DovecotCertificateTests
{
    private static DovecotLab Lab => DovecotLab.Shared;

    [Theory]
    [InlineData(Pop3Security.Tls)]
    [InlineData(Pop3Security.StartTls)]
    public void Default_validation_rejects_the_self_signed_certificate(Pop3Security security)
    {
        var options = LabClient.Options(Lab, security);
        options.CertificateThumbprint = null;

        var error = Assert.Throws<Pop3Exception>(() => Pop3Client.Connect(options, CancellationToken.None).Dispose());

        Assert.Equal(Pop3ErrorKind.CertificateInvalid, error.Kind);
        // The thumbprint seen, so the user can pin it without openssl.
        Assert.Contains(Lab.CertificateSha256Thumbprint, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("-CertificateThumbprint " + Lab.CertificateSha256Thumbprint, error.Hint, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_pin_for_another_certificate_is_rejected()
    {
        var options = LabClient.Options(Lab, Pop3Security.Tls);
        options.CertificateThumbprint = Convert.ToHexString(SHA256.HashData("some other certificate"u8));

        var error = Assert.Throws<Pop3Exception>(() => Pop3Client.Connect(options, CancellationToken.None).Dispose());

        Assert.Equal(Pop3ErrorKind.CertificateInvalid, error.Kind);
    }

    [Theory]
    [InlineData(Pop3Security.Tls)]
    [InlineData(Pop3Security.StartTls)]
    public void Skipping_the_check_connects_and_reports_the_lab_certificate(Pop3Security security)
    {
        var options = LabClient.Options(Lab, security);
        options.CertificateThumbprint = null;
        options.SkipCertificateCheck = true;

        using var client = Pop3Client.Connect(options, CancellationToken.None);

        Assert.Equal(security, client.Security);
        Assert.NotNull(client.Tls?.Certificate);
        Assert.Equal(Lab.CertificateSha256Thumbprint, client.Tls!.Certificate!.GetCertHashString(HashAlgorithmName.SHA256));
    }
}
