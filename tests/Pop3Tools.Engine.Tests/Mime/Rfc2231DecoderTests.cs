using System.Text;
using Pop3Tools.Engine.Mime;

namespace Pop3Tools.Engine.Tests.Mime
{
    public class Rfc2231DecoderTests
    {
        public Rfc2231DecoderTests() => CodePages.Register();

        // RFC 2231 §3: parameter value continuations.
        [Fact]
        public void Rfc2231Section3_Continuations()
        {
            var value = ContentHeaderValue.Parse(
                "message/external-body; access-type=URL;\r\n URL*0=\"ftp://\";\r\n URL*1=\"cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar\"");

            Assert.Equal("message/external-body", value.Value);
            Assert.Equal("URL", value["access-type"]);
            Assert.Equal("ftp://cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar", value["url"]);
        }

        // RFC 2231 §4: character set and language.
        [Fact]
        public void Rfc2231Section4_CharsetAndLanguage()
        {
            var value = ContentHeaderValue.Parse("application/x-stuff;\r\n title*=us-ascii'en-us'This%20is%20%2A%2A%2Afun%2A%2A%2A");

            Assert.Equal("This is ***fun***", value["title"]);
        }

        // RFC 2231 §4.1: combining continuations with charset (separators restored, per the errata).
        [Fact]
        public void Rfc2231Section41_MixedSections()
        {
            var value = ContentHeaderValue.Parse(
                "application/x-stuff;\r\n title*0*=us-ascii'en'This%20is%20even%20more%20;\r\n title*1*=%2A%2A%2Afun%2A%2A%2A%20;\r\n title*2=\"isn't it!\"");

            Assert.Equal("This is even more ***fun*** isn't it!", value["title"]);
        }

        [Fact]
        public void Utf8FilenameSplitInsideACharacter_IsRejoined()
        {
            const string name = "会議資料_2024年.pdf";
            var encoded = Percent(Encoding.UTF8.GetBytes(name));

            // Cut inside the first three-byte character: "%E4%BC" | "%9A...".
            var raw = "attachment; filename*0*=utf-8''" + encoded.Substring(0, 6) + ";\r\n filename*1*=" + encoded.Substring(6);

            var value = ContentHeaderValue.Parse(raw);

            Assert.Equal("attachment", value.Value);
            Assert.Equal(name, value["filename"]);
        }

        [Fact]
        public void ShiftJisFilename()
        {
            const string name = "見積書.xlsx";
            var raw = "attachment; filename*=shift_jis'ja'" + Percent(CodePages.Get(932).GetBytes(name));

            Assert.Equal(name, ContentHeaderValue.Parse(raw)["filename"]);
        }

        [Fact]
        public void ExtendedValueWinsOverPlain()
        {
            var value = ContentHeaderValue.Parse("attachment; filename=\"fallback.txt\"; filename*=utf-8''r%C3%A9sum%C3%A9.txt");

            Assert.Equal("résumé.txt", value["filename"]);
        }

        [Fact]
        public void SectionsOutOfOrder_AreSorted()
        {
            var value = ContentHeaderValue.Parse("text/plain; name*1=\"world\"; name*0=\"hello \"");

            Assert.Equal("hello world", value["name"]);
        }

        [Fact]
        public void EncodedWordInQuotedParameter_IsDecoded()
        {
            var value = ContentHeaderValue.Parse("application/pdf; name=\"=?UTF-8?B?5pel5pys6KqeLnBkZg==?=\"");

            Assert.Equal("日本語.pdf", value.GetText("name"));
            Assert.Equal("=?UTF-8?B?5pel5pys6KqeLnBkZg==?=", value["name"]);
        }

        [Fact]
        public void MissingCharsetQuotes_AreTolerated()
        {
            Assert.Equal("a b.txt", ContentHeaderValue.Parse("attachment; filename*=a%20b.txt")["filename"]);
        }

        [Fact]
        public void CommonSloppiness()
        {
            var value = ContentHeaderValue.Parse("Text/Plain (comment); CHARSET = \"utf-8\" ; ; junk; format=flowed; name=my report(1).txt; q=\"unterminated");

            Assert.Equal("text/plain", value.Value);
            Assert.Equal("utf-8", value["charset"]);
            Assert.Equal("flowed", value["FORMAT"]);
            Assert.Equal("my report(1).txt", value["name"]);
            Assert.Equal("unterminated", value["q"]);
            Assert.Null(value["junk"]);
        }

        [Fact]
        public void QuotedEscapes_AndWindowsPaths()
        {
            var value = ContentHeaderValue.Parse("attachment; a=\"say \\\"hi\\\"\"; b=\"C:\\dir\\file.txt\"");

            Assert.Equal("say \"hi\"", value["a"]);
            Assert.Equal("C:\\dir\\file.txt", value["b"]);
        }

        [Fact]
        public void EmptyValue()
        {
            var value = ContentHeaderValue.Parse("");

            Assert.Equal("", value.Value);
            Assert.Empty(value.Parameters);
        }

        private static string Percent(byte[] bytes) => string.Concat(bytes.Select(b => "%" + b.ToString("X2")));
    }
}
