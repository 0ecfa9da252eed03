using System.Text;
using Pop3Tools.Engine.Mime;

namespace Pop3Tools.Engine.Tests.Mime
{
    /// <summary>
    /// Hostile structures through real MimeKit: each ends in a typed, per-message
    /// Pop3.MessageMalformed, never a stack overflow or an unbounded buffer.
    /// </summary>
    public class ParseLimitTests
    {
        private const string Head = "From: a@example.com\r\nSubject: limits\r\nMIME-Version: 1.0\r\n";

        private static Pop3MessageInfo Listing(long size) => new Pop3MessageInfo(null!, 1, "uid-1", size);

        private static Pop3Message Parse(byte[] bytes, bool keepRaw = false) =>
            MessageParser.Parse(new MemoryStream(bytes), Listing(bytes.Length), keepRaw, CancellationToken.None);

        private static Pop3Exception Refused(byte[] bytes)
        {
            var error = Assert.Throws<Pop3Exception>(() => Parse(bytes));
            Assert.Equal(Pop3ErrorKind.MessageMalformed, error.Kind);
            Assert.Equal("Pop3.MessageMalformed", error.ErrorId);
            Assert.False(string.IsNullOrEmpty(error.Hint));
            return error;
        }

        private static byte[] NestedMultiparts(int levels)
        {
            var text = new StringBuilder(Head).Append("Content-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
            for (var i = 1; i < levels; i++)
            {
                text.Append("--b").Append(i - 1).Append("\r\nContent-Type: multipart/mixed; boundary=\"b").Append(i).Append("\"\r\n\r\n");
            }

            text.Append("--b").Append(levels - 1).Append("\r\nContent-Type: text/plain\r\n\r\ninnermost\r\n");
            for (var i = levels - 1; i >= 0; i--)
            {
                text.Append("--b").Append(i).Append("--\r\n");
            }

            return Encoding.ASCII.GetBytes(text.ToString());
        }

        private static byte[] NestedMessages(int levels)
        {
            var text = new StringBuilder();
            for (var i = 0; i < levels; i++)
            {
                text.Append("Subject: level ").Append(i).Append("\r\nContent-Type: message/rfc822\r\n\r\n");
            }

            text.Append("Subject: innermost\r\n\r\ntext\r\n");
            return Encoding.ASCII.GetBytes(text.ToString());
        }

        private static byte[] ManyParts(int count)
        {
            var text = new StringBuilder(Head).Append("Content-Type: multipart/mixed; boundary=\"p\"\r\n\r\n");
            for (var i = 0; i < count; i++)
            {
                text.Append("--p\r\nContent-Type: text/plain\r\n\r\n").Append(i).Append("\r\n");
            }

            return Encoding.ASCII.GetBytes(text.Append("--p--\r\n").ToString());
        }

        private static string HugeFoldedField(int bytes)
        {
            var text = new StringBuilder("X-Filler: start", bytes + 100);
            while (text.Length < bytes)
            {
                text.Append("\r\n ").Append('a', 70);
            }

            return text.Append("\r\n").ToString();
        }

        [Fact]
        public void TenThousandNestedMultiparts_AreRefused()
        {
            Assert.Contains(MimeLimits.MaxDepth.ToString(), Refused(NestedMultiparts(10000)).Message);
        }

        [Fact]
        public void TenThousandNestedMessages_AreRefused()
        {
            Refused(NestedMessages(10000));
        }

        [Fact]
        public void NestingWithinTheLimit_IsParsed()
        {
            var message = Parse(NestedMultiparts(20));

            Assert.Equal("limits", message.Subject);
            Assert.Equal("innermost", message.TextBody);
        }

        [Fact]
        public void HundredThousandParts_AreRefused()
        {
            Assert.Contains(MimeLimits.MaxParts.ToString(), Refused(ManyParts(100000)).Message);
        }

        [Fact]
        public void PartsWithinTheLimit_AreParsed()
        {
            // The CRLF before a boundary belongs to the boundary (RFC 2046 section 5.1.1).
            Assert.Equal("0", Parse(ManyParts(1000)).TextBody);
        }

        [Fact]
        public void FiveMegabyteHeaderField_IsRefused()
        {
            Refused(Encoding.ASCII.GetBytes(Head + HugeFoldedField(5 * 1024 * 1024) + "\r\nbody\r\n"));
        }

        [Fact]
        public void FiveMegabytesOfHeaderFields_AreRefused()
        {
            var fields = string.Concat(Enumerable.Range(0, 70000).Select(i => "X-Filler-" + i + ": " + new string('a', 60) + "\r\n"));

            Refused(Encoding.ASCII.GetBytes(Head + fields + "\r\nbody\r\n"));
        }

        [Fact]
        public void FiveMegabyteHeaderInAPart_IsRefused()
        {
            var text = Head + "Content-Type: multipart/mixed; boundary=\"p\"\r\n\r\n--p\r\nContent-Type: text/plain\r\n" +
                       HugeFoldedField(5 * 1024 * 1024) + "\r\nbody\r\n--p--\r\n";

            Refused(Encoding.ASCII.GetBytes(text));
        }

        [Fact]
        public void FiveMegabyteHeader_InTheListing_IsRefusedAfterTheLimit()
        {
            var stream = new MemoryStream(Encoding.ASCII.GetBytes(Head + HugeFoldedField(5 * 1024 * 1024) + "\r\n"));

            var error = Assert.Throws<Pop3Exception>(() => MessageHeaders.Parse(stream));

            Assert.Equal(Pop3ErrorKind.MessageMalformed, error.Kind);
            // Refused once the field passed its limit, not after buffering the whole 5 MB.
            Assert.InRange(stream.Position, MimeLimits.MaxFieldBytes, MimeLimits.MaxFieldBytes + 64 * 1024);
        }

        [Fact]
        public void ManyFieldsOverAMegabyte_InTheListing_AreRefusedAfterTheLimit()
        {
            var fields = string.Concat(Enumerable.Range(0, 9000).Select(i => "X-Filler-" + i + ": " + new string('a', 200) + "\r\n"));
            var stream = new MemoryStream(Encoding.ASCII.GetBytes(Head + fields + "\r\n"));

            Assert.Equal(Pop3ErrorKind.MessageMalformed, Assert.Throws<Pop3Exception>(() => MessageHeaders.Parse(stream)).Kind);
            Assert.InRange(stream.Position, MimeLimits.MaxHeaderBytes, MimeLimits.MaxHeaderBytes + 64 * 1024);
        }

        [Fact]
        public void FoldedFieldTooLong_IsRefusedWhenTheRawBytesAreKept()
        {
            var bytes = Encoding.ASCII.GetBytes(Head + HugeFoldedField(MimeLimits.MaxFieldBytes + 1000) + "\r\nbody\r\n");

            Assert.Equal(Pop3ErrorKind.MessageMalformed, Assert.Throws<Pop3Exception>(() => Parse(bytes, keepRaw: true)).Kind);
        }

        [Fact]
        public void LongRecipientList_WithinTheFieldLimit_IsListed()
        {
            var to = "To: " + string.Join(",\r\n ", Enumerable.Range(0, 1000).Select(i => "user" + i + "@example.com")) + "\r\n";

            var headers = MessageHeaders.Parse(new MemoryStream(Encoding.ASCII.GetBytes(Head + to + "\r\n")));

            Assert.Equal(1000, headers.To.Length);
        }

        [Fact]
        public void IndentedBodyLines_AreNoHeaderField()
        {
            var body = string.Concat(Enumerable.Repeat("    indented text line of a long listing\r\n", 5000));

            var message = Parse(Encoding.ASCII.GetBytes(Head + "Content-Type: text/plain\r\n\r\n" + body));

            Assert.Equal(body.Replace("\r\n", Environment.NewLine), message.TextBody);
        }

        [Fact]
        public void EmptyMessage_IsRefused()
        {
            Refused(Array.Empty<byte>());
        }

        [Fact]
        public void RawBytes_OnlyWhenAskedFor()
        {
            var bytes = Encoding.ASCII.GetBytes(Head + "Content-Type: text/plain\r\n\r\nhello\r\n");

            Assert.Null(Parse(bytes).RawMessage);
            var kept = Parse(bytes, keepRaw: true);
            Assert.Equal(bytes, kept.RawMessage);
            Assert.Equal("hello" + Environment.NewLine, kept.TextBody);
        }
    }
}
