using System.Net;
using Pop3Tools.Engine.Protocol;

namespace Pop3Tools.Engine.Tests.Dovecot;

/// <summary>Every login method against a real server, over implicit TLS and STLS, with the right and a wrong password.</summary>
public sealed class DovecotAuthenticationTests
{
    private static DovecotLab Lab => DovecotLab.Shared;

    private static readonly (Pop3AuthenticationMethod Method, string Name)[] Methods =
    {
        (Pop3AuthenticationMethod.UserPass, "USER"),
        (Pop3AuthenticationMethod.Apop, "APOP"),
        (Pop3AuthenticationMethod.Plain, "PLAIN"),
        (Pop3AuthenticationMethod.Login, "LOGIN"),
        (Pop3AuthenticationMethod.CramMd5, "CRAM-MD5"),
        (Pop3AuthenticationMethod.ScramSha1, "SCRAM-SHA-1"),
        (Pop3AuthenticationMethod.ScramSha256, "SCRAM-SHA-256"),
    };

    public static TheoryData<Pop3AuthenticationMethod, Pop3Security> MethodsBySecurity()
    {
        var data = new TheoryData<Pop3AuthenticationMethod, Pop3Security>();
        foreach (var (method, _) in Methods)
        {
            data.Add(method, Pop3Security.Tls);
            data.Add(method, Pop3Security.StartTls);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MethodsBySecurity))]
    public void The_right_password_logs_in_to_the_right_mailbox(Pop3AuthenticationMethod method, Pop3Security security)
    {
        using var client = LabClient.Connect(Lab, security);

        client.Authenticate(new NetworkCredential(DovecotLab.AliceUser, DovecotLab.AlicePassword), method, CancellationToken.None);

        Assert.True(client.IsAuthenticated);
        Assert.Equal(security, client.Security);
        Assert.Equal(Methods.Single(m => m.Method == method).Name, client.AuthenticationMethod);
        Assert.Equal(DovecotLab.AliceMessages.Count, client.Stat(CancellationToken.None).Count);
        client.Quit(CancellationToken.None);
    }

    [Theory]
    [MemberData(nameof(MethodsBySecurity))]
    public void A_wrong_password_fails_with_the_servers_auth_response_code(Pop3AuthenticationMethod method, Pop3Security security)
    {
        using var client = LabClient.Connect(Lab, security);

        var error = Assert.Throws<Pop3Exception>(() =>
            client.Authenticate(new NetworkCredential(DovecotLab.AliceUser, "not-" + DovecotLab.AlicePassword), method, CancellationToken.None));

        Assert.Equal(Pop3ErrorKind.AuthenticationFailed, error.Kind);
        // Dovecot answers every rejected login "-ERR [AUTH] Authentication failed.": the code
        // shows the server refused the password, not the client that refused to try.
        Assert.Equal("AUTH", error.ResponseCode);
        Assert.False(client.IsAuthenticated);
    }
}
