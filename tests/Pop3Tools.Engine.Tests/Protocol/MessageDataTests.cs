using System.Text;
using Pop3Tools.Engine.Protocol;
using Pop3Tools.Engine.Tests.Scripted;
using static Pop3Tools.Engine.Tests.Protocol.ClientHelpers;

namespace Pop3Tools.Engine.Tests.Protocol;

public class MessageDataTests
{
    /// <summary>Serves one RETR 1 with the given raw reply body (after "+OK\r\n", terminator included).</summary>
    private static string Retrieve(string rawBody, Func<Stream, string>? reader = null)
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.SendLine("+OK hello");
            c.ExpectCapa();
            c.Expect("RETR 1");
            c.Send("+OK\r\n" + rawBody);
        });
        using var client = Pop3Client.Connect(server.ClientOptions(), TestToken());
        string? text = null;
        client.Retrieve(new[] { 1 }, (n, s) => text = (reader ?? ReadAll)(s), (n, e) => throw e, TestToken());
        server.AssertScriptsSucceeded();
        return text!;
    }

    [Theory]
    [InlineData("..\r\n.\r\n", ".\r\n")]
    [InlineData(".. leading space\r\n.\r\n", ". leading space\r\n")]
    [InlineData("...\r\n.\r\n", "..\r\n")]
    [InlineData("a.\r\n.b\r\n.\r\n", "a.\r\nb\r\n")]
    [InlineData(".\r\n", "")]
    [InlineData("\r\n\r\n.\r\n", "\r\n\r\n")]
    [InlineData("bare\nline feeds\n..\n.\n", "bare\r\nline feeds\r\n.\r\n")]
    [InlineData("lone\rcarriage return\r\n.\r\n", "lone\rcarriage return\r\n")]
    [InlineData("ends with cr\r\r\n.\r\n", "ends with cr\r\r\n")]
    public void Dot_stuffing_is_removed_and_lines_end_with_CRLF(string raw, string expected)
    {
        Assert.Equal(expected, Retrieve(raw));
        // One byte per read exercises every state boundary, including a CRLF split across reads.
        Assert.Equal(expected, Retrieve(raw, ReadByteByByte));
    }

    [Fact]
    public void A_large_message_streams_back_exactly_as_it_was_before_stuffing()
    {
        var random = new Random(1939);
        var lines = new List<string>();
        var total = 0;
        while (total < 600_000)
        {
            var line = new StringBuilder();
            if (random.Next(5) == 0) line.Append('.');
            var length = random.Next(0, 300);
            for (var i = 0; i < length; i++) line.Append((char)random.Next(0x20, 0x7F));
            lines.Add(line.ToString());
            total += line.Length + 2;
        }
        // Stuffing per RFC 1939 section 3: prepend '.' to every line that starts with one.
        var stuffed = string.Concat(lines.Select(l => (l.StartsWith('.') ? "." + l : l) + "\r\n")) + ".\r\n";
        var original = string.Concat(lines.Select(l => l + "\r\n"));
        Assert.Equal(original, Retrieve(stuffed));
    }

    [Fact]
    public void What_a_callback_leaves_unread_is_drained_before_the_next_reply()
    {
        using var server = ScriptedPop3Server.Start(c =>
        {
            c.SendLine("+OK hello");
            c.ExpectCapa();
            c.Expect("RETR 1");
            c.Send("+OK\r\n" + string.Concat(Enumerable.Repeat("filler line\r\n", 5000)) + ".\r\n");
            c.Expect("RETR 2");
            c.Send("+OK\r\nsecond\r\n.\r\n");
            c.Expect("TOP 1 0");
            c.Send("+OK\r\nheader: only\r\n\r\n.\r\n");
        });
        using var client = Pop3Client.Connect(server.ClientOptions(), TestToken());
        var seen = new Dictionary<int, string>();
        client.Retrieve(new[] { 1, 2 }, (n, s) =>
        {
            if (n == 1) s.ReadByte();
            else seen[n] = ReadAll(s);
        }, (n, e) => throw e, TestToken());
        Assert.Equal("second\r\n", seen[2]);
        client.Top(new[] { 1 }, 0, (n, s) => { }, (n, e) => throw e, TestToken());
        Assert.True(client.IsConnected);
        server.AssertScriptsSucceeded();
    }

    private static string ReadByteByByte(Stream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (stream.Read(one, 0, 1) == 1) bytes.Add(one[0]);
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
