using System.Net;
using System.Security.Cryptography.X509Certificates;
using Pop3Tools.Engine.Protocol;
using Pop3Tools.Engine.Tests.Scripted;
using static Pop3Tools.Engine.Tests.Protocol.ClientHelpers;

namespace Pop3Tools.Engine.Tests.Protocol;

/// <summary>
/// By default every kind of bad certificate fails with CertificateInvalid saying why, over
/// implicit TLS and STLS alike, before the login: the server never receives a credential.
/// </summary>
public class TlsPolicyTests
{
    public static IEnumerable<object[]> BadCertificates =>
        from kind in new[] { "self-signed", "expired", "not yet valid", "wrong name", "untrusted chain" }
        from security in new[] { Pop3Security.Tls, Pop3Security.StartTls }
        select new object[] { kind, security };

    private static (X509Certificate2 Certificate, string Reason) Make(string kind) => kind switch
    {
        "self-signed" => (TestCertificates.Localhost, "UntrustedRoot"),
        "expired" => (TestCertificates.Create("localhost", DateTimeOffset.UtcNow.AddDays(-60), DateTimeOffset.UtcNow.AddDays(-30), true), "it expired on"),
        "not yet valid" => (TestCertificates.Create("localhost", DateTimeOffset.UtcNow.AddDays(30), DateTimeOffset.UtcNow.AddDays(60), true), "it is not valid before"),
        "wrong name" => (TestCertificates.Create("wrong.example", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), false), "the name does not match the host"),
        _ => (TestCertificates.SignedByUnknownCa(), "chain errors"),
    };

    [Theory]
    [MemberData(nameof(BadCertificates))]
    public void A_bad_certificate_fails_by_default_naming_why_before_any_credential(string kind, Pop3Security security)
    {
        var (certificate, reason) = Make(kind);
        List<string>? received = null;
        using var server = ScriptedPop3Server.Start(c =>
        {
            received = c.Received;
            if (security == Pop3Security.StartTls)
            {
                c.SendLine("+OK hello");
                c.ExpectCapa("USER", "STLS");
                c.Expect("STLS");
                c.SendLine("+OK begin TLS");
                try
                {
                    c.StartTls();
                }
                catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
                {
                    return; // the client refused the certificate, as it must
                }
            }
            c.SendLine("+OK secure hello");
            while (true) c.ReadLine();
        }, new ScriptedServerOptions { ImplicitTls = security == Pop3Security.Tls, Certificate = certificate });

        var error = Fails(() => Pop3Session.Open(server.ClientOptions(security), new NetworkCredential("alice", "Secret-Passw0rd"), Pop3AuthenticationMethod.UserPass, TestToken()));
        server.WaitForScripts();

        Assert.Equal(Pop3ErrorKind.CertificateInvalid, error.Kind);
        Assert.Contains(reason, error.Message);
        Assert.Equal(security == Pop3Security.StartTls ? new[] { "CAPA", "STLS" } : Array.Empty<string>(), received ?? new List<string>());
    }
}
