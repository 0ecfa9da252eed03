using System.Text;
using Pop3Tools.Engine.Mailbox.Export;
using Pop3Tools.Engine.Mime;

namespace Pop3Tools.Engine.Tests.Mailbox.Export
{
    /// <summary>
    /// An exported message's Subject, From and Date come from its header block cut down to those
    /// fields: they must be what a full parse of the block gives.
    /// </summary>
    public sealed class HeaderCaptureTests
    {
        public static TheoryData<string> Blocks => new()
        {
            "Received: from a by b; Mon, 1 Dec 2026 10:00:00 +0000\r\nFrom: Ann <ann@example.org>\r\nSubject: Plain\r\nDate: Mon, 1 Dec 2026 10:00:00 +0000\r\n\r\nbody\r\n",
            "SUBJECT: =?UTF-8?B?w5xiZXJzaWNodA==?=\r\n  folded on\r\n\tand on\r\nfROM: \"Doe, Jane\" <jane@example.org>,\r\n bob@example.org\r\nDATE: Tue, 2 Dec 2026 08:30:00 -0500 (EST)\r\n\r\n",
            "From: first@example.org\r\nFrom: second@example.org\r\nSubject : spaced name\r\nSubject: second subject\r\n\r\n",
            "X-Subject: not this\r\nFromage: not this either\r\nDated: nor this\r\nTo: Team: a@example.org, b@example.org;\r\nFrom: Team: c@example.org;\r\n\r\n",
            "Subject: no date and a block cut short\r\nDate: not a date at all\r\nFrom: x@example.org",
            "Subject: bare line ends\nFrom: lf@example.org\nDate: Wed, 3 Dec 2026 12:00:00 +0100\n\nbody\n",
            "\r\nSubject: in the body, not a header\r\n",
            "Subject:\r\nFrom:\r\nDate:\r\n\r\n",
        };

        [Theory]
        [MemberData(nameof(Blocks))]
        public void Subject_from_and_date_match_a_full_parse_of_the_block(string block)
        {
            var bytes = Encoding.UTF8.GetBytes(block);
            var capture = new HeaderCapture();
            // In two chunks split mid-line, as the network hands them over.
            capture.Add(bytes, 0, bytes.Length / 2);
            capture.Add(bytes, bytes.Length / 2, bytes.Length - bytes.Length / 2);

            var full = MessageHeaders.Parse(new MemoryStream(bytes));
            var summary = capture.Read();

            Assert.Equal(full.Subject, summary.Subject);
            Assert.Equal(full.From.FirstOrDefault(), summary.From);
            Assert.Equal(full.Date, summary.Date);
        }

        [Fact]
        public void A_line_beyond_reading_elsewhere_in_the_block_does_not_hide_the_three_fields()
        {
            var bytes = Encoding.UTF8.GetBytes("From sender@example.org Mon Dec  1 10:00:00 2026\r\nSubject: still read\r\nFrom: a@example.org\r\n\r\n");
            Assert.Throws<Pop3Exception>(() => MessageHeaders.Parse(new MemoryStream(bytes)));
            var capture = new HeaderCapture();
            capture.Add(bytes, 0, bytes.Length);

            var summary = capture.Read();

            Assert.Equal("still read", summary.Subject);
            Assert.Equal("a@example.org", summary.From);
        }
    }
}
