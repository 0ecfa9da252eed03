using System.Net;
using Pop3Tools.Engine.Protocol;

namespace Pop3Tools.Engine.Tests.Dovecot;

/// <summary>
/// XOAUTH2 and OAUTHBEARER against a real server: the lab's Dovecot checks a JWT it can verify
/// locally (DovecotLab.MintAccessToken), so a token it accepts, one that has expired and one
/// signed with another key each meet the server's real answer, error challenge included.
/// </summary>
public sealed class DovecotOAuthTests
{
    private static DovecotLab Lab => DovecotLab.Shared;

    public static TheoryData<Pop3AuthenticationMethod, string> Methods() => new()
    {
        { Pop3AuthenticationMethod.XOAuth2, "XOAUTH2" },
        { Pop3AuthenticationMethod.OAuthBearer, "OAUTHBEARER" },
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public void A_valid_token_logs_in_to_the_tokens_mailbox(Pop3AuthenticationMethod method, string name)
    {
        using var client = LabClient.Connect(Lab, Pop3Security.StartTls);

        client.Authenticate(new NetworkCredential(DovecotLab.AliceUser, Lab.MintAccessToken(DovecotLab.AliceUser, TimeSpan.FromMinutes(5))),
            method, CancellationToken.None);

        Assert.True(client.IsAuthenticated);
        Assert.Equal(name, client.AuthenticationMethod);
        Assert.Equal(DovecotLab.AliceMessages.Count, client.Stat(CancellationToken.None).Count);
        client.Quit(CancellationToken.None);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void An_expired_token_fails_as_a_refused_login(Pop3AuthenticationMethod method, string name)
    {
        var expired = Lab.MintAccessToken(DovecotLab.AliceUser, TimeSpan.FromMinutes(-5));

        AssertRefused(method, name, expired);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void A_token_signed_with_another_key_fails_as_a_refused_login(Pop3AuthenticationMethod method, string name)
    {
        var token = Lab.MintAccessToken(DovecotLab.AliceUser, TimeSpan.FromMinutes(5));
        var forged = token[..token.LastIndexOf('.')] + "." + new string('A', 43);

        AssertRefused(method, name, forged);
    }

    private static void AssertRefused(Pop3AuthenticationMethod method, string name, string token)
    {
        using var client = LabClient.Connect(Lab, Pop3Security.StartTls);

        var error = Assert.Throws<Pop3Exception>(() =>
            client.Authenticate(new NetworkCredential(DovecotLab.AliceUser, token), method, CancellationToken.None));

        Assert.Equal(Pop3ErrorKind.AuthenticationFailed, error.Kind);
        Assert.Equal("AUTH", error.ResponseCode);
        Assert.Contains(name, error.Message);
        Assert.DoesNotContain(token, error.ToString());
        // The password advice of other refusals does not fit a token.
        Assert.Contains("access token", error.Hint);
        Assert.DoesNotContain("password", error.Hint);
        Assert.False(client.IsAuthenticated);
    }
}
