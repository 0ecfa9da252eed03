using Pop3Tools.Engine.Protocol;
using Pop3Tools.Engine.Tests.Scripted;
using static Pop3Tools.Engine.Tests.Protocol.ClientHelpers;

namespace Pop3Tools.Engine.Tests.Protocol;

/// <summary>The client against the reusable mailbox: deletions commit only with QUIT.</summary>
public class ScriptedMailboxTests
{
    private static ScriptedMailbox ThreeMessages() => new(new[]
    {
        ("uid-a", "Subject: a\r\n\r\n.hidden dot\r\n"),
        ("uid-b", "Subject: b\r\n\r\nbody b\r\n"),
        ("uid-c", "Subject: c\r\n\r\nbody c\r\n"),
    });

    private static Pop3Client Login(ScriptedPop3Server server)
    {
        var options = server.ClientOptions();
        options.AllowInsecureAuthentication = true;
        var client = Pop3Client.Connect(options, TestToken());
        client.Authenticate(Alice, Pop3AuthenticationMethod.UserPass, TestToken());
        return client;
    }

    [Fact]
    public void Deletions_commit_with_QUIT()
    {
        var mailbox = ThreeMessages();
        using var server = ScriptedPop3Server.Start(mailbox.Serve);
        using (var client = Login(server))
        {
            var (messages, _) = RetrieveAll(client, new[] { 1 });
            Assert.Equal("Subject: a\r\n\r\n.hidden dot\r\n", messages[1]);
            client.Delete(new[] { 1, 3 }, (n, e) => throw e, TestToken());
            client.Quit(TestToken());
        }
        Assert.Equal(new[] { "uid-b" }, mailbox.Uids);
        server.AssertScriptsSucceeded();
    }

    [Fact]
    public void A_drop_before_QUIT_commits_nothing()
    {
        var mailbox = ThreeMessages();
        mailbox.DropBefore = line => line == "QUIT";
        using var server = ScriptedPop3Server.Start(mailbox.Serve);
        var client = Login(server);
        client.Delete(new[] { 1, 2 }, (n, e) => throw e, TestToken());
        Assert.Equal(Pop3ErrorKind.SessionClosed, Fails(() => client.Quit(TestToken())).Kind);
        Assert.Equal(new[] { "uid-a", "uid-b", "uid-c" }, mailbox.Uids);
        server.AssertScriptsSucceeded();
    }
}
