using System.Net;
using Pop3Tools.Engine.Protocol;

namespace Pop3Tools.Engine.Tests.Dovecot;

/// <summary>
/// The plain port without TLS. Dovecot itself would take the password here (the lab sets
/// disable_plaintext_auth = no, and Dovecot counts a loopback connection as "secured"
/// anyway), so any refusal seen is the client's own.
/// </summary>
public sealed class DovecotInsecureAuthenticationTests
{
    private static DovecotLab Lab => DovecotLab.Shared;

    [Theory]
    [InlineData(Pop3AuthenticationMethod.UserPass)]
    [InlineData(Pop3AuthenticationMethod.Plain)]
    [InlineData(Pop3AuthenticationMethod.Login)]
    [InlineData(Pop3AuthenticationMethod.Apop)]
    [InlineData(Pop3AuthenticationMethod.CramMd5)]
    [InlineData(Pop3AuthenticationMethod.ScramSha1)]
    [InlineData(Pop3AuthenticationMethod.ScramSha256)]
    [InlineData(Pop3AuthenticationMethod.Auto)]
    public void No_credential_is_sent_without_the_allowance(Pop3AuthenticationMethod method)
    {
        using var client = LabClient.Connect(Lab, Pop3Security.None);

        var error = Assert.Throws<Pop3Exception>(() =>
            client.Authenticate(new NetworkCredential(DovecotLab.AliceUser, DovecotLab.AlicePassword), method, CancellationToken.None));

        Assert.Equal(Pop3ErrorKind.InsecureAuthenticationRefused, error.Kind);
        Assert.False(client.IsAuthenticated);
        Assert.DoesNotContain(DovecotLab.AlicePassword, error.ToString());
    }

    [Theory]
    [InlineData(Pop3AuthenticationMethod.UserPass)]
    [InlineData(Pop3AuthenticationMethod.Plain)]
    [InlineData(Pop3AuthenticationMethod.Login)]
    public void A_clear_text_password_logs_in_with_the_allowance(Pop3AuthenticationMethod method)
    {
        var options = LabClient.Options(Lab, Pop3Security.None);
        options.AllowInsecureAuthentication = true;
        using var client = Pop3Client.Connect(options, CancellationToken.None);

        client.Authenticate(new NetworkCredential(DovecotLab.AliceUser, DovecotLab.AlicePassword), method, CancellationToken.None);

        Assert.Equal(Pop3Security.None, client.Security);
        Assert.Null(client.Tls);
        Assert.Equal(DovecotLab.AliceMessages.Count, client.Stat(CancellationToken.None).Count);
    }

    // With the allowance every method goes through on a plain link; Dovecot must accept them there.
    [Theory]
    [InlineData(Pop3AuthenticationMethod.Apop)]
    [InlineData(Pop3AuthenticationMethod.CramMd5)]
    [InlineData(Pop3AuthenticationMethod.ScramSha1)]
    [InlineData(Pop3AuthenticationMethod.ScramSha256)]
    public void A_digest_login_works_on_a_plain_link_with_the_allowance(Pop3AuthenticationMethod method)
    {
        var options = LabClient.Options(Lab, Pop3Security.None);
        options.AllowInsecureAuthentication = true;
        using var client = Pop3Client.Connect(options, CancellationToken.None);

        client.Authenticate(new NetworkCredential(DovecotLab.AliceUser, DovecotLab.AlicePassword), method, CancellationToken.None);

        Assert.True(client.IsAuthenticated);
        Assert.Equal(method, client.LoginMethod);
        Assert.Equal(DovecotLab.AliceMessages.Count, client.Stat(CancellationToken.None).Count);
    }
}
