using System.Diagnostics;
using System.Text;
using Pop3Tools.Engine.Mime;

namespace Pop3Tools.Engine.Tests.Mime
{
    /// <summary>
    /// MimeKit parses a header field folded over many lines in quadratic time (256 KB: 4.5 s),
    /// wherever the header block is: an attached message's, a digest part's, a
    /// text/rfc822-headers body. Each is refused as Pop3.MessageMalformed well within a
    /// generous bound; indented body text, which MimeKit never reads as a header, still parses.
    /// </summary>
    public class NestedHeaderGuardTests
    {
        private const string Head = "From: a@example.com\r\nSubject: outer\r\nMIME-Version: 1.0\r\n";

        /// <summary>A hang detector, not a speed test: the unguarded parse of a 256 KB field took 4.5 s, and grows with its square.</summary>
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(3);

        private static string FoldedSubject(int bytes)
        {
            var text = new StringBuilder("Subject: start", bytes + 100);
            while (text.Length < bytes) text.Append("\r\n ").Append('a', 70);
            return text.Append("\r\n").ToString();
        }

        private static string Multipart(string type, string part) =>
            Head + "Content-Type: " + type + "; boundary=\"p\"\r\n\r\npreamble\r\n--p\r\n" + part + "\r\n--p--\r\n";

        private static string Attached(string innerHeader, string innerBody = "inner body\r\n") =>
            Multipart("multipart/mixed", "Content-Type: text/plain\r\n\r\nouter body\r\n--p\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment; filename=\"forwarded.eml\"\r\n\r\n" +
                                         "From: b@example.com\r\n" + innerHeader + "\r\n" + innerBody);

        private static Pop3Message Parse(string text, bool keepRaw)
        {
            var bytes = Encoding.ASCII.GetBytes(text);
            return MessageParser.Parse(new MemoryStream(bytes), new Pop3MessageInfo(null!, 1, "uid-1", bytes.Length), keepRaw, CancellationToken.None);
        }

        private static void RefusedWithinBound(string text, bool keepRaw)
        {
            var clock = Stopwatch.StartNew();
            var error = Assert.Throws<Pop3Exception>(() => Parse(text, keepRaw));
            clock.Stop();

            Assert.Equal(Pop3ErrorKind.MessageMalformed, error.Kind);
            Assert.Contains("header field longer than", error.Message);
            Assert.True(clock.Elapsed < Bound, "took " + clock.Elapsed.TotalSeconds + " s");
        }

        public static IEnumerable<object[]> Hostile()
        {
            var subject = FoldedSubject(256 * 1024);
            var cases = new Dictionary<string, string>
            {
                ["attached message/rfc822"] = Attached(subject),
                ["message/rfc822 as the whole body"] = Head + "Content-Type: message/rfc822\r\n\r\n" + subject + "\r\nbody\r\n",
                ["Content-Type folded onto its own line"] = Head + "Content-Type:\r\n message/rfc822;\r\n name=\"x.eml\"\r\n\r\n" + subject + "\r\nbody\r\n",
                ["upper-case MESSAGE/RFC822 with parameters"] = Multipart("multipart/mixed", "Content-Type: MESSAGE/RFC822; name=x\r\nContent-Disposition: attachment\r\n\r\n" + subject + "\r\nbody"),
                ["message/global"] = Multipart("multipart/mixed", "Content-Type: message/global\r\n\r\n" + subject + "\r\nbody"),
                ["text/rfc822-headers in a report"] = Multipart("multipart/report; report-type=delivery-status", "Content-Type: text/rfc822-headers\r\n\r\n" + subject),
                ["a digest part without Content-Type"] = Multipart("multipart/digest", "\r\n" + subject + "\r\nbody"),
                ["a message attached inside an attached message"] = Attached("Subject: middle\r\nContent-Type: message/rfc822\r\n", subject + "\r\ninnermost\r\n"),
                ["a multipart inside an attached message"] = Attached("Subject: middle\r\nContent-Type: multipart/mixed; boundary=\"q\"\r\n",
                    "--q\r\nContent-Type: message/rfc822\r\n\r\n" + subject + "\r\nbody\r\n--q--\r\n"),
            };
            foreach (var (name, text) in cases)
            {
                yield return new object[] { name, text, false };
                yield return new object[] { name, text, true };
            }
        }

        [Theory]
        [MemberData(nameof(Hostile))]
        public void HugeFoldedField_InAnEmbeddedHeaderBlock_IsRefusedWithinTheBound(string name, string text, bool keepRaw)
        {
            Assert.NotNull(name);
            RefusedWithinBound(text, keepRaw);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void AttachedMessage_WithALongFoldedRecipientList_IsParsed(bool keepRaw)
        {
            var to = "To: " + string.Join(",\r\n ", Enumerable.Range(0, 1000).Select(i => "user" + i + "@example.com")) + "\r\n";

            var message = Parse(Attached(to + "Subject: inner\r\n"), keepRaw);

            Assert.Equal("outer", message.Subject);
            Assert.Single(message.Attachments);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void IndentedBodyLines_InPartsAndAttachedMessages_AreNoHeaderField(bool keepRaw)
        {
            // Over 64 KB of indented lines in a part's body, in an attached message's body, and in a digest's message body.
            var listing = string.Concat(Enumerable.Repeat("    indented text line of a long listing\r\n", 5000));
            var attached = Attached("Subject: inner\r\n", listing);
            var digest = Multipart("multipart/digest", "\r\nSubject: digested\r\n\r\n" + listing);
            var part = Multipart("multipart/mixed", "Content-Type: text/plain\r\n\r\n" + listing);

            Assert.Single(Parse(attached, keepRaw).Attachments);
            Assert.Equal("outer", Parse(digest, keepRaw).Subject);
            Assert.Equal(listing.Replace("\r\n", Environment.NewLine).TrimEnd(), Parse(part, keepRaw).TextBody?.TrimEnd());
        }

        [Fact]
        public void Listing_ReadsOnlyTheTopHeaderBlock_SoANestedHugeFieldNeverReachesMimeKit()
        {
            var stream = new MemoryStream(Encoding.ASCII.GetBytes(Attached(FoldedSubject(256 * 1024))));
            var clock = Stopwatch.StartNew();

            var headers = MessageHeaders.Parse(stream);

            Assert.Equal("outer", headers.Subject);
            Assert.True(clock.Elapsed < Bound, "took " + clock.Elapsed.TotalSeconds + " s");
        }
    }
}
