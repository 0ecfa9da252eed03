using System.Text;
using Pop3Tools.Engine.Mime;

namespace Pop3Tools.Engine.Tests.Mime
{
    public class HeaderReaderTests
    {
        public HeaderReaderTests() => CodePages.Register();

        private static List<HeaderField> Read(string text) => HeaderReader.Read(new MemoryStream(Encoding.ASCII.GetBytes(text)));

        [Theory]
        [InlineData("\r\n")]
        [InlineData("\n")]
        public void ReadsFieldsUpToTheEmptyLine(string eol)
        {
            var fields = Read("From: a@example.com" + eol + "Subject: Hi" + eol + eol + "Body: not a header" + eol);

            Assert.Equal(new[] { "From", "Subject" }, fields.Select(f => f.Name));
            Assert.Equal(new[] { "a@example.com", "Hi" }, fields.Select(f => f.RawValue));
        }

        // RFC 5322 §2.2.3: unfolding removes the CRLF, keeping the whitespace that follows.
        [Fact]
        public void Unfolds_KeepingTheFoldingWhitespace()
        {
            var fields = Read("Subject: This\r\n is a test\r\n\tand more\r\nTo: x@example.com\r\n\r\n");

            Assert.Equal("This is a test\tand more", fields[0].RawValue);
            Assert.Equal("x@example.com", fields[1].RawValue);
        }

        [Fact]
        public void ObsoleteWhitespaceBeforeColon_AndEmptyValues()
        {
            var fields = Read("Subject  : spaced\r\nX-Empty:\r\nX-Blank:   \r\n\r\n");

            Assert.Equal(new[] { "Subject", "X-Empty", "X-Blank" }, fields.Select(f => f.Name));
            Assert.Equal(new[] { "spaced", "", "" }, fields.Select(f => f.RawValue));
        }

        [Fact]
        public void SkipsLinesThatAreNoField()
        {
            var fields = Read("From sender@example.com Mon Jan  1 10:00:00 2024\r\n  stray continuation\r\ngarbage line\r\nSubject: ok\r\n\r\n");

            Assert.Equal(new[] { "Subject" }, fields.Select(f => f.Name));
        }

        [Fact]
        public void MessageWithoutBody_EndsAtEndOfStream()
        {
            var fields = Read("Subject: no body\r\nX-Last: without newline");

            Assert.Equal(new[] { "no body", "without newline" }, fields.Select(f => f.RawValue));
        }

        [Fact]
        public void Utf8HeaderBytes_DecodeAsUtf8()
        {
            var bytes = Encoding.UTF8.GetBytes("Subject: Grüße aus 東京\r\n\r\n");

            Assert.Equal("Grüße aus 東京", HeaderReader.Read(new MemoryStream(bytes))[0].RawValue);
        }

        [Fact]
        public void Legacy8BitHeaderBytes_DecodeAsWindows1252()
        {
            var head = Encoding.ASCII.GetBytes("Subject: ");
            var text = CodePages.Get(1252).GetBytes("“Grüße”");
            var tail = Encoding.ASCII.GetBytes("\r\n\r\n");

            var fields = HeaderReader.Read(new MemoryStream(head.Concat(text).Concat(tail).ToArray()));

            Assert.Equal("“Grüße”", fields[0].RawValue);
        }

        [Fact]
        public void SeekableStream_IsLeftAtTheBody()
        {
            var stream = new MemoryStream(Encoding.ASCII.GetBytes("Subject: x\r\n\r\nBODY"));

            HeaderReader.Read(stream);

            Assert.Equal("BODY", new StreamReader(stream).ReadToEnd());
        }

        [Fact]
        public void ForwardOnlyStream_IsNotReadPastTheHeader()
        {
            var stream = new ForwardOnlyStream(Encoding.ASCII.GetBytes("Subject: x\n\nBODY"));

            HeaderReader.Read(stream);

            Assert.Equal("BODY", new StreamReader(stream).ReadToEnd());
        }

        [Fact]
        public void OversizedHeaderBlock_IsProtocolError()
        {
            var text = "Subject: " + new string('a', HeaderReader.DefaultMaxHeaderBytes) + "\r\n\r\n";

            var error = Assert.Throws<Pop3Exception>(() => Read(text));

            Assert.Equal(Pop3ErrorKind.ProtocolError, error.Kind);
            Assert.Contains("1048576 bytes", error.Message);
        }

        [Fact]
        public void TooManyFields_IsProtocolError()
        {
            var text = string.Concat(Enumerable.Repeat("X: y\r\n", HeaderReader.DefaultMaxFields + 1)) + "\r\n";

            var error = Assert.Throws<Pop3Exception>(() => Read(text));

            Assert.Equal(Pop3ErrorKind.ProtocolError, error.Kind);
            Assert.Contains("10000 header fields", error.Message);
        }

        [Fact]
        public void ExactlyAtTheFieldLimit_IsAccepted()
        {
            var text = string.Concat(Enumerable.Repeat("X: y\r\n", HeaderReader.DefaultMaxFields)) + "\r\n";

            Assert.Equal(HeaderReader.DefaultMaxFields, Read(text).Count);
        }

        [Fact]
        public void SmallLimits_AreHonoured()
        {
            var stream = new MemoryStream(Encoding.ASCII.GetBytes("Subject: 0123456789\r\n\r\n"));

            Assert.Throws<Pop3Exception>(() => HeaderReader.Read(stream, maxHeaderBytes: 10));
        }

        private sealed class ForwardOnlyStream : Stream
        {
            private readonly MemoryStream inner;

            public ForwardOnlyStream(byte[] bytes) => inner = new MemoryStream(bytes);

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
