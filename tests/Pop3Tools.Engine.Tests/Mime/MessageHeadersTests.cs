using System.Text;
using Pop3Tools.Engine.Mime;

namespace Pop3Tools.Engine.Tests.Mime
{
    public class MessageHeadersTests
    {
        public MessageHeadersTests() => CodePages.Register();

        private static MessageHeaders Parse(string text) => MessageHeaders.Parse(new MemoryStream(Encoding.UTF8.GetBytes(text)));

        // RFC 5322 Appendix A.1.1 plus RFC 2047 §8 headers.
        [Fact]
        public void AppendixA_Message()
        {
            var headers = Parse(
                "From: John Doe <jdoe@machine.example>\r\n" +
                "To: Mary Smith <mary@example.net>\r\n" +
                "CC: =?ISO-8859-1?Q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>\r\n" +
                "Subject: =?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?=\r\n" +
                "    =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?=\r\n" +
                "Date: Fri, 21 Nov 1997 09:55:06 -0600\r\n" +
                "Message-ID: <1234@local.machine.example>\r\n" +
                "\r\n" +
                "This is a message just to say hello.\r\n");

            Assert.Equal("If you can read this you understand the example.", headers.Subject);
            Assert.Equal("John Doe <jdoe@machine.example>", Assert.Single(headers.From));
            Assert.Equal("Mary Smith <mary@example.net>", Assert.Single(headers.To));
            Assert.Equal("André Pirard <PIRARD@vm1.ulg.ac.be>", Assert.Single(headers.Cc));
            Assert.Empty(headers.ReplyTo);
            Assert.Equal(new DateTimeOffset(1997, 11, 21, 9, 55, 6, TimeSpan.FromHours(-6)), headers.Date);
            Assert.Equal("1234@local.machine.example", headers.MessageId);
            Assert.Equal(6, headers.Headers.Count);
        }

        [Fact]
        public void MissingFields_GiveEmptyOrNull()
        {
            var headers = Parse("X-Only: 1\r\n\r\n");

            Assert.Equal("", headers.Subject);
            Assert.Empty(headers.From);
            Assert.Empty(headers.To);
            Assert.Null(headers.Date);
            Assert.Null(headers.MessageId);
        }

        [Fact]
        public void UnparseableDate_IsNull()
        {
            Assert.Null(Parse("Date: someday soon\r\n\r\n").Date);
        }

        [Fact]
        public void HeaderValues_AreDecoded_RawValuesAreNot()
        {
            var headers = Parse("Subject: =?UTF-8?B?5pel5pys6Kqe?=\r\nsubject: second\r\n\r\n");

            Assert.Equal("日本語", headers.Headers["SUBJECT"]);
            Assert.Equal("=?UTF-8?B?5pel5pys6Kqe?=", headers.Headers[0].RawValue);
            Assert.Equal("Subject", headers.Headers[0].Name);
            Assert.Equal(new[] { "日本語", "second" }, headers.Headers.GetAll("Subject"));
            Assert.True(headers.Headers.Contains("subject"));
            Assert.False(headers.Headers.Contains("Date"));
            Assert.Null(headers.Headers["Date"]);
            Assert.Empty(headers.Headers.GetAll("Date"));
        }

        [Fact]
        public void Iso2022JpSubject_FoldedOverTwoWords()
        {
            const string subject = "【重要】システムメンテナンスのお知らせ";
            var bytes = CodePages.Get(50220).GetBytes(subject);
            var half = bytes.Length / 2;
            var text = "Subject: =?ISO-2022-JP?B?" + Convert.ToBase64String(bytes, 0, half) + "?=\r\n" +
                       " =?ISO-2022-JP?B?" + Convert.ToBase64String(bytes, half, bytes.Length - half) + "?=\r\n\r\n";

            Assert.Equal(subject, Parse(text).Subject);
        }

        [Fact]
        public void RawUtf8Headers_Rfc6532()
        {
            var headers = Parse("From: 山田 <yamada@例え.jp>\r\nSubject: こんにちは\r\n\r\n");

            Assert.Equal("こんにちは", headers.Subject);
            Assert.Equal("山田 <yamada@例え.jp>", Assert.Single(headers.From));
        }

        [Fact]
        public void AddressFieldsRepeated_AreCombined()
        {
            var headers = Parse("To: a@example.com\r\nTo: b@example.com, c@example.com\r\nReply-To: Team: d@example.com;\r\n\r\n");

            Assert.Equal(new[] { "a@example.com", "b@example.com", "c@example.com" }, headers.To);
            Assert.Equal("d@example.com", Assert.Single(headers.ReplyTo));
        }

        [Theory]
        [InlineData("<abc@example.com>", "abc@example.com")]
        [InlineData("  <abc@example.com>  (comment)", "abc@example.com")]
        [InlineData("(comment) <abc@example.com>", "abc@example.com")]
        [InlineData("abc@example.com", "abc@example.com")]
        [InlineData("<abc@example.com", "abc@example.com")]
        [InlineData("<a@x> <b@y>", "a@x")]
        public void MessageId_WithoutAngleBrackets(string raw, string expected)
        {
            Assert.Equal(expected, Parse("Message-ID: " + raw + "\r\n\r\n").MessageId);
        }

        [Fact]
        public void MessageIdFolded()
        {
            Assert.Equal("abc@example.com", Parse("Message-Id:\r\n <abc@example.com>\r\n\r\n").MessageId);
        }

        [Fact]
        public void UnreadableDate_LeavesDateNullAndTheRestListed()
        {
            var headers = Parse("Date: \u0661 Jan 2024 \u0661\u0660:\u0660\u0660:\u0660\u0660 +\u0660\u0661\u0660\u0660\r\nSubject: kept\r\n\r\n");

            Assert.Null(headers.Date);
            Assert.Equal("kept", headers.Subject);
        }

        [Fact]
        public void TooManyFields_IsMessageMalformed()
        {
            var text = string.Concat(Enumerable.Repeat("X: y\r\n", MimeLimits.MaxHeaderFields + 1)) + "\r\n";

            Assert.Equal(Pop3ErrorKind.MessageMalformed, Assert.Throws<Pop3Exception>(() => Parse(text)).Kind);
        }

        [Fact]
        public void FieldsUpToTheLimit_AreListed()
        {
            var text = string.Concat(Enumerable.Repeat("X: y\r\n", MimeLimits.MaxHeaderFields)) + "\r\n";

            Assert.Equal(MimeLimits.MaxHeaderFields, Parse(text).Headers.Count);
        }

        [Fact]
        public void HeaderCollection_EnumeratesInOrder()
        {
            var headers = Parse("A: 1\r\nB: 2\r\nA: 3\r\n\r\n").Headers;

            Assert.Equal(new[] { "A: 1", "B: 2", "A: 3" }, headers.Select(h => h.ToString()));
            Assert.Equal("1", headers["a"]);
            Assert.Equal(2, headers.GetFields("A").Count);
        }
    }
}
