using Pop3Tools.Engine.Protocol;
using Pop3Tools.Engine.Tests.Scripted;
using static Pop3Tools.Engine.Tests.Protocol.ClientHelpers;

namespace Pop3Tools.Engine.Tests.Protocol;

public class ResponseCodeTests
{
    [Theory]
    [InlineData("-ERR [AUTH] invalid credentials", Pop3ErrorKind.AuthenticationFailed, "AUTH", "invalid credentials")]
    [InlineData("-ERR invalid credentials", Pop3ErrorKind.AuthenticationFailed, null, "invalid credentials")]
    [InlineData("-ERR [IN-USE] mailbox locked", Pop3ErrorKind.MailboxInUse, "IN-USE", "mailbox locked")]
    [InlineData("-ERR [LOGIN-DELAY] too soon", Pop3ErrorKind.LoginDelay, "LOGIN-DELAY", "too soon")]
    [InlineData("-ERR [SYS/TEMP] try later", Pop3ErrorKind.ServerUnavailable, "SYS/TEMP", "try later")]
    [InlineData("-ERR [SYS/PERM] broken", Pop3ErrorKind.ServerUnavailable, "SYS/PERM", "broken")]
    [InlineData("-ERR [auth] lower case code", Pop3ErrorKind.AuthenticationFailed, "AUTH", "lower case code")]
    public void A_refused_login_maps_its_response_code(string reply, Pop3ErrorKind kind, string? code, string text)
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.SendLine("+OK hello");
            c.ExpectCapa("USER", "RESP-CODES", "AUTH-RESP-CODE", "LOGIN-DELAY 900");
            c.Expect("USER alice");
            c.SendLine("+OK");
            c.ExpectPrefix("PASS ");
            c.SendLine(reply);
            c.WaitForClientClose();
        });
        var options = server.ClientOptions();
        options.AllowInsecureAuthentication = true;
        using var client = Pop3Client.Connect(options, TestToken());
        var error = Fails(() => client.Authenticate(Alice, Pop3AuthenticationMethod.UserPass, TestToken()));
        Assert.Equal(kind, error.Kind);
        Assert.Equal(code, error.ResponseCode);
        Assert.Equal(text, error.ServerText);
        Assert.False(client.IsAuthenticated);
        if (kind == Pop3ErrorKind.LoginDelay) Assert.Contains("900 seconds", error.Hint);
    }

    [Fact]
    public void A_greeting_refusal_maps_its_code()
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.SendLine("-ERR [SYS/TEMP] too many connections");
            c.WaitForClientClose();
        });
        var error = Fails(() => Pop3Client.Connect(server.ClientOptions(), TestToken()));
        Assert.Equal(Pop3ErrorKind.ServerUnavailable, error.Kind);
        Assert.Equal("SYS/TEMP", error.ResponseCode);
        Assert.Equal("too many connections", error.ServerText);
    }

    [Fact]
    public void A_missing_message_goes_to_onError_and_the_batch_goes_on()
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.SendLine("+OK hello");
            c.ExpectCapa();
            c.Expect("RETR 1");
            c.Send("+OK\r\none\r\n.\r\n");
            c.Expect("RETR 9");
            c.SendLine("-ERR no such message");
            c.Expect("RETR 2");
            c.Send("+OK\r\ntwo\r\n.\r\n");
            c.Expect("DELE 9");
            c.SendLine("-ERR no such message");
            c.Expect("NOOP");
            c.SendLine("+OK");
        });
        using var client = Pop3Client.Connect(server.ClientOptions(), TestToken());
        var messages = new Dictionary<int, string>();
        var errors = new List<Pop3Exception>();
        client.Retrieve(new[] { 1, 9, 0, 2 }, (n, s) => messages[n] = ReadAll(s), (n, e) => errors.Add(e), TestToken());
        Assert.Equal("one\r\n", messages[1]);
        Assert.Equal("two\r\n", messages[2]);
        Assert.Equal(new[] { Pop3ErrorKind.MessageNotFound, Pop3ErrorKind.MessageNotFound }, errors.Select(e => e.Kind));
        Assert.Equal("no such message", errors[0].ServerText);

        var deleteErrors = new List<int>();
        client.Delete(new[] { 9 }, (n, e) => { Assert.Equal(Pop3ErrorKind.MessageNotFound, e.Kind); deleteErrors.Add(n); }, TestToken());
        Assert.Equal(new[] { 9 }, deleteErrors);
        client.Noop(TestToken());
        Assert.True(client.IsConnected);
        server.AssertScriptsSucceeded();
    }

    [Theory]
    [InlineData("+OK", "Ok", null, "")]
    [InlineData("+OK 2 320", "Ok", null, "2 320")]
    [InlineData("-ERR [SYS/TEMP] busy", "Err", "SYS/TEMP", "busy")]
    [InlineData("-err lower case", "Err", null, "lower case")]
    [InlineData("+OK [IN-USE]", "Ok", "IN-USE", "")]
    [InlineData("-ERR [unclosed code", "Err", null, "[unclosed code")]
    public void Status_lines_parse_into_status_code_and_text(string line, string status, string? code, string text)
    {
        var reply = Pop3Response.Parse(line, allowContinuation: false);
        Assert.Equal(status, reply.Status.ToString());
        Assert.Equal(code, reply.Code);
        Assert.Equal(text, reply.Text);
    }

    [Fact]
    public void A_continuation_is_only_valid_inside_AUTH()
    {
        Assert.Equal(Pop3ResponseStatus.Continuation, Pop3Response.Parse("+ PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2U+", true).Status);
        Assert.Equal(Pop3ResponseStatus.Continuation, Pop3Response.Parse("+", true).Status);
        Assert.Equal(Pop3ErrorKind.ProtocolError, Fails(() => Pop3Response.Parse("+ abc", false)).Kind);
    }
}
