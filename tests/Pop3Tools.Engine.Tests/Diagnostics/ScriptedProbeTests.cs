using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Pop3Tools.Engine.Diagnostics;
using Pop3Tools.Engine.Tests.Scripted;
using static Pop3Tools.Engine.Tests.Diagnostics.Probe;

namespace Pop3Tools.Engine.Tests.Diagnostics;

/// <summary>The faults Dovecot cannot be made to produce, from the scripted server.</summary>
public sealed class ScriptedProbeTests
{
    private const string Password = "Scr1pted-Secret!";

    private static void Insecurely(Pop3ProbeRequest request)
    {
        request.Credential = Credential("alice", Password);
        request.AllowInsecureAuthentication = true;
        request.Timeout = TimeSpan.FromSeconds(5);
    }

    /// <summary>Greets, offers USER, and answers PASS with <paramref name="passReply"/>.</summary>
    private static Action<ScriptedConnection> RefusePass(string passReply, params string[] capabilities) => c =>
    {
        c.SendLine("+OK ready");
        c.ExpectCapa(capabilities.Length > 0 ? capabilities : new[] { "USER", "RESP-CODES" });
        c.Expect("USER alice");
        c.SendLine("+OK");
        c.Expect("PASS " + Password);
        c.SendLine(passReply);
        c.WaitForClientClose();
    };

    [Fact]
    public void A_mailbox_in_use_fails_the_login_with_the_IN_USE_hint()
    {
        using var server = ScriptedPop3Server.Start(RefusePass("-ERR [IN-USE] Mailbox is locked by another session"));

        var result = Once(server.Host, server.Port, Pop3Security.None, Insecurely);

        var login = FailsAt(result, Pop3CheckNames.Login, "[IN-USE]");
        Assert.Contains("another session", login.Hint);
        Assert.Contains("Mailbox is locked", login.Detail);
        server.AssertScriptsSucceeded();
    }

    [Fact]
    public void A_login_delay_fails_the_login_with_the_delay_from_CAPA()
    {
        using var server = ScriptedPop3Server.Start(RefusePass("-ERR [LOGIN-DELAY] Too soon", "USER", "RESP-CODES", "LOGIN-DELAY 900"));

        var result = Once(server.Host, server.Port, Pop3Security.None, Insecurely);

        var login = FailsAt(result, Pop3CheckNames.Login, "[LOGIN-DELAY]");
        Assert.Contains("900 seconds", login.Hint);
        server.AssertScriptsSucceeded();
    }

    [Theory]
    [InlineData("-ERR [SYS/TEMP] Storage unavailable", "[SYS/TEMP]", "Try again later")]
    [InlineData("-ERR [SYS/PERM] Account disabled", "[SYS/PERM]", "retrying will not help")]
    [InlineData("-ERR [AUTH] Invalid login", "[AUTH]", "Check the user name")]
    public void Response_codes_on_the_login_each_get_their_own_hint(string reply, string code, string advice)
    {
        using var server = ScriptedPop3Server.Start(RefusePass(reply));

        var result = Once(server.Host, server.Port, Pop3Security.None, Insecurely);

        var login = FailsAt(result, Pop3CheckNames.Login, code);
        Assert.Contains(advice, login.Hint);
        server.AssertScriptsSucceeded();
    }

    [Fact]
    public void SYS_TEMP_in_the_greeting_fails_the_greeting()
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.SendLine("-ERR [SYS/TEMP] Too many connections, try later");
            c.WaitForClientClose();
        });

        var result = Once(server.Host, server.Port, Pop3Security.None, request => request.Timeout = TimeSpan.FromSeconds(5));

        FailsAt(result, Pop3CheckNames.Greeting, "[SYS/TEMP]");
        server.AssertScriptsSucceeded();
    }

    [Fact]
    public void A_password_refused_in_clear_points_to_TLS()
    {
        using var server = ScriptedPop3Server.Start(RefusePass("-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections."));

        var result = Once(server.Host, server.Port, Pop3Security.None, Insecurely);

        FailsAt(result, Pop3CheckNames.Login, "accepts passwords only over TLS");
        server.AssertScriptsSucceeded();
    }

    [Fact]
    public void No_password_mechanism_fails_the_method_check_and_no_login_is_tried()
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.SendLine("+OK ready");
            c.ExpectCapa("SASL XOAUTH2", "RESP-CODES");
            c.WaitForClientClose();
        });

        var result = Once(server.Host, server.Port, Pop3Security.None, Insecurely);

        var methods = FailsAt(result, Pop3CheckNames.AuthenticationMethods, "Enable a password mechanism");
        Assert.Contains("XOAUTH2", methods.Detail);
        Assert.False(result.LoginTested);
        server.AssertScriptsSucceeded();
    }

    [Theory]
    [InlineData("* OK [CAPABILITY IMAP4rev1 STARTTLS] Dovecot ready.", "an IMAP server")]
    [InlineData("220 mail.example.com ESMTP Postfix", "an SMTP server")]
    public void A_greeting_from_another_protocol_is_recognised(string banner, string what)
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.SendLine(banner);
            c.WaitForClientClose();
        });

        var result = Once(server.Host, server.Port, Pop3Security.None, request => request.Timeout = TimeSpan.FromSeconds(5));

        var greeting = FailsAt(result, Pop3CheckNames.Greeting, "995 (implicit TLS) or 110 (STLS)");
        Assert.Contains(what, greeting.Detail);
        Assert.Equal(banner, result.Greeting);
        server.AssertScriptsSucceeded();
    }

    [Fact]
    public void A_server_without_STLS_fails_the_StartTls_check()
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.SendLine("+OK ready");
            c.ExpectCapa("USER", "TOP", "UIDL");
            c.WaitForClientClose();
        });

        var result = Once(server.Host, server.Port, Pop3Security.StartTls, request => request.Timeout = TimeSpan.FromSeconds(5));

        FailsAt(result, Pop3CheckNames.StartTls, "-Security Tls");
        Assert.False(result.StartTlsAvailable);
        Assert.Contains("USER", result.AuthenticationMethods);
        server.AssertScriptsSucceeded();
    }

    [Fact]
    public void The_three_default_attempts_at_a_port_that_never_answers_take_about_one_timeout()
    {
        var timeout = TimeSpan.FromSeconds(4);
        using var server = ScriptedPop3Server.Start(c => c.Hang());
        var clock = Stopwatch.StartNew();

        var results = Run(server.Host, Pop3ProbeRequest.DefaultTargets(tlsPort: server.Port, plainPort: server.Port), request => request.Timeout = timeout);

        clock.Stop();
        Assert.Equal(new[] { Pop3Security.Tls, Pop3Security.StartTls, Pop3Security.None }, results.Select(r => r.Security));
        FailsAt(results[0], Pop3CheckNames.Tls, "did not answer the TLS handshake");
        FailsAt(results[1], Pop3CheckNames.Greeting, "-Security Tls");
        FailsAt(results[2], Pop3CheckNames.Greeting, "-Security Tls");
        // Each attempt waits one timeout; one after the other they would need three.
        Assert.True(clock.Elapsed < timeout * 2, $"The three attempts took {clock.Elapsed.TotalSeconds:0.0} s with a {timeout.TotalSeconds} s timeout.");
        Assert.True(clock.Elapsed >= timeout * 0.9, $"They ended after {clock.Elapsed.TotalSeconds:0.0} s, before the timeout.");
    }

    [Fact]
    public void A_port_whose_connection_attempts_are_dropped_is_reported_as_filtered()
    {
        // A listener whose accept queue is full: Linux drops further SYNs, as a firewall would.
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        var fillers = new List<Socket>();
        try
        {
            for (int i = 0; i < 4; i++)
            {
                var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                fillers.Add(filler);
                filler.Blocking = false;
                try
                {
                    filler.Connect(IPAddress.Loopback, port);
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.WouldBlock || e.SocketErrorCode == SocketError.InProgress)
                {
                    // Completes (or is dropped) in the kernel; nothing to wait for.
                }
            }
            Thread.Sleep(200);

            var result = Once("127.0.0.1", port, Pop3Security.Tls, request => request.Timeout = TimeSpan.FromSeconds(2));

            var connect = FailsAt(result, Pop3CheckNames.TcpConnect, "a closed port would be refused at once");
            Assert.Contains("filtered", connect.Detail);
        }
        finally
        {
            foreach (var filler in fillers) filler.Dispose();
            listener.Dispose();
        }
    }

    [Fact]
    public void A_certificate_expiring_within_14_days_is_a_warning()
    {
        var certificate = CustomCertificates.ExpiringIn(5);
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.SendLine("+OK ready");
            c.ExpectCapa("USER");
            c.WaitForClientClose();
        }, new ScriptedServerOptions { ImplicitTls = true, Certificate = certificate });

        var result = Once(server.Host, server.Port, Pop3Security.Tls, request => request.CertificateThumbprint = certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256));

        Assert.True(result.Succeeded, result.Verdict);
        var validity = Expect(result, Pop3CheckNames.CertificateValidity, Pop3CheckStatus.Warning, "Renew the server certificate before");
        Assert.Contains("in 5 days", validity.Detail);
        Assert.Equal(5, result.CertificateDaysLeft);
        Assert.Contains("warning CertificateValidity", result.Verdict);
        Probe.ShortVerdictFits(result);
        Assert.EndsWith("; warning CertificateValidity", result.ShortVerdict);
        server.AssertScriptsSucceeded();
    }

    [Fact]
    public void A_certificate_not_valid_yet_fails_with_a_hint_about_clocks()
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.SendLine("+OK ready");
            c.ExpectCapa("USER");
            c.WaitForClientClose();
        }, new ScriptedServerOptions { ImplicitTls = true, Certificate = CustomCertificates.NotYetValid() });

        var result = Once(server.Host, server.Port, Pop3Security.Tls);

        var validity = Expect(result, Pop3CheckNames.CertificateValidity, Pop3CheckStatus.Fail, "clocks");
        Assert.Contains("Not valid yet", validity.Detail);
        server.AssertScriptsSucceeded();
    }
}
