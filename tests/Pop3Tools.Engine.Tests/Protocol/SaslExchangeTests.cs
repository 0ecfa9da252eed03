using System.Net;
using System.Net.Sockets;
using Pop3Tools.Engine.Authentication;
using Pop3Tools.Engine.Protocol;
using Pop3Tools.Engine.Tests.Scripted;
using static Pop3Tools.Engine.Tests.Protocol.ClientHelpers;

namespace Pop3Tools.Engine.Tests.Protocol;

/// <summary>The AUTH dialogue itself, driven with mechanisms none of the real ones can play.</summary>
public class SaslExchangeTests
{
    /// <summary>Answers every challenge and never completes: only the exchange's own bound ends it.</summary>
    private sealed class EndlessMechanism : ISaslMechanism
    {
        public string Name => "X-ENDLESS";
        public bool HasInitialResponse => false;
        public byte[] Respond(byte[] challenge) => new byte[] { (byte)'a' };
        public bool IsComplete => false;
        public string? ServerError => null;
    }

    private static Pop3Channel Open(ScriptedPop3Server server)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Connect(IPAddress.Loopback, server.Port);
        return new Pop3Channel(new Pop3Transport(socket, TimeSpan.FromSeconds(5)), new ProtocolLog(null));
    }

    [Fact]
    public void Too_many_challenges_are_cancelled_with_a_star_in_place_of_an_answer()
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.Expect("AUTH X-ENDLESS");
            for (var round = 0; round < ProtocolLimits.MaxSaslRounds; round++)
            {
                c.SendLine("+ ");
                c.Expect("YQ==");
            }
            c.SendLine("+ ");
            c.Expect("*");
            c.SendLine("-ERR cancelled");
            c.Expect("NOOP");
            c.SendLine("+OK");
        });
        var channel = Open(server);
        try
        {
            var error = Fails(() => SaslExchange.Run(channel, new EndlessMechanism(), null));
            Assert.Equal(Pop3ErrorKind.AuthenticationFailed, error.Kind);
            // In step: the next reply is the one to the next command.
            channel.Send("NOOP");
            Assert.True(channel.ReadReply().IsOk);
            server.AssertScriptsSucceeded();
        }
        finally
        {
            channel.Transport.Dispose();
        }
    }
}
