using System.Text;
using Pop3Tools.Engine.Protocol;
using Pop3Tools.Engine.Tests.Scripted;
using static Pop3Tools.Engine.Tests.Protocol.ClientHelpers;

namespace Pop3Tools.Engine.Tests.Protocol;

public class AuthenticationTests
{
    private const string Password = "S3cret-Passw0rd!";
    private const string Token = "ya29.a0AfH6SMBx-secret-token";

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string Unb64(string text) => Encoding.UTF8.GetString(Convert.FromBase64String(text));

    private sealed class Harness : IDisposable
    {
        public Harness(Action<ScriptedConnection> afterGreeting, string capabilities, bool allowInsecure = true, string greeting = "+OK hello")
        {
            Server = ScriptedPop3Server.Start(c =>
            {
                c.SendLine(greeting);
                c.ExpectCapa(capabilities.Split(';', StringSplitOptions.RemoveEmptyEntries));
                afterGreeting(c);
            });
            var options = Server.ClientOptions();
            options.AllowInsecureAuthentication = allowInsecure;
            options.Log = Log;
            Client = Pop3Client.Connect(options, TestToken());
        }

        public ScriptedPop3Server Server { get; }
        public Pop3Client Client { get; }
        public RecordingLog Log { get; } = new();

        public Pop3Exception Fails(Pop3AuthenticationMethod method, string secret = Password) =>
            ClientHelpers.Fails(() => Client.Authenticate(new System.Net.NetworkCredential("alice", secret), method, TestToken()));

        public void Succeeds(Pop3AuthenticationMethod method, string secret = Password) =>
            Client.Authenticate(new System.Net.NetworkCredential("alice", secret), method, TestToken());

        /// <summary>Neither the secret nor anything encoding it reached the log or the error.</summary>
        public void AssertNoSecretLeaked(string secret, Exception? error = null, params string[] payloads)
        {
            var everything = Log.All + "\n" + error;
            Assert.DoesNotContain(secret, everything);
            foreach (var payload in payloads) Assert.DoesNotContain(payload, everything);
        }

        public void Dispose()
        {
            Client.Dispose();
            Server.Dispose();
        }
    }

    private static void AfterLoginCapa(ScriptedConnection c) => c.ExpectCapa("USER", "UIDL");

    [Fact]
    public void USER_PASS_never_logs_the_password()
    {
        using var h = new Harness(c =>
        {
            c.Expect("USER alice");
            c.SendLine("+OK");
            c.Expect("PASS " + Password);
            c.SendLine("+OK");
            AfterLoginCapa(c);
        }, "USER");
        h.Succeeds(Pop3AuthenticationMethod.UserPass);
        Assert.Contains("C: PASS ********", h.Log.Lines);
        h.AssertNoSecretLeaked(Password);
        h.Server.AssertScriptsSucceeded();
    }

    [Fact]
    public void APOP_sends_the_RFC_1939_digest()
    {
        // RFC 1939 section 7: the digest for this timestamp and password "tanstaaf".
        using var h = new Harness(c =>
        {
            c.Expect("APOP alice c4c9334bac560ecc979e58001b3e22fb");
            c.SendLine("+OK maildrop has 1 message");
            AfterLoginCapa(c);
        }, "USER", greeting: "+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>");
        h.Succeeds(Pop3AuthenticationMethod.Apop, "tanstaaf");
        Assert.Equal("APOP", h.Client.AuthenticationMethod);
        h.AssertNoSecretLeaked("tanstaaf", null, "c4c9334bac560ecc979e58001b3e22fb");
        h.Server.AssertScriptsSucceeded();
    }

    [Fact]
    public void PLAIN_sends_an_initial_response_and_redacts_it()
    {
        var payload = B64("\0alice\0" + Password);
        using var h = new Harness(c =>
        {
            c.Expect("AUTH PLAIN " + payload);
            c.SendLine("+OK");
            AfterLoginCapa(c);
        }, "SASL PLAIN");
        h.Succeeds(Pop3AuthenticationMethod.Plain);
        Assert.Contains("C: AUTH PLAIN ********", h.Log.Lines);
        h.AssertNoSecretLeaked(Password, null, payload);
        h.Server.AssertScriptsSucceeded();
    }

    [Fact]
    public void LOGIN_answers_each_continuation_and_redacts_both_sides()
    {
        using var h = new Harness(c =>
        {
            c.Expect("AUTH LOGIN");
            c.SendLine("+ " + B64("Username:"));
            c.Expect(B64("alice"));
            c.SendLine("+ " + B64("Password:"));
            c.Expect(B64(Password));
            c.SendLine("+OK");
            AfterLoginCapa(c);
        }, "SASL LOGIN");
        h.Succeeds(Pop3AuthenticationMethod.Login);
        Assert.Equal(2, h.Log.Lines.Count(l => l == "C: ********"));
        Assert.Equal(2, h.Log.Lines.Count(l => l == "S: + ********"));
        h.AssertNoSecretLeaked(Password, null, B64(Password), B64("Password:"));
        h.Server.AssertScriptsSucceeded();
    }

    [Fact]
    public void CRAM_MD5_matches_the_RFC_2195_example_and_is_allowed_on_a_plain_link()
    {
        using var h = new Harness(c =>
        {
            c.Expect("AUTH CRAM-MD5");
            c.SendLine("+ " + B64("<1896.697170952@postoffice.reston.mci.net>"));
            c.Expect("dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw");
            c.SendLine("+OK");
            AfterLoginCapa(c);
        }, "SASL CRAM-MD5");
        h.Client.Authenticate(new System.Net.NetworkCredential("tim", "tanstaaftanstaaf"), Pop3AuthenticationMethod.CramMd5, TestToken());
        Assert.Equal("CRAM-MD5", h.Client.AuthenticationMethod);
        h.Server.AssertScriptsSucceeded();
    }

    [Fact]
    public void Auto_picks_SCRAM_SHA_256_and_the_server_is_verified()
    {
        var scram = new ScramServer(Password);
        using var h = new Harness(c =>
        {
            var first = c.ExpectPrefix("AUTH SCRAM-SHA-256 ").Substring("AUTH SCRAM-SHA-256 ".Length);
            c.SendLine("+ " + B64(scram.ServerFirst(Unb64(first))));
            c.SendLine("+ " + B64(scram.ServerFinal(Unb64(c.ReadLine()))));
            c.Expect("");
            c.SendLine("+OK");
            AfterLoginCapa(c);
        }, "USER;SASL PLAIN SCRAM-SHA-1 SCRAM-SHA-256 CRAM-MD5");
        h.Succeeds(Pop3AuthenticationMethod.Auto);
        Assert.Equal("SCRAM-SHA-256", h.Client.AuthenticationMethod);
        Assert.Equal(Pop3AuthenticationMethod.ScramSha256, h.Client.LoginMethod);
        h.AssertNoSecretLeaked(Password);
        Assert.DoesNotContain(h.Log.Lines, l => l.StartsWith("C: ", StringComparison.Ordinal) && l.Contains("r="));
        h.Server.AssertScriptsSucceeded();
    }

    [Fact]
    public void SCRAM_with_a_forged_server_signature_fails_and_cancels_the_exchange()
    {
        var scram = new ScramServer(Password);
        using var h = new Harness(c =>
        {
            var first = c.ExpectPrefix("AUTH SCRAM-SHA-256 ").Substring("AUTH SCRAM-SHA-256 ".Length);
            c.SendLine("+ " + B64(scram.ServerFirst(Unb64(first))));
            c.SendLine("+ " + B64(scram.ServerFinal(Unb64(c.ReadLine()), forge: true)));
            c.Expect("*");
            c.SendLine("-ERR authentication cancelled");
            c.Expect("NOOP");
            c.SendLine("+OK");
        }, "SASL SCRAM-SHA-256");
        var error = h.Fails(Pop3AuthenticationMethod.ScramSha256);
        Assert.Equal(Pop3ErrorKind.AuthenticationFailed, error.Kind);
        Assert.False(h.Client.IsAuthenticated);
        h.Client.Noop(TestToken());
        h.AssertNoSecretLeaked(Password, error);
        h.Server.AssertScriptsSucceeded();
    }

    [Fact]
    public void SCRAM_accepted_without_the_server_signature_is_not_trusted()
    {
        var scram = new ScramServer(Password);
        using var h = new Harness(c =>
        {
            var first = c.ExpectPrefix("AUTH SCRAM-SHA-256 ").Substring("AUTH SCRAM-SHA-256 ".Length);
            c.SendLine("+ " + B64(scram.ServerFirst(Unb64(first))));
            c.ReadLine();
            c.SendLine("+OK welcome");
            c.WaitForClientClose();
        }, "SASL SCRAM-SHA-256");
        var error = h.Fails(Pop3AuthenticationMethod.ScramSha256);
        Assert.Equal(Pop3ErrorKind.AuthenticationFailed, error.Kind);
        Assert.Contains("not verified", error.Message);
        Assert.False(h.Client.IsAuthenticated);
        Assert.False(h.Client.IsConnected);
    }

    [Fact]
    public void XOAUTH2_error_continuation_is_acknowledged_with_an_empty_line()
    {
        const string json = "{\"status\":\"401\",\"schemes\":\"Bearer\",\"scope\":\"https://mail.google.com/\"}";
        var initial = B64("user=alice\u0001auth=Bearer " + Token + "\u0001\u0001");
        using var h = new Harness(c =>
        {
            c.Expect("AUTH XOAUTH2 " + initial);
            c.SendLine("+ " + B64(json));
            c.Expect("");
            c.SendLine("-ERR [AUTH] invalid credentials");
            c.Expect("NOOP");
            c.SendLine("+OK");
        }, "SASL XOAUTH2", allowInsecure: true);
        var error = h.Fails(Pop3AuthenticationMethod.XOAuth2, Token);
        Assert.Equal(Pop3ErrorKind.AuthenticationFailed, error.Kind);
        Assert.Equal("AUTH", error.ResponseCode);
        Assert.Contains("\"status\":\"401\"", error.Message);
        h.Client.Noop(TestToken());
        h.AssertNoSecretLeaked(Token, error, initial, B64(json));
        h.Server.AssertScriptsSucceeded();
    }

    [Fact]
    public void A_token_too_long_for_the_AUTH_line_answers_the_first_empty_challenge()
    {
        var token = "ya29." + new string('t', 400);
        using var h = new Harness(c =>
        {
            c.Expect("AUTH XOAUTH2");
            c.SendLine("+ ");
            c.Expect(B64("user=alice\u0001auth=Bearer " + token + "\u0001\u0001"));
            c.SendLine("+OK");
            AfterLoginCapa(c);
        }, "SASL XOAUTH2");
        h.Succeeds(Pop3AuthenticationMethod.XOAuth2, token);
        Assert.Equal("XOAUTH2", h.Client.AuthenticationMethod);
        h.AssertNoSecretLeaked(token);
        h.Server.AssertScriptsSucceeded();
    }

    [Theory]
    [InlineData(173)]
    [InlineData(174)]
    public void An_initial_response_goes_on_the_AUTH_line_only_if_the_line_with_its_CRLF_fits_255_octets(int passwordLength)
    {
        var password = new string('p', passwordLength);
        var payload = B64("\0alice\0" + password);
        // RFC 2449 section 4: a command is at most 255 octets including the terminating CRLF.
        var fits = ("AUTH PLAIN " + payload + "\r\n").Length <= 255;
        using var h = new Harness(c =>
        {
            if (fits)
            {
                c.Expect("AUTH PLAIN " + payload);
            }
            else
            {
                c.Expect("AUTH PLAIN");
                c.SendLine("+ ");
                c.Expect(payload);
            }
            c.SendLine("+OK");
            AfterLoginCapa(c);
        }, "SASL PLAIN");
        h.Succeeds(Pop3AuthenticationMethod.Plain, password);
        h.Server.AssertScriptsSucceeded();
    }

    [Theory]
    [InlineData(155, true)]  // "AUTH XOAUTH2 " + 240 base64 octets + CRLF = exactly 255: fits
    [InlineData(156, false)] // the next base64 length makes 259: goes to the first challenge
    public void An_AUTH_line_of_exactly_255_octets_with_its_CRLF_still_carries_the_initial_response(int tokenLength, bool fits)
    {
        var token = new string('t', tokenLength);
        var payload = B64("user=alice\u0001auth=Bearer " + token + "\u0001\u0001");
        Assert.Equal(fits ? 255 : 259, ("AUTH XOAUTH2 " + payload + "\r\n").Length);
        using var h = new Harness(c =>
        {
            if (fits)
            {
                c.Expect("AUTH XOAUTH2 " + payload);
            }
            else
            {
                c.Expect("AUTH XOAUTH2");
                c.SendLine("+ ");
                c.Expect(payload);
            }
            c.SendLine("+OK");
            AfterLoginCapa(c);
        }, "SASL XOAUTH2");
        h.Succeeds(Pop3AuthenticationMethod.XOAuth2, token);
        h.Server.AssertScriptsFollowed();
    }

    [Fact]
    public void OAUTHBEARER_sends_the_token_in_the_initial_response()
    {
        using var h = new Harness(c =>
        {
            var sent = Unb64(c.ExpectPrefix("AUTH OAUTHBEARER ").Substring("AUTH OAUTHBEARER ".Length));
            if (!sent.StartsWith("n,a=alice,", StringComparison.Ordinal) || !sent.Contains("\u0001auth=Bearer " + Token + "\u0001\u0001"))
            {
                throw new ScriptMismatchException("Unexpected OAUTHBEARER message.");
            }
            c.SendLine("+OK");
            AfterLoginCapa(c);
        }, "SASL OAUTHBEARER");
        h.Succeeds(Pop3AuthenticationMethod.OAuthBearer, Token);
        h.AssertNoSecretLeaked(Token);
        h.Server.AssertScriptsSucceeded();
    }

    [Theory]
    [InlineData(Pop3AuthenticationMethod.UserPass)]
    [InlineData(Pop3AuthenticationMethod.Plain)]
    [InlineData(Pop3AuthenticationMethod.Login)]
    [InlineData(Pop3AuthenticationMethod.XOAuth2)]
    [InlineData(Pop3AuthenticationMethod.OAuthBearer)]
    [InlineData(Pop3AuthenticationMethod.Apop)]
    [InlineData(Pop3AuthenticationMethod.CramMd5)]
    [InlineData(Pop3AuthenticationMethod.ScramSha1)]
    [InlineData(Pop3AuthenticationMethod.ScramSha256)]
    [InlineData(Pop3AuthenticationMethod.Auto)]
    public void No_credential_of_any_kind_is_sent_on_a_plain_link_without_the_allowance(Pop3AuthenticationMethod method)
    {
        // A digest or proof is withheld too: an eavesdropper could attack it offline.
        using var h = new Harness(c =>
        {
            c.Expect("QUIT");
            c.SendLine("+OK");
        }, "USER;SASL PLAIN LOGIN CRAM-MD5 SCRAM-SHA-1 SCRAM-SHA-256 XOAUTH2 OAUTHBEARER", allowInsecure: false,
            greeting: "+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>");
        var error = h.Fails(method);
        Assert.Equal(Pop3ErrorKind.InsecureAuthenticationRefused, error.Kind);
        Assert.True(h.Client.IsConnected);
        h.Client.Quit(TestToken());
        h.AssertNoSecretLeaked(Password, error);
        h.Server.AssertScriptsSucceeded();
    }

    [Fact]
    public void A_method_the_server_lacks_fails_and_leaves_the_connection_usable()
    {
        using var h = new Harness(c =>
        {
            c.Expect("NOOP");
            c.SendLine("+OK");
        }, "USER;SASL PLAIN");
        var error = h.Fails(Pop3AuthenticationMethod.ScramSha256);
        Assert.Equal(Pop3ErrorKind.AuthenticationFailed, error.Kind);
        h.Client.Noop(TestToken());
        h.Server.AssertScriptsSucceeded();
    }

    [Fact]
    public void A_line_break_in_the_user_name_cannot_inject_a_command()
    {
        using var h = new Harness(c => c.WaitForClientClose(), "USER");
        Assert.Throws<ArgumentException>(() =>
            h.Client.Authenticate(new System.Net.NetworkCredential("alice\r\nDELE 1", Password), Pop3AuthenticationMethod.UserPass, TestToken()));
    }

    [Fact]
    public void A_line_break_in_a_USER_PASS_password_is_refused_before_USER_is_sent()
    {
        using var h = new Harness(c =>
        {
            c.Expect("NOOP");
            c.SendLine("+OK");
        }, "USER");
        var error = Assert.Throws<ArgumentException>(() => h.Succeeds(Pop3AuthenticationMethod.UserPass, "pw\r\nDELE 1"));
        Assert.DoesNotContain("DELE", error.ToString());
        h.Client.Noop(TestToken());
        h.Server.AssertScriptsSucceeded();
    }
}
