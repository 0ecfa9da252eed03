using System.Security.Cryptography;
using Pop3Tools.Engine.Protocol;
using Pop3Tools.Engine.Tests.Scripted;
using static Pop3Tools.Engine.Tests.Protocol.ClientHelpers;

namespace Pop3Tools.Engine.Tests.Protocol;

public class TlsTests
{
    private static readonly ScriptedServerOptions ImplicitTls = new() { ImplicitTls = true };

    private static void GreetAndQuit(ScriptedConnection c)
    {
        c.SendLine("+OK secure hello");
        c.ExpectCapa("USER", "SASL PLAIN");
        c.Expect("QUIT");
        c.SendLine("+OK");
    }

    [Fact]
    public void A_self_signed_certificate_is_rejected_by_default()
    {
        using var server = ScriptedPop3Server.Start(GreetAndQuit, ImplicitTls);
        var error = Fails(() => Pop3Client.Connect(server.ClientOptions(Pop3Security.Tls), TestToken()));
        Assert.Equal(Pop3ErrorKind.CertificateInvalid, error.Kind);
        // The chain status says why (an untrusted root), not just "invalid".
        Assert.Contains("UntrustedRoot", error.Message);
    }

    [Fact]
    public void SkipCertificateCheck_accepts_it_and_reports_what_was_negotiated()
    {
        using var server = ScriptedPop3Server.Start(GreetAndQuit, ImplicitTls);
        var options = server.ClientOptions(Pop3Security.Tls);
        options.SkipCertificateCheck = true;
        using var client = Pop3Client.Connect(options, TestToken());
        Assert.Equal(Pop3Security.Tls, client.Security);
        Assert.NotNull(client.Tls);
        Assert.StartsWith("Tls1", client.Tls!.Protocol);
        Assert.StartsWith("TLS_", client.Tls.CipherSuite);
        Assert.Equal(TestCertificates.Localhost.Thumbprint, client.Tls.Certificate!.Thumbprint);
        Assert.Equal("secure hello", client.Greeting);
        client.Quit(TestToken());
        server.AssertScriptsSucceeded();
    }

    public static IEnumerable<object[]> MatchingThumbprints()
    {
        var raw = TestCertificates.Localhost.RawData;
        var sha256 = Convert.ToHexString(SHA256.HashData(raw));
        // Pasted forms: lower case with colons, upper case with spaces, and SHA-1.
        yield return new object[] { string.Join(":", Enumerable.Range(0, sha256.Length / 2).Select(i => sha256.Substring(i * 2, 2))).ToLowerInvariant() };
        yield return new object[] { string.Join(" ", Enumerable.Range(0, sha256.Length / 4).Select(i => sha256.Substring(i * 4, 4))) };
        yield return new object[] { Convert.ToHexString(SHA1.HashData(raw)) };
    }

    [Theory]
    [MemberData(nameof(MatchingThumbprints))]
    public void A_pinned_thumbprint_that_matches_is_trusted(string thumbprint)
    {
        using var server = ScriptedPop3Server.Start(GreetAndQuit, ImplicitTls);
        var options = server.ClientOptions(Pop3Security.Tls);
        options.CertificateThumbprint = thumbprint;
        using var client = Pop3Client.Connect(options, TestToken());
        Assert.Equal(Pop3Security.Tls, client.Security);
        client.Quit(TestToken());
        server.AssertScriptsSucceeded();
    }

    [Fact]
    public void A_pinned_thumbprint_that_differs_is_rejected_even_with_SkipCertificateCheck()
    {
        using var server = ScriptedPop3Server.Start(GreetAndQuit, ImplicitTls);
        var options = server.ClientOptions(Pop3Security.Tls);
        options.SkipCertificateCheck = true;
        options.CertificateThumbprint = Convert.ToHexString(SHA256.HashData(TestCertificates.Create("other").RawData));
        var error = Fails(() => Pop3Client.Connect(options, TestToken()));
        Assert.Equal(Pop3ErrorKind.CertificateInvalid, error.Kind);
        Assert.Contains("does not match", error.Message);
    }

    [Fact]
    public void A_malformed_thumbprint_is_refused_before_connecting()
    {
        var options = new Pop3ConnectionOptions("127.0.0.1") { Port = 1, CertificateThumbprint = "not-a-hash" };
        Assert.Equal(Pop3ErrorKind.CertificateInvalid, Fails(() => Pop3Client.Connect(options, TestToken())).Kind);
    }

    [Fact]
    public void Tls_against_a_plain_server_names_the_mix_up()
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.SendLine("+OK plain hello");
            c.WaitForClientClose();
        });
        var error = Fails(() => Pop3Client.Connect(server.ClientOptions(Pop3Security.Tls), TestToken()));
        Assert.Equal(Pop3ErrorKind.TlsHandshakeFailed, error.Kind);
        Assert.Equal("Port " + server.Port + " speaks plain POP3; use -Security StartTls or None.", error.Hint);
    }

    [Fact]
    public void Auto_upgrades_with_STLS_and_discards_plaintext_injected_after_the_STLS_reply()
    {
        var log = new RecordingLog();
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.SendLine("+OK hello");
            c.ExpectCapa("STLS", "USER");
            c.Expect("STLS");
            // The injected reply arrives with the +OK; read inside the tunnel it would answer CAPA.
            c.Send("+OK Begin TLS\r\n+OK injected\r\nINJECTED-CAPABILITY\r\n.\r\n");
            c.StartTls();
            c.ExpectCapa("USER", "SASL PLAIN");
            c.Expect("QUIT");
            c.SendLine("+OK");
        });
        var options = server.ClientOptions(Pop3Security.Auto);
        options.SkipCertificateCheck = true;
        options.Log = log;
        using var client = Pop3Client.Connect(options, TestToken());
        Assert.Equal(Pop3Security.StartTls, client.Security);
        Assert.False(client.Capabilities.Has("INJECTED-CAPABILITY"));
        Assert.False(client.Capabilities.Stls);
        Assert.Equal(new[] { "PLAIN" }, client.Capabilities.SaslMechanisms);
        Assert.Contains(log.Lines, l => l.StartsWith("STEP Discarded", StringComparison.Ordinal));
        client.Quit(TestToken());
        server.AssertScriptsSucceeded();
    }

    [Fact]
    public void A_failed_STLS_handshake_is_a_handshake_failure()
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.SendLine("+OK hello");
            c.ExpectCapa("STLS");
            c.Expect("STLS");
            c.SendLine("+OK Begin TLS");
            c.SendBytes(new byte[] { 0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28 });
            c.Close();
        });
        var options = server.ClientOptions(Pop3Security.StartTls);
        var error = Fails(() => Pop3Client.Connect(options, TestToken()));
        Assert.Equal(Pop3ErrorKind.TlsHandshakeFailed, error.Kind);
        Assert.Contains("STLS", error.Hint);
    }

    [Fact]
    public void StartTls_without_STLS_on_offer_fails()
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.SendLine("+OK hello");
            c.ExpectCapa("USER");
            c.WaitForClientClose();
        });
        var error = Fails(() => Pop3Client.Connect(server.ClientOptions(Pop3Security.StartTls), TestToken()));
        Assert.Equal(Pop3ErrorKind.StartTlsUnavailable, error.Kind);
    }

    [Fact]
    public void STLS_refused_by_the_server_fails()
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.SendLine("+OK hello");
            c.ExpectCapa("STLS");
            c.Expect("STLS");
            c.SendLine("-ERR [SYS/TEMP] TLS not available now");
            c.WaitForClientClose();
        });
        var error = Fails(() => Pop3Client.Connect(server.ClientOptions(Pop3Security.StartTls), TestToken()));
        Assert.Equal(Pop3ErrorKind.StartTlsUnavailable, error.Kind);
        Assert.Equal("TLS not available now", error.ServerText);
    }

    [Fact]
    public void The_host_name_is_resolved_and_each_address_tried_in_turn()
    {
        // "localhost" resolves to ::1 and 127.0.0.1; the server listens on IPv4 only, so where
        // ::1 comes first its refusal must not end the attempt. The pinned thumbprint stands in for the
        // chain and name checks, which the self-signed test certificate cannot pass.
        using var server = ScriptedPop3Server.Start(GreetAndQuit, ImplicitTls);
        var options = new Pop3ConnectionOptions("localhost")
        {
            Port = server.Port,
            Security = Pop3Security.Tls,
            CertificateThumbprint = TestCertificates.Localhost.GetCertHashString(HashAlgorithmName.SHA256),
            Timeout = TimeSpan.FromSeconds(5),
        };
        using var client = Pop3Client.Connect(options, TestToken());
        Assert.Equal("secure hello", client.Greeting);
        client.Quit(TestToken());
        server.AssertScriptsSucceeded();
    }
}
