using System.Text;
using Pop3Tools.Engine.Mime;

namespace Pop3Tools.Engine.Tests.Mime
{
    public class EncodedWordDecoderTests
    {
        public EncodedWordDecoderTests() => CodePages.Register();

        // RFC 2047 §8: the table of how whitespace between encoded words is displayed.
        [Theory]
        [InlineData("(=?ISO-8859-1?Q?a?=)", "(a)")]
        [InlineData("(=?ISO-8859-1?Q?a?= b)", "(a b)")]
        [InlineData("(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)", "(ab)")]
        [InlineData("(=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=)", "(ab)")]
        [InlineData("(=?ISO-8859-1?Q?a?=\t    =?ISO-8859-1?Q?b?=)", "(ab)")]
        [InlineData("(=?ISO-8859-1?Q?a_b?=)", "(a b)")]
        [InlineData("(=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=)", "(a b)")]
        public void Rfc2047Section8_WhitespaceTable(string encoded, string expected)
        {
            Assert.Equal(expected, EncodedWordDecoder.Decode(encoded));
        }

        [Fact]
        public void Rfc2047Section8_BSubjectAcrossCharsets()
        {
            var decoded = EncodedWordDecoder.Decode(
                "=?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?=    =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?=");

            Assert.Equal("If you can read this you understand the example.", decoded);
        }

        [Theory]
        [InlineData("=?US-ASCII?Q?Keith_Moore?=", "Keith Moore")]
        [InlineData("=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?=", "Keld Jørn Simonsen")]
        [InlineData("=?ISO-8859-1?Q?Andr=E9?= Pirard", "André Pirard")]
        [InlineData("=?ISO-8859-1?Q?Patrik_F=E4ltstr=F6m?=", "Patrik Fältström")]
        public void Rfc2047Section8_QWords(string encoded, string expected)
        {
            Assert.Equal(expected, EncodedWordDecoder.Decode(encoded));
        }

        [Fact]
        public void Rfc2047Section8_HebrewBWord()
        {
            var expected = CodePages.Get(28598).GetString(new byte[] { 0xED, 0xE5, 0xEC, 0xF9, 0x20, 0xEF, 0xE1, 0x20, 0xE9, 0xEC, 0xE8, 0xF4, 0xF0 });

            Assert.Equal("(" + expected + ")", EncodedWordDecoder.Decode("(=?iso-8859-8?b?7eXs+SDv4SDp7Oj08A==?=)"));
        }

        [Theory]
        [InlineData(50220, "ISO-2022-JP")]
        [InlineData(932, "Shift_JIS")]
        [InlineData(51932, "EUC-JP")]
        [InlineData(65001, "UTF-8")]
        public void JapaneseSubject_BAndQ(int codePage, string label)
        {
            const string subject = "会議の議事録（第３回）について";
            var bytes = CodePages.Get(codePage).GetBytes(subject);

            Assert.Equal(subject, EncodedWordDecoder.Decode(BWord(label, bytes)));
            Assert.Equal(subject, EncodedWordDecoder.Decode(QWord(label, bytes)));
        }

        [Theory]
        [InlineData(50220, "iso-2022-jp")]
        [InlineData(65001, "utf-8")]
        [InlineData(932, "shift_jis")]
        public void MultibyteSequenceSplitAcrossAdjacentWords_IsRejoined(int codePage, string label)
        {
            const string subject = "日本語の件名です";
            var bytes = CodePages.Get(codePage).GetBytes(subject);

            // Odd split points land inside a character (and inside ISO-2022-JP escape runs).
            for (var split = 1; split < bytes.Length; split += 3)
            {
                var first = bytes.Take(split).ToArray();
                var second = bytes.Skip(split).ToArray();
                var encoded = BWord(label, first) + "\r\n " + BWord(label.ToUpperInvariant(), second);

                Assert.Equal(subject, EncodedWordDecoder.Decode(encoded));
            }
        }

        [Fact]
        public void AdjacentWordsOfDifferentCharsets_DropWhitespaceButDecodeSeparately()
        {
            var latin = QWord("iso-8859-1", CodePages.Get(28591).GetBytes("Grüße "));
            var cyrillic = BWord("koi8-r", CodePages.Get(20866).GetBytes("привет"));

            Assert.Equal("Grüße привет", EncodedWordDecoder.Decode(latin + " " + cyrillic));
        }

        [Theory]
        [InlineData(1252, "windows-1252", "“Smart” quotes – €5")]
        [InlineData(28592, "iso-8859-2", "Zażółć gęślą jaźń")]
        [InlineData(28595, "iso-8859-5", "Съешь же ещё")]
        [InlineData(28597, "iso-8859-7", "Καλημέρα")]
        [InlineData(1251, "windows-1251", "Здравствуйте")]
        [InlineData(949, "ks_c_5601-1987", "안녕하세요")]
        [InlineData(936, "gb2312", "你好世界")]
        [InlineData(950, "big5", "繁體中文")]
        public void LegacyCharsets(int codePage, string label, string text)
        {
            var bytes = CodePages.Get(codePage).GetBytes(text);

            Assert.Equal(text, EncodedWordDecoder.Decode(BWord(label, bytes)));
            Assert.Equal(text, EncodedWordDecoder.Decode(QWord(label, bytes)));
        }

        [Fact]
        public void Rfc2231LanguageSuffix_IsIgnored()
        {
            var word = BWord("utf-8*ja", Encoding.UTF8.GetBytes("こんにちは"));

            Assert.Equal("こんにちは", EncodedWordDecoder.Decode(word));
        }

        [Fact]
        public void LanguageSuffixDoesNotPreventJoiningSameCharset()
        {
            var bytes = Encoding.UTF8.GetBytes("日本");
            var encoded = BWord("utf-8*ja", bytes.Take(2).ToArray()) + " " + BWord("UTF-8", bytes.Skip(2).ToArray());

            Assert.Equal("日本", EncodedWordDecoder.Decode(encoded));
        }

        [Theory]
        [InlineData("=?utf-8?B?broken", "=?utf-8?B?broken")]
        [InlineData("=?utf-8?X?abc?=", "=?utf-8?X?abc?=")]
        [InlineData("=??Q?abc?=", "=??Q?abc?=")]
        [InlineData("Price =? 5", "Price =? 5")]
        [InlineData("a =?utf-8?Q?b", "a =?utf-8?Q?b")]
        public void MalformedWords_StayReadable(string text, string expected)
        {
            Assert.Equal(expected, EncodedWordDecoder.Decode(text));
        }

        [Fact]
        public void LenientForms_AreDecoded()
        {
            // Missing base64 padding, Q word with raw spaces, words glued together, stray '=' in Q text.
            Assert.Equal("Hello", EncodedWordDecoder.Decode("=?utf-8?B?SGVsbG8?="));
            Assert.Equal("Hello World", EncodedWordDecoder.Decode("=?utf-8?Q?Hello World?="));
            Assert.Equal("ab", EncodedWordDecoder.Decode("=?utf-8?Q?a?==?utf-8?Q?b?="));
            Assert.Equal("1=2", EncodedWordDecoder.Decode("=?utf-8?Q?1=2?="));
            Assert.Equal("Re: café", EncodedWordDecoder.Decode("Re:=?utf-8?Q?_caf=C3=A9?="));
        }

        [Fact]
        public void UnknownCharset_FallsBackToUtf8ThenLatin1()
        {
            Assert.Equal("café", EncodedWordDecoder.Decode("=?x-unknown?Q?caf=C3=A9?="));
            Assert.Equal("café", EncodedWordDecoder.Decode("=?x-unknown?Q?caf=E9?="));
        }

        [Fact]
        public void Utf8LabelOnLatin1Bytes_FallsBackToWindows1252()
        {
            Assert.Equal("café “x”", EncodedWordDecoder.Decode("=?utf-8?Q?caf=E9_=93x=94?="));
        }

        [Fact]
        public void TextWithoutWords_IsUnchanged()
        {
            Assert.Equal("Plain subject = ok?", EncodedWordDecoder.Decode("Plain subject = ok?"));
        }

        private static string BWord(string charset, byte[] bytes) => "=?" + charset + "?B?" + Convert.ToBase64String(bytes) + "?=";

        private static string QWord(string charset, byte[] bytes)
        {
            var text = new StringBuilder("=?" + charset + "?Q?");
            foreach (var b in bytes)
            {
                if (b == ' ')
                {
                    text.Append('_');
                }
                else if (b > 32 && b < 127 && b != '=' && b != '?' && b != '_')
                {
                    text.Append((char)b);
                }
                else
                {
                    text.Append('=').Append(b.ToString("X2"));
                }
            }

            return text.Append("?=").ToString();
        }
    }
}
