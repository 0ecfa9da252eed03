using Pop3Tools.Engine.Diagnostics;
using Pop3Tools.Engine.Tests.Dovecot;
using static Pop3Tools.Engine.Tests.Diagnostics.Probe;

namespace Pop3Tools.Engine.Tests.Diagnostics;

/// <summary>The probe against the lab Dovecot: the right settings pass, each classic mistake fails at its check with its hint.</summary>
public sealed class DovecotProbeTests
{
    private static DovecotLab Lab => DovecotLab.Shared;

    private static void Alice(Pop3ProbeRequest request)
    {
        request.CertificateThumbprint = Lab.CertificateSha256Thumbprint;
        request.Credential = Credential(DovecotLab.AliceUser, DovecotLab.AlicePassword);
    }

    [Theory]
    [InlineData(Pop3Security.Tls)]
    [InlineData(Pop3Security.StartTls)]
    public void The_right_settings_pass_on_both_ports_with_a_real_login_and_STAT(Pop3Security security)
    {
        var port = security == Pop3Security.Tls ? Lab.TlsPort : Lab.PlainPort;

        var result = Once(Lab.Host, port, security, Alice);

        Assert.True(result.Succeeded, result.Verdict);
        Assert.DoesNotContain(result.Checks, check => check.Status == Pop3CheckStatus.Fail || check.Status == Pop3CheckStatus.Warning);
        Assert.StartsWith("Works: " + security, result.Verdict);
        Probe.ShortVerdictFits(result);
        Assert.StartsWith("Works: " + security, result.ShortVerdict);
        Assert.Equal(security, result.Security);
        Assert.Equal("127.0.0.1", result.Address);
        Assert.StartsWith("Tls1", result.TlsProtocol);
        Assert.Equal(Lab.CertificateSha256Thumbprint, result.CertificateThumbprint);
        Assert.Contains("localhost", result.CertificateNames);
        Assert.False(result.CertificateValid);
        Assert.StartsWith("+OK", result.Greeting);
        Assert.True(result.ApopAvailable);
        Assert.Contains("SCRAM-SHA-256", result.AuthenticationMethods);
        Assert.Contains("USER", result.AuthenticationMethods);
        Assert.True(result.LoginTested);
        Assert.True(result.LoginSucceeded);
        Assert.Equal("SCRAM-SHA-256", result.LoginMethod);
        Assert.Equal(DovecotLab.AliceMessages.Count, result.MessageCount);
        Assert.NotNull(result.ConnectMs);
        Assert.NotNull(result.TlsMs);
        Assert.NotNull(result.GreetingMs);
        Assert.Equal(security == Pop3Security.StartTls, result.CapabilitiesBeforeStartTls.Length > 0);
        // The pin is what made an untrusted certificate acceptable, and the check says so.
        Assert.Contains("pinned", Check(result, Pop3CheckNames.CertificateTrust).Detail);
    }

    [Fact]
    public void STLS_mode_on_the_implicit_TLS_port_fails_at_the_greeting_and_points_to_Tls()
    {
        var result = Once(Lab.Host, Lab.TlsPort, Pop3Security.StartTls, request => request.Timeout = TimeSpan.FromSeconds(3));

        FailsAt(result, Pop3CheckNames.Greeting, "-Security Tls");
    }

    [Fact]
    public void TLS_on_the_plain_port_fails_at_the_handshake_and_points_to_StartTls()
    {
        var result = Once(Lab.Host, Lab.PlainPort, Pop3Security.Tls);

        var check = FailsAt(result, Pop3CheckNames.Tls, "-Security StartTls");
        Assert.Contains("plain text", check.Detail);
    }

    [Fact]
    public void A_closed_port_is_refused_at_once_and_the_hint_names_the_POP3_ports()
    {
        var closed = ClosedPort();

        var result = Once(Lab.Host, closed, Pop3Security.Tls);

        var check = FailsAt(result, Pop3CheckNames.TcpConnect, "995 for TLS, 110 for STLS");
        Assert.Contains("refused", check.Detail);
        Assert.Equal(Pop3CheckStatus.Pass, Check(result, Pop3CheckNames.NameResolution).Status);
        Assert.Equal(Pop3CheckStatus.Skipped, Check(result, Pop3CheckNames.Greeting).Status);
    }

    [Fact]
    public void An_unresolvable_name_fails_at_name_resolution()
    {
        var result = Once("no-such-pop3-server.invalid", 995, Pop3Security.Tls);

        FailsAt(result, Pop3CheckNames.NameResolution, "Check the spelling of no-such-pop3-server.invalid");
        Assert.Empty(result.Addresses);
        Assert.Equal(Pop3CheckStatus.Skipped, Check(result, Pop3CheckNames.TcpConnect).Status);
    }

    [Theory]
    [InlineData(Pop3Security.Tls)]
    [InlineData(Pop3Security.StartTls)]
    public void The_self_signed_certificate_fails_by_default_and_no_password_is_sent(Pop3Security security)
    {
        var port = security == Pop3Security.Tls ? Lab.TlsPort : Lab.PlainPort;

        var result = Once(Lab.Host, port, security, request => request.Credential = Credential(DovecotLab.AliceUser, DovecotLab.AlicePassword));

        var trust = FailsAt(result, Pop3CheckNames.CertificateTrust, "-CertificateThumbprint " + Lab.CertificateSha256Thumbprint);
        Assert.Contains("self-signed", trust.Detail);
        // The rest of the dialogue is still diagnosed, but the credential stays home.
        Assert.Equal(Pop3CheckStatus.Pass, Check(result, Pop3CheckNames.Greeting).Status);
        Expect(result, Pop3CheckNames.Login, Pop3CheckStatus.Skipped, "-CertificateThumbprint");
        Assert.False(result.LoginTested);
    }

    [Fact]
    public void The_self_signed_certificate_passes_with_SkipCertificateCheck_as_a_warning()
    {
        var result = Once(Lab.Host, Lab.TlsPort, Pop3Security.Tls, request =>
        {
            request.SkipCertificateCheck = true;
            request.Credential = Credential(DovecotLab.AliceUser, DovecotLab.AlicePassword);
        });

        Assert.True(result.Succeeded, result.Verdict);
        Expect(result, Pop3CheckNames.CertificateTrust, Pop3CheckStatus.Warning, "-CertificateThumbprint " + Lab.CertificateSha256Thumbprint);
        Expect(result, Pop3CheckNames.Login, Pop3CheckStatus.Pass);
    }

    [Fact]
    public void A_wrong_password_fails_at_the_login_with_the_AUTH_hint()
    {
        var result = Once(Lab.Host, Lab.TlsPort, Pop3Security.Tls, request =>
        {
            Alice(request);
            request.Credential = Credential(DovecotLab.AliceUser, "not-" + DovecotLab.AlicePassword);
        });

        var login = FailsAt(result, Pop3CheckNames.Login, "Check the user name");
        Assert.Contains("[AUTH]", login.Hint);
        Assert.False(result.LoginSucceeded);
        Expect(result, Pop3CheckNames.Mailbox, Pop3CheckStatus.Skipped);
    }

    [Fact]
    public void Without_TLS_no_credential_is_sent_unless_allowed_and_the_check_says_how_to_test_anyway()
    {
        var refused = Once(Lab.Host, Lab.PlainPort, Pop3Security.None, Alice);
        var allowed = Once(Lab.Host, Lab.PlainPort, Pop3Security.None, request =>
        {
            Alice(request);
            request.AllowInsecureAuthentication = true;
        });

        Expect(refused, Pop3CheckNames.Login, Pop3CheckStatus.Skipped, "-AllowInsecureAuthentication");
        Assert.False(refused.LoginTested);
        Expect(refused, Pop3CheckNames.StartTls, Pop3CheckStatus.Warning, "-Security StartTls");
        Assert.True(refused.Succeeded, refused.Verdict);
        Expect(allowed, Pop3CheckNames.Login, Pop3CheckStatus.Pass);
        Assert.Equal(DovecotLab.AliceMessages.Count, allowed.MessageCount);
    }

    [Fact]
    public void The_probe_leaves_the_mailbox_as_it_was()
    {
        var before = Lab.MaildirMessageCount(DovecotLab.AliceUser);

        var result = Once(Lab.Host, Lab.TlsPort, Pop3Security.Tls, Alice);

        Assert.True(result.LoginSucceeded, result.Verdict);
        Assert.Equal(before, result.MessageCount);
        Assert.Equal(before, Lab.MaildirMessageCount(DovecotLab.AliceUser));
    }

    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
