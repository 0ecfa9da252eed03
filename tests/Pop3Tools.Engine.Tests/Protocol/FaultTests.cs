using System.Text;
using Pop3Tools.Engine.Protocol;
using Pop3Tools.Engine.Tests.Scripted;
using static Pop3Tools.Engine.Tests.Protocol.ClientHelpers;

namespace Pop3Tools.Engine.Tests.Protocol;

public class FaultTests
{
    private const string Greeting = "+OK ready\r\n";
    private const string CapaReply = "+OK\r\nUSER\r\nUIDL\r\n.\r\n";
    private const string RetrReply = "+OK 38 octets\r\nSubject: x\r\n\r\n..stuffed\r\nbody\r\n.\r\n";

    [Fact]
    public void A_drop_at_every_byte_of_greeting_CAPA_and_RETR_is_SessionClosed()
    {
        var replies = new[] { Greeting, CapaReply, RetrReply };
        var total = replies.Sum(r => r.Length);
        // Connection number k is cut after k bytes, so one server serves the whole loop.
        using var server = ScriptedPop3Server.Start(c =>
        {
            var budget = c.Index;
            var expected = new[] { (string?)null, "CAPA", "RETR 1" };
            for (var i = 0; i < replies.Length; i++)
            {
                if (expected[i] != null) c.Expect(expected[i]!);
                var bytes = Encoding.ASCII.GetBytes(replies[i]);
                if (budget < bytes.Length)
                {
                    c.SendThenDrop(bytes, budget);
                    return;
                }
                c.SendBytes(bytes);
                budget -= bytes.Length;
            }
            c.WaitForClientClose();
        });

        for (var cut = 0; cut < total; cut++)
        {
            Pop3Client? client = null;
            var error = Fails(() =>
            {
                client = Pop3Client.Connect(server.ClientOptions(), TestToken());
                client.Retrieve(new[] { 1 }, (n, s) => ReadAll(s), (n, e) => throw e, TestToken());
            });
            Assert.True(error.Kind == Pop3ErrorKind.SessionClosed, "cut at byte " + cut + ": " + error.Kind + " " + error.Message);
            Assert.False(client?.IsConnected ?? false);
        }

        using var whole = Pop3Client.Connect(server.ClientOptions(), TestToken());
        var (messages, _) = RetrieveAll(whole, new[] { 1 });
        Assert.Equal("Subject: x\r\n\r\n.stuffed\r\nbody\r\n", messages[1]);
        whole.Dispose();
        server.AssertScriptsFollowed();
    }

    [Fact]
    public void A_drop_at_every_byte_of_greeting_and_CAPA_inside_implicit_TLS_is_SessionClosed()
    {
        var greeting = Encoding.ASCII.GetBytes(Greeting);
        var capa = Encoding.ASCII.GetBytes(CapaReply);
        var total = greeting.Length + capa.Length;
        // Connection number k is cut after k bytes of plaintext inside the tunnel.
        using var server = ScriptedPop3Server.Start(c =>
        {
            if (c.Index < greeting.Length)
            {
                c.SendThenDrop(greeting, c.Index);
                return;
            }
            c.SendBytes(greeting);
            c.Expect("CAPA");
            var budget = c.Index - greeting.Length;
            if (budget < capa.Length)
            {
                c.SendThenDrop(capa, budget);
                return;
            }
            c.SendBytes(capa);
            c.WaitForClientClose();
        }, new ScriptedServerOptions { ImplicitTls = true });
        // Every cut ends at a FIN, never at the timeout: a long one only keeps a cold TLS stack on a busy runner from failing the handshake.
        var options = server.ClientOptions(Pop3Security.Tls, TimeSpan.FromSeconds(30));
        options.SkipCertificateCheck = true;

        for (var cut = 0; cut < total; cut++)
        {
            var error = Fails(() => Pop3Client.Connect(options, TestToken()).Dispose());
            Assert.True(error.Kind == Pop3ErrorKind.SessionClosed, "cut at byte " + cut + ": " + error.Kind + " " + error.Message);
        }
        using (var whole = Pop3Client.Connect(options, TestToken()))
        {
            Assert.Equal("ready", whole.Greeting);
            Assert.True(whole.Capabilities.Uidl);
        }
        server.AssertScriptsFollowed();
    }

    [Fact]
    public void A_silent_port_is_named_an_implicit_TLS_port_long_before_the_timeout()
    {
        // An implicit-TLS port waits for the client's handshake and never greets.
        using var server = ScriptedPop3Server.Start(c => c.Hang());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var error = Fails(() => Pop3Client.Connect(server.ClientOptions(Pop3Security.Auto, timeout: TimeSpan.FromSeconds(60)), TestToken(45)));
        Assert.Equal(Pop3ErrorKind.TlsHandshakeFailed, error.Kind);
        Assert.Contains("implicit TLS", error.Message);
        Assert.Contains("-Security Tls", error.Hint);
        // Bounded by the greeting's patience, generously, not by the 60 s timeout.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(40), "took " + clock.Elapsed);
    }

    [Fact]
    public void A_shorter_timeout_still_bounds_the_wait_for_the_greeting()
    {
        using var server = ScriptedPop3Server.Start(c => c.Hang());
        var error = Fails(() => Pop3Client.Connect(server.ClientOptions(timeout: TimeSpan.FromSeconds(1)), TestToken()));
        Assert.Equal(Pop3ErrorKind.TlsHandshakeFailed, error.Kind);
        Assert.Contains("within 1 s", error.Message);
    }

    [Fact]
    public void A_TLS_record_where_the_greeting_should_be_names_the_implicit_TLS_port()
    {
        // A TLS alert record (protocol version, level fatal, unexpected_message), then close.
        using var server = ScriptedPop3Server.Start(c => c.SendThenDrop(new byte[] { 0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x0a }, 7));
        var error = Fails(() => Pop3Client.Connect(server.ClientOptions(Pop3Security.StartTls), TestToken()));
        Assert.Equal(Pop3ErrorKind.TlsHandshakeFailed, error.Kind);
        Assert.Contains("TLS record", error.Message);
        Assert.Contains("-Security Tls", error.Hint);
    }

    [Fact]
    public void A_slow_greeting_within_the_patience_is_read()
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            Thread.Sleep(TimeSpan.FromSeconds(1));
            c.Send(Greeting);
            c.ExpectCapa("USER");
            c.WaitForClientClose();
        });
        using var client = Pop3Client.Connect(server.ClientOptions(timeout: TimeSpan.FromSeconds(60)), TestToken());
        Assert.Equal("ready", client.Greeting);
    }

    [Fact]
    public void A_server_that_stops_mid_message_times_out_and_closes()
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.Send(Greeting);
            c.ExpectCapa();
            c.Expect("RETR 1");
            c.Send("+OK\r\nSubject: half");
            c.Hang();
        });
        // The same timeout bounds the connect: 2 s, as a loaded 2-core machine once took over 1 s to connect on loopback.
        var timeout = TimeSpan.FromSeconds(2);
        var client = Pop3Client.Connect(server.ClientOptions(timeout: timeout), TestToken());
        var error = FailsWithin(HangBound(timeout), () => RetrieveAll(client, new[] { 1 }));
        Assert.Equal(Pop3ErrorKind.Timeout, error.Kind);
        Assert.False(client.IsConnected);
        Assert.Equal(Pop3ErrorKind.SessionClosed, Fails(() => client.Noop(TestToken())).Kind);
        server.AssertScriptsFollowed();
    }

    [Fact]
    public void A_read_failure_the_callback_swallows_is_kept_even_when_the_rest_arrives_later()
    {
        // The message resumes after the client's timeout: a stream that forgot its failure would
        // drain the late bytes as if nothing happened and leave a session that lost a timeout.
        // The same timeout bounds the connect: 2 s, as a loaded 2-core machine once took over 1 s to connect on loopback.
        var timeout = TimeSpan.FromSeconds(2);
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.Send(Greeting);
            c.ExpectCapa();
            c.Expect("RETR 1");
            c.Send("+OK\r\nSubject: half");
            Thread.Sleep(timeout + timeout);
            try
            {
                c.Send("\r\n\r\nbody\r\n.\r\n");
            }
            catch (IOException)
            {
                // The client already hung up, as it should.
            }
            c.WaitForClientClose();
        });
        var client = Pop3Client.Connect(server.ClientOptions(timeout: timeout), TestToken());
        var swallowed = new List<Pop3ErrorKind>();
        var error = Fails(() => client.Retrieve(new[] { 1 }, (n, s) =>
        {
            try { ReadAll(s); } catch (Pop3Exception e) { swallowed.Add(e.Kind); }
            // A second read after the failure must fail the same way, not resume.
            try { s.ReadByte(); } catch (Pop3Exception e) { swallowed.Add(e.Kind); }
        }, (n, e) => { }, TestToken()));
        Assert.Equal(Pop3ErrorKind.Timeout, error.Kind);
        Assert.Equal(new[] { Pop3ErrorKind.Timeout, Pop3ErrorKind.Timeout }, swallowed);
        Assert.False(client.IsConnected);
        server.AssertScriptsFollowed();
    }

    [Fact]
    public void Cancelling_aborts_a_blocked_read_and_closes()
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.Send(Greeting);
            c.ExpectCapa();
            c.Expect("STAT");
            c.Hang();
        });
        // A long timeout: only the cancellation can end the read.
        var client = Pop3Client.Connect(server.ClientOptions(timeout: TimeSpan.FromSeconds(60)), TestToken());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() => client.Stat(cancel.Token));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "The cancelled read ended after " + clock.Elapsed);
        Assert.False(client.IsConnected);
        server.AssertScriptsFollowed();
    }

    [Fact]
    public void Nothing_listening_is_ConnectionFailed()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var options = new Pop3ConnectionOptions("127.0.0.1") { Port = port, Security = Pop3Security.None, Timeout = TimeSpan.FromSeconds(5) };
        Assert.Equal(Pop3ErrorKind.ConnectionFailed, Fails(() => Pop3Client.Connect(options, TestToken())).Kind);
    }

    [Theory]
    [InlineData("HELLO there\r\n")]
    [InlineData("+OKAY\r\n")]
    [InlineData("\r\n")]
    [InlineData("* OK IMAP4 ready\r\n")]
    public void A_greeting_that_is_not_POP3_is_a_protocol_error(string greeting)
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.Send(greeting);
            c.WaitForClientClose();
        });
        Assert.Equal(Pop3ErrorKind.ProtocolError, Fails(() => Pop3Client.Connect(server.ClientOptions(), TestToken())).Kind);
        server.AssertScriptsFollowed();
    }

    [Fact]
    public void An_over_long_status_line_is_a_protocol_error()
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.Send("+OK " + new string('x', 9000) + "\r\n");
            c.WaitForClientClose();
        });
        Assert.Equal(Pop3ErrorKind.ProtocolError, Fails(() => Pop3Client.Connect(server.ClientOptions(), TestToken())).Kind);
    }

    [Fact]
    public void A_status_line_just_under_the_limit_is_read()
    {
        var text = new string('x', 8000);
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.Send("+OK " + text + "\r\n");
            c.ExpectCapa();
            c.WaitForClientClose();
        });
        using (var client = Pop3Client.Connect(server.ClientOptions(), TestToken()))
        {
            Assert.Equal(text, client.Greeting);
        }
        server.AssertScriptsFollowed();
    }

    [Fact]
    public void An_over_long_message_line_is_a_protocol_error_and_closes()
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.Send(Greeting);
            c.ExpectCapa();
            c.Expect("RETR 1");
            c.Send("+OK\r\n");
            var chunk = Encoding.ASCII.GetBytes(new string('A', 64 * 1024));
            for (var i = 0; i < 17; i++) c.SendBytes(chunk);
            c.Send("\r\n.\r\n");
            c.WaitForClientClose();
        });
        var client = Pop3Client.Connect(server.ClientOptions(), TestToken());
        var error = Fails(() => RetrieveAll(client, new[] { 1 }));
        Assert.Equal(Pop3ErrorKind.ProtocolError, error.Kind);
        Assert.False(client.IsConnected);
        server.AssertScriptsFollowed();
    }

    [Theory]
    [InlineData("STAT", "+OK lots\r\n")]
    [InlineData("STAT", "-ERR no\r\n")]
    [InlineData("LIST", "+OK\r\n1 100\r\ntwo 200\r\n.\r\n")]
    [InlineData("LIST", "+OK\r\n1 -5\r\n.\r\n")]
    [InlineData("UIDL", "+OK\r\n1\r\n.\r\n")]
    public void A_malformed_reply_is_a_protocol_error_and_closes(string command, string reply)
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.Send(Greeting);
            c.ExpectCapa();
            c.Expect(command);
            c.Send(reply);
            c.WaitForClientClose();
        });
        var client = Pop3Client.Connect(server.ClientOptions(), TestToken());
        Action run = command switch
        {
            "STAT" => () => client.Stat(TestToken()),
            "LIST" => () => client.List(TestToken()),
            _ => () => client.Uidl(TestToken()),
        };
        Assert.Equal(Pop3ErrorKind.ProtocolError, Fails(run).Kind);
        Assert.False(client.IsConnected);
        server.AssertScriptsFollowed();
    }

    [Fact]
    public void A_callback_that_swallows_a_read_failure_still_gets_the_connection_closed()
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.Send(Greeting);
            c.ExpectCapa();
            c.Expect("RETR 1");
            c.SendThenDrop(Encoding.ASCII.GetBytes("+OK\r\nSubject: cut"), 17);
        });
        var client = Pop3Client.Connect(server.ClientOptions(), TestToken());
        var error = Fails(() => client.Retrieve(new[] { 1 }, (n, s) =>
        {
            try { ReadAll(s); } catch (Pop3Exception) { }
        }, (n, e) => { }, TestToken()));
        Assert.Equal(Pop3ErrorKind.SessionClosed, error.Kind);
        Assert.False(client.IsConnected);
        server.AssertScriptsFollowed();
    }

    [Fact]
    public void A_hang_inside_TLS_times_out_too()
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.Send(Greeting);
            c.ExpectCapa();
            c.Expect("STAT");
            c.Hang();
        }, new ScriptedServerOptions { ImplicitTls = true });
        var timeout = TimeSpan.FromSeconds(1);
        var options = server.ClientOptions(Pop3Security.Tls, timeout);
        options.SkipCertificateCheck = true;
        var client = Pop3Client.Connect(options, TestToken());
        Assert.Equal(Pop3ErrorKind.Timeout, FailsWithin(HangBound(timeout), () => client.Stat(TestToken())).Kind);
        Assert.False(client.IsConnected);
        server.AssertScriptsFollowed();
    }

    [Fact]
    public void A_CAPA_reply_over_the_line_limit_is_a_protocol_error()
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.Send(Greeting);
            c.ExpectCapa(Enumerable.Range(0, 1001).Select(i => "X-CAP-" + i).ToArray());
            c.WaitForClientClose();
        });
        Assert.Equal(Pop3ErrorKind.ProtocolError, Fails(() => Pop3Client.Connect(server.ClientOptions(), TestToken())).Kind);
        server.AssertScriptsFollowed();
    }

    [Fact]
    public void A_drop_at_every_byte_of_a_RETR_reply_inside_TLS_is_SessionClosed()
    {
        var reply = Encoding.ASCII.GetBytes(RetrReply);
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.Send(Greeting);
            c.ExpectCapa();
            c.Expect("RETR 1");
            if (c.Index < reply.Length) c.SendThenDrop(reply, c.Index);
        }, new ScriptedServerOptions { ImplicitTls = true });
        var options = server.ClientOptions(Pop3Security.Tls);
        options.SkipCertificateCheck = true;
        for (var cut = 0; cut < reply.Length; cut++)
        {
            using var client = Pop3Client.Connect(options, TestToken());
            var error = Fails(() => RetrieveAll(client, new[] { 1 }));
            Assert.True(error.Kind == Pop3ErrorKind.SessionClosed, "cut at byte " + cut + ": " + error.Kind + " " + error.Message);
            Assert.False(client.IsConnected);
        }
        server.AssertScriptsFollowed();
    }

    [Fact]
    public void A_server_that_never_answers_the_TLS_handshake_is_a_handshake_failure()
    {
        using var server = ScriptedPop3Server.Start(c => c.Hang());
        var timeout = TimeSpan.FromSeconds(1);
        var error = FailsWithin(HangBound(timeout), () => Pop3Client.Connect(server.ClientOptions(Pop3Security.Tls, timeout), TestToken()));
        Assert.Equal(Pop3ErrorKind.TlsHandshakeFailed, error.Kind);
        Assert.Contains("implicit TLS", error.Hint);
    }

    [Fact]
    public void A_client_that_goes_off_script_is_recorded_not_mistaken_for_a_drop()
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.Send(Greeting);
            c.ExpectCapa();
            c.Expect("LIST");
            c.Send("+OK\r\n.\r\n");
        });
        using (var client = Pop3Client.Connect(server.ClientOptions(), TestToken()))
        {
            // The script wants LIST; STAT ends the connection just as a drop would.
            Assert.Equal(Pop3ErrorKind.SessionClosed, Fails(() => client.Stat(TestToken())).Kind);
        }
        server.WaitForScripts();
        Assert.Equal(new[] { "STAT" }, server.UnexpectedCommands);
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => server.AssertScriptsFollowed());
    }
}
