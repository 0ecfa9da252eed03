using Pop3Tools.Engine.Tests.Mailbox;
using Pop3Tools.Engine.Protocol;
using Pop3Tools.Engine.Tests.Scripted;
using static Pop3Tools.Engine.Tests.Protocol.ClientHelpers;

namespace Pop3Tools.Engine.Tests.Protocol;

public class PipeliningTests
{
    private const int MessageCount = 7;
    private const int MissingMessage = 4;

    private static string Body(int n) => "Subject: message " + n + "\r\n\r\n..line " + n + "\r\n";

    /// <summary>Answers each RETR as it is read, whether the client pipelines or not.</summary>
    private static void ServeRetrievals(ScriptedConnection c, bool offerPipelining)
    {
        c.SendLine("+OK hello");
        c.ExpectCapa(offerPipelining ? new[] { "PIPELINING", "UIDL" } : new[] { "UIDL" });
        for (var n = 1; n <= MessageCount; n++)
        {
            c.Expect("RETR " + n);
            if (n == MissingMessage) c.SendLine("-ERR no such message");
            else c.Send("+OK\r\n" + Body(n) + ".\r\n");
        }
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Pipelined_and_one_at_a_time_give_identical_results(bool offerPipelining, bool usePipelining)
    {
        using var server = ScriptedPop3Server.Start(c => ServeRetrievals(c, offerPipelining));
        var options = server.ClientOptions();
        options.UsePipelining = usePipelining;
        options.PipelineWindow = 3;
        using var client = Pop3Client.Connect(options, TestToken());
        var (messages, errors) = RetrieveAll(client, Enumerable.Range(1, MessageCount));

        var expected = Enumerable.Range(1, MessageCount).Where(n => n != MissingMessage)
            .ToDictionary(n => n, n => Body(n).Replace("..line", ".line"));
        Assert.Equal(expected, messages);
        Assert.Equal(new Dictionary<int, Pop3ErrorKind> { [MissingMessage] = Pop3ErrorKind.MessageNotFound }, errors);
        server.AssertScriptsSucceeded();
    }

    // Each batch has its own window: RETR's bounds what a stopped download must drain, the short
    // replies' (TOP n 0, DELE) is larger. The other window is left far wider, so using it fails.
    [Theory]
    [InlineData("DELE", true, 3)]
    [InlineData("DELE", false, 1)]
    [InlineData("RETR", true, 3)]
    [InlineData("RETR", false, 1)]
    public void No_more_commands_than_the_window_are_in_flight(string command, bool offerPipelining, int window)
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.SendLine("+OK hello");
            c.ExpectCapa(offerPipelining ? new[] { "PIPELINING" } : Array.Empty<string>());
            var sent = 0;
            for (var answered = 0; answered < MessageCount; answered++)
            {
                // Whatever the client sends before the next reply; with nothing of its own in flight it must send.
                // When it tops the window up is its choice; going past the window is the failure.
                while (sent < MessageCount && (sent == answered || c.ClientSendsWithin(TimeSpan.FromMilliseconds(150))))
                {
                    c.Expect(command + " " + ++sent);
                    if (sent - answered > window) throw new ScriptMismatchException("The client exceeded its window.");
                }
                c.Send(command == "RETR" ? "+OK\r\n" + Body(answered + 1) + ".\r\n" : "+OK deleted\r\n");
            }
        });
        var options = server.ClientOptions();
        options.PipelineWindow = command == "RETR" ? 3 : 100;
        options.ShortReplyPipelineWindow = command == "RETR" ? 100 : 3;
        using var client = Pop3Client.Connect(options, TestToken());
        var errors = new List<int>();
        var retrieved = new List<int>();
        if (command == "RETR") client.Retrieve(Enumerable.Range(1, MessageCount), (n, stream) => retrieved.Add(n), (n, e) => errors.Add(n), TestToken());
        else client.Delete(Enumerable.Range(1, MessageCount), (n, e) => errors.Add(n), TestToken());
        Assert.Empty(errors);
        Assert.Equal(command == "RETR" ? Enumerable.Range(1, MessageCount) : Enumerable.Empty<int>(), retrieved);
        server.AssertScriptsSucceeded();
    }

    [Fact]
    public void A_callback_exception_is_rethrown_after_the_replies_in_flight_are_consumed()
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.SendLine("+OK hello");
            c.ExpectCapa("PIPELINING");
            for (var n = 1; n <= 5; n++) c.Expect("RETR " + n);
            for (var n = 1; n <= 5; n++) c.Send("+OK\r\n" + Body(n) + ".\r\n");
            c.Expect("NOOP");
            c.SendLine("+OK");
        });
        using var client = Pop3Client.Connect(server.ClientOptions(), TestToken());
        var delivered = new List<int>();
        var thrown = Assert.Throws<InvalidOperationException>(() => client.Retrieve(Enumerable.Range(1, 5), (n, s) =>
        {
            delivered.Add(n);
            if (n == 2) throw new InvalidOperationException("disk full");
        }, (n, e) => throw e, TestToken()));
        Assert.Equal("disk full", thrown.Message);
        Assert.Equal(new[] { 1, 2 }, delivered);
        Assert.True(client.IsConnected);
        client.Noop(TestToken());
        server.AssertScriptsSucceeded();
    }

    private const string UidlReply = "+OK\r\n1 uid-1\r\n2 uid-2\r\n.\r\n";
    private const string ListReply = "+OK 2 messages\r\n1 100\r\n2 200\r\n.\r\n";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_index_asks_uidl_and_list_in_one_write_only_of_a_server_that_pipelines(bool offerPipelining)
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.SendLine("+OK hello");
            c.ExpectCapa(offerPipelining ? new[] { "PIPELINING", "UIDL" } : new[] { "UIDL" });
            c.Expect("UIDL");
            // Pipelined, LIST is on its way before any reply; otherwise the client waits for UIDL's.
            if (c.ClientSendsWithin(TimeSpan.FromMilliseconds(300)) != offerPipelining)
            {
                throw new ScriptMismatchException(offerPipelining ? "LIST did not follow UIDL at once." : "LIST came before the UIDL reply.");
            }
            if (offerPipelining) c.Expect("LIST");
            c.Send(UidlReply);
            if (!offerPipelining) c.Expect("LIST");
            c.Send(ListReply);
        });
        using var client = Pop3Client.Connect(server.ClientOptions(), TestToken());

        var (uids, sizes) = client.UidlAndList(TestToken());

        Assert.Equal(new[] { "1:uid-1", "2:uid-2" }, uids!.Select(e => e.Number + ":" + e.Uid));
        Assert.Equal(new[] { "1:100", "2:200" }, sizes.Select(e => e.Number + ":" + e.Size));
        server.AssertScriptsSucceeded();
    }

    [Fact]
    public void A_uidl_refused_for_now_reads_the_list_behind_it_and_keeps_the_connection_in_step()
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.SendLine("+OK hello");
            c.ExpectCapa("PIPELINING", "UIDL");
            c.Expect("UIDL");
            c.Expect("LIST");
            c.SendLine("-ERR [IN-USE] index locked");
            c.Send(ListReply);
            c.Expect("NOOP");
            c.SendLine("+OK still here");
        });
        var log = new RecordingProtocolLog();
        var options = server.ClientOptions();
        options.Log = log;
        using var client = Pop3Client.Connect(options, TestToken());

        var error = Assert.Throws<Pop3Exception>(() => client.UidlAndList(TestToken()));

        Assert.Equal(Pop3ErrorKind.MailboxInUse, error.Kind);
        Assert.True(client.IsConnected);
        client.Noop(TestToken());
        // The LIST reply was read as part of the refusal, not left for the next command to drain.
        Assert.DoesNotContain(log.Lines, line => line.StartsWith("STEP Reading what the stopped command left", StringComparison.Ordinal));
        server.AssertScriptsSucceeded();
    }

    [Fact]
    public void A_server_without_uidl_still_gives_the_sizes_pipelined_behind_it()
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.SendLine("+OK hello");
            c.ExpectCapa("PIPELINING");
            c.Expect("UIDL");
            c.Expect("LIST");
            c.SendLine("-ERR unknown command");
            c.Send(ListReply);
        });
        using var client = Pop3Client.Connect(server.ClientOptions(), TestToken());

        var (uids, sizes) = client.UidlAndList(TestToken());

        Assert.Null(uids);
        Assert.Equal(new[] { "1:100", "2:200" }, sizes.Select(e => e.Number + ":" + e.Size));
        server.AssertScriptsSucceeded();
    }
}
