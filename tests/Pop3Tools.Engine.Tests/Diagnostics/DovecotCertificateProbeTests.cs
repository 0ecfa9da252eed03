using Pop3Tools.Engine.Tests.Dovecot;
using static Pop3Tools.Engine.Tests.Diagnostics.Probe;

namespace Pop3Tools.Engine.Tests.Diagnostics;

/// <summary>Expired and wrong-name certificates, served by extra Dovecot listeners.</summary>
public sealed class DovecotCertificateProbeTests : IClassFixture<CertificateLab>
{
    private readonly CertificateLab lab;

    public DovecotCertificateProbeTests(CertificateLab lab) => this.lab = lab;

    [Fact]
    public void An_expired_certificate_fails_its_validity_check_with_a_renewal_hint()
    {
        var result = Once(lab.Expired.Host, lab.Expired.Port, Pop3Security.Tls);

        var validity = Expect(result, Pop3CheckNames.CertificateValidity, Pop3CheckStatus.Fail, "Renew the server certificate");
        Assert.Contains("Expired on", validity.Detail);
        Assert.False(result.Succeeded);
        Assert.True(result.CertificateDaysLeft < 0);
        Assert.Equal(lab.Expired.Sha256Thumbprint, result.CertificateThumbprint);
        Assert.Contains(result.CertificateErrors, error => error.Contains("NotTimeValid"));
    }

    [Fact]
    public void A_pinned_expired_certificate_is_accepted_with_a_warning_and_the_login_runs()
    {
        var result = Once(lab.Expired.Host, lab.Expired.Port, Pop3Security.Tls, request =>
        {
            request.CertificateThumbprint = lab.Expired.Sha256Thumbprint;
            request.Credential = Credential(CertificateLab.User, CertificateLab.Password);
        });

        Assert.True(result.Succeeded, result.Verdict);
        Expect(result, Pop3CheckNames.CertificateValidity, Pop3CheckStatus.Warning, "Renew the server certificate");
        Expect(result, Pop3CheckNames.Login, Pop3CheckStatus.Pass);
        Assert.Equal(2, result.MessageCount);
    }

    [Fact]
    public void A_wrong_name_certificate_fails_its_name_check_and_says_what_the_name_should_be()
    {
        var result = Once(lab.WrongName.Host, lab.WrongName.Port, Pop3Security.Tls);

        var name = Expect(result, Pop3CheckNames.CertificateName, Pop3CheckStatus.Fail, "-Server " + CertificateLab.OtherHost);
        Assert.Contains("rather than an IP address", name.Hint);
        Assert.Contains(CertificateLab.OtherHost, name.Detail);
        Assert.Equal(new[] { CertificateLab.OtherHost }, result.CertificateNames);
        Assert.Equal(Pop3CheckStatus.Pass, Check(result, Pop3CheckNames.CertificateValidity).Status);
        Assert.Contains("RemoteCertificateNameMismatch", result.CertificateErrors);
    }

    [Fact]
    public void The_lab_still_serves_its_own_certificate_on_its_usual_ports()
    {
        var result = Once(lab.Lab.Host, lab.Lab.TlsPort, Pop3Security.Tls, request => request.CertificateThumbprint = lab.Lab.CertificateSha256Thumbprint);

        Assert.True(result.Succeeded, result.Verdict);
        Assert.Equal(lab.Lab.CertificateSha256Thumbprint, result.CertificateThumbprint);
    }
}
