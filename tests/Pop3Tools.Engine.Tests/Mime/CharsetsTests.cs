using System.Text;
using Pop3Tools.Engine.Mime;

namespace Pop3Tools.Engine.Tests.Mime
{
    public class CharsetsTests
    {
        public CharsetsTests() => CodePages.Register();

        [Fact]
        public void RegisterCodePages_FindsTheProviderByReflection()
        {
            var provider = Charsets.FindCodePagesProvider();

            Assert.NotNull(provider);
            Assert.Equal(932, provider!.GetEncoding("shift_jis")!.CodePage);
        }

        [Fact]
        public void RegisterCodePages_MakesShiftJisResolvable_AndIsIdempotent()
        {
            Charsets.RegisterCodePages();
            Charsets.RegisterCodePages();

            Assert.Equal(932, Encoding.GetEncoding("shift_jis").CodePage);
            Assert.Equal(932, Charsets.TryGetEncoding("shift_jis")!.CodePage);
        }

        [Fact]
        public void InventedLabels_DoNotGrowTheCacheWithoutBound()
        {
            // A sender chooses the labels: one header can carry tens of thousands of made-up ones.
            for (var i = 0; i < 3 * Charsets.MaxCachedLabels; i++)
            {
                Assert.Null(Charsets.TryGetEncoding("x-invented-" + i));
            }

            Assert.InRange(Charsets.CachedLabelCount, 0, Charsets.MaxCachedLabels);
            Assert.Equal(65001, Charsets.TryGetEncoding("utf-8")!.CodePage);
        }

        [Theory]
        [InlineData("utf8", 65001)]
        [InlineData("UTF-8", 65001)]
        [InlineData("\"utf-8\"", 65001)]
        [InlineData("utf-8*en", 65001)]
        [InlineData("shift_jis", 932)]
        [InlineData("sjis", 932)]
        [InlineData("x-sjis", 932)]
        [InlineData("cp932", 932)]
        [InlineData("Windows-31J", 932)]
        [InlineData("iso-2022-jp", 50220)]
        [InlineData("ISO-2022-JP", 50220)]
        [InlineData("gb2312", 936)]
        [InlineData("gbk", 936)]
        [InlineData("gb18030", 54936)]
        [InlineData("big5", 950)]
        [InlineData("ks_c_5601-1987", 949)]
        [InlineData("euc-kr", 949)]
        [InlineData("koi8-r", 20866)]
        [InlineData("koi8-u", 21866)]
        [InlineData("windows-1250", 1250)]
        [InlineData("windows-1251", 1251)]
        [InlineData("cp1252", 1252)]
        [InlineData("x-cp1253", 1253)]
        [InlineData("iso-8859-2", 28592)]
        [InlineData("ISO_8859-5", 28595)]
        [InlineData("iso8859-7", 28597)]
        [InlineData("iso_8859-2:1987", 28592)]
        [InlineData("iso-8859-15", 28605)]
        [InlineData("latin1", 1252)]
        [InlineData("iso-8859-1", 1252)]
        public void TryGetEncoding_ResolvesMailAliases(string label, int codePage)
        {
            Assert.Equal(codePage, Charsets.TryGetEncoding(label)!.CodePage);
        }

        [Fact]
        public void TryGetEncoding_EucJp_DecodesWhatDotNetEncodes()
        {
            const string text = "日本語のテキスト";
            var bytes = CodePages.Get(51932).GetBytes(text);

            Assert.Equal(text, Charsets.Decode("euc-jp", bytes));
        }

        [Theory]
        [InlineData("x-unknown")]
        [InlineData("unknown-8bit")]
        [InlineData("")]
        [InlineData(null)]
        [InlineData("us-ascii")]
        public void Decode_UnknownOrAsciiLabel_ValidUtf8_IsUtf8(string? label)
        {
            var bytes = Encoding.UTF8.GetBytes("Grüße, 世界");

            Assert.Equal("Grüße, 世界", Charsets.Decode(label, bytes));
        }

        [Theory]
        [InlineData("x-unknown")]
        [InlineData(null)]
        [InlineData("us-ascii")]
        public void Decode_UnknownLabel_InvalidUtf8_IsWindows1252(string? label)
        {
            var bytes = CodePages.Get(1252).GetBytes("“Grüße” – 5 €");

            Assert.Equal("“Grüße” – 5 €", Charsets.Decode(label, bytes));
        }

        [Fact]
        public void Decode_Latin1Label_ReadsWindows1252Punctuation()
        {
            var bytes = CodePages.Get(1252).GetBytes("“quoted” ü");

            Assert.Equal("“quoted” ü", Charsets.Decode("iso-8859-1", bytes));
        }

        [Fact]
        public void DecodeUnlabelled_RejectsOverlongUtf8()
        {
            // C0 AF is an overlong '/', not valid UTF-8: read as windows-1252 instead.
            var bytes = new byte[] { 0x61, 0xC0, 0xAF };

            Assert.Equal(CodePages.Get(1252).GetString(bytes), Charsets.DecodeUnlabelled(bytes, 0, bytes.Length));
        }

        [Fact]
        public void Decode_InvalidBytesInKnownCharset_DoesNotThrow()
        {
            var bytes = new byte[] { 0xFF, 0xFE, 0x80, 0x81 };

            Assert.NotNull(Charsets.Decode("shift_jis", bytes));
            Assert.NotNull(Charsets.Decode("utf-8", bytes));
        }
    }
}
