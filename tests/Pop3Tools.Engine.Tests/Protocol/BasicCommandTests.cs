using Pop3Tools.Engine.Protocol;
using Pop3Tools.Engine.Tests.Scripted;
using static Pop3Tools.Engine.Tests.Protocol.ClientHelpers;

namespace Pop3Tools.Engine.Tests.Protocol;

public class BasicCommandTests
{
    private static void LoginScript(ScriptedConnection c)
    {
        c.SendLine("+OK POP3 ready <1896.697170952@dbc.mtview.ca.us>");
        c.ExpectCapa("USER", "UIDL", "TOP", "IMPLEMENTATION Scripted 1.0", "LOGIN-DELAY 60", "EXPIRE NEVER");
        c.Expect("USER alice");
        c.SendLine("+OK");
        c.Expect("PASS S3cret-Passw0rd!");
        c.SendLine("+OK logged in");
        c.ExpectCapa("USER", "UIDL", "TOP", "LOGIN-DELAY 900", "EXPIRE 30");
    }

    [Fact]
    public void A_whole_session_reads_what_the_server_sent()
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            LoginScript(c);
            c.Expect("STAT");
            c.SendLine("+OK 2 320");
            c.Expect("LIST");
            c.Send("+OK 2 messages\r\n1 120\r\n2 200\r\n.\r\n");
            c.Expect("UIDL");
            c.Send("+OK\r\n1 whqtswO00WBw418f9t5JxYwZ\r\n2 QhdPYR:00WBw1Ph7x7\r\n.\r\n");
            c.Expect("RETR 1");
            c.Send("+OK 120 octets\r\nSubject: one\r\n\r\n..dotted\r\n.\r\n");
            c.Expect("TOP 2 0");
            c.Send("+OK\r\nSubject: two\r\n\r\n.\r\n");
            c.Expect("DELE 1");
            c.SendLine("+OK marked");
            c.Expect("RSET");
            c.SendLine("+OK");
            c.Expect("NOOP");
            c.SendLine("+OK");
            c.Expect("QUIT");
            c.SendLine("+OK bye");
        });
        var options = server.ClientOptions();
        options.AllowInsecureAuthentication = true;
        using var client = Pop3Client.Connect(options, TestToken());

        Assert.Equal("POP3 ready <1896.697170952@dbc.mtview.ca.us>", client.Greeting);
        Assert.Equal("<1896.697170952@dbc.mtview.ca.us>", client.ApopTimestamp);
        Assert.Equal(Pop3Security.None, client.Security);
        Assert.Null(client.Tls);
        Assert.Equal("Scripted 1.0", client.Capabilities.Implementation);
        Assert.Equal(60, client.Capabilities.LoginDelaySeconds);

        client.Authenticate(Alice, Pop3AuthenticationMethod.UserPass, TestToken());
        Assert.True(client.IsAuthenticated);
        Assert.Equal("USER", client.AuthenticationMethod);
        Assert.Equal(900, client.Capabilities.LoginDelaySeconds);
        Assert.Equal("30", client.Capabilities.Expire);

        var stat = client.Stat(TestToken());
        Assert.Equal(2, stat.Count);
        Assert.Equal(320, stat.Size);
        Assert.Equal(new[] { (1, 120L), (2, 200L) }, client.List(TestToken()).Select(e => (e.Number, e.Size)));
        Assert.Equal(new[] { (1, "whqtswO00WBw418f9t5JxYwZ"), (2, "QhdPYR:00WBw1Ph7x7") }, client.Uidl(TestToken())!.Select(e => (e.Number, e.Uid)));

        var (messages, errors) = RetrieveAll(client, new[] { 1 });
        Assert.Empty(errors);
        Assert.Equal("Subject: one\r\n\r\n.dotted\r\n", messages[1]);

        string? top = null;
        client.Top(new[] { 2 }, 0, (n, s) => top = ReadAll(s), (n, e) => throw e, TestToken());
        Assert.Equal("Subject: two\r\n\r\n", top);

        var deleteErrors = new List<int>();
        client.Delete(new[] { 1 }, (n, e) => deleteErrors.Add(n), TestToken());
        Assert.Empty(deleteErrors);
        client.Reset(TestToken());
        client.Noop(TestToken());
        client.Quit(TestToken());
        Assert.False(client.IsConnected);
        server.AssertScriptsSucceeded();
    }

    [Fact]
    public void A_server_without_CAPA_is_plain_RFC_1939()
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.SendLine("+OK hello");
            c.Expect("CAPA");
            c.SendLine("-ERR unknown command");
            c.Expect("USER alice");
            c.SendLine("+OK");
            c.Expect("PASS S3cret-Passw0rd!");
            c.SendLine("+OK");
            c.Expect("CAPA");
            c.SendLine("-ERR unknown command");
            c.Expect("QUIT");
            c.SendLine("+OK");
        });
        var options = server.ClientOptions();
        options.AllowInsecureAuthentication = true;
        using var client = Pop3Client.Connect(options, TestToken());
        Assert.Empty(client.Capabilities.Lines);
        Assert.Null(client.ApopTimestamp);
        client.Authenticate(Alice, Pop3AuthenticationMethod.Auto, TestToken());
        Assert.Equal("USER", client.AuthenticationMethod);
        client.Quit(TestToken());
        server.AssertScriptsSucceeded();
    }

    [Fact]
    public void A_refused_UIDL_means_no_UIDs_and_leaves_the_dialogue_in_step()
    {
        // UIDL is optional in RFC 1939: a server without CAPA may simply not know it.
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.SendLine("+OK ready");
            c.ExpectCapa();
            c.Expect("UIDL");
            c.SendLine("-ERR unknown command");
            c.Expect("LIST");
            c.Send("+OK\r\n1 120\r\n.\r\n");
            c.Expect("QUIT");
            c.SendLine("+OK");
        });
        using var client = Pop3Client.Connect(server.ClientOptions(), TestToken());

        Assert.Null(client.Uidl(TestToken()));

        Assert.True(client.IsConnected);
        Assert.Equal(120, Assert.Single(client.List(TestToken())).Size);
        client.Quit(TestToken());
        server.AssertScriptsSucceeded();
    }

    [Fact]
    public void QUIT_refused_means_deletions_not_committed()
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.SendLine("+OK hello");
            c.ExpectCapa();
            c.Expect("QUIT");
            c.SendLine("-ERR some deleted messages not removed");
        });
        var client = Pop3Client.Connect(server.ClientOptions(), TestToken());
        var error = Fails(() => client.Quit(TestToken()));
        Assert.Equal(Pop3ErrorKind.DeletionsNotCommitted, error.Kind);
        Assert.Equal("some deleted messages not removed", error.ServerText);
        Assert.False(client.IsConnected);
    }
}
