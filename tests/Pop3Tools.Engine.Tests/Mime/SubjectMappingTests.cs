using System.Text;
using Pop3Tools.Engine.Mime;

namespace Pop3Tools.Engine.Tests.Mime
{
    /// <summary>The Subject column: RFC 2047 words in the charsets Japanese mail uses, decoded by MimeKit.</summary>
    public class SubjectMappingTests
    {
        public SubjectMappingTests() => CodePages.Register();

        private static string Subject(string value) =>
            MessageHeaders.Parse(new MemoryStream(Encoding.UTF8.GetBytes("Subject: " + value + "\r\n\r\n"))).Subject;

        [Theory]
        [InlineData(50220, "ISO-2022-JP")]
        [InlineData(932, "Shift_JIS")]
        [InlineData(51932, "EUC-JP")]
        [InlineData(65001, "UTF-8")]
        public void JapaneseSubject_BAndQ(int codePage, string label)
        {
            const string subject = "会議の議事録（第３回）について";
            var bytes = CodePages.Get(codePage).GetBytes(subject);
            var q = string.Concat(bytes.Select(b => "=" + b.ToString("X2")));

            Assert.Equal(subject, Subject("=?" + label + "?B?" + Convert.ToBase64String(bytes) + "?="));
            Assert.Equal(subject, Subject("=?" + label + "?Q?" + q + "?="));
        }

        // RFC 2047 section 8: whitespace between adjacent encoded words is not displayed.
        [Theory]
        [InlineData("(=?ISO-8859-1?Q?a?= b)", "(a b)")]
        [InlineData("(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)", "(ab)")]
        [InlineData("(=?ISO-8859-1?Q?a?=\r\n    =?ISO-8859-1?Q?b?=)", "(ab)")]
        [InlineData("(=?ISO-8859-1?Q?a_b?=)", "(a b)")]
        [InlineData("=?ISO-8859-1?Q?Patrik_F=E4ltstr=F6m?=", "Patrik Fältström")]
        [InlineData("Plain subject = ok?", "Plain subject = ok?")]
        public void Rfc2047Section8(string encoded, string expected)
        {
            Assert.Equal(expected, Subject(encoded));
        }

        [Fact]
        public void RawLatin1Subject_FallsBackToWindows1252()
        {
            var bytes = Encoding.ASCII.GetBytes("Subject: ").Concat(CodePages.Get(1252).GetBytes("“Grüße”")).Concat(Encoding.ASCII.GetBytes("\r\n\r\n")).ToArray();

            Assert.Equal("“Grüße”", MessageHeaders.Parse(new MemoryStream(bytes)).Subject);
        }
    }
}
