using System.Text;
using Pop3Tools.Engine.Mime;

namespace Pop3Tools.Engine.Tests.Mime
{
    /// <summary>
    /// Address fields as the listing shows them: MimeKit parses, the adapter formats each
    /// mailbox as "Name &lt;addr&gt;" (or "addr") and flattens groups.
    /// </summary>
    public class AddressMappingTests
    {
        public AddressMappingTests() => CodePages.Register();

        private static string[] To(string value) =>
            MessageHeaders.Parse(new MemoryStream(Encoding.UTF8.GetBytes("To: " + value + "\r\n\r\n"))).To;

        // RFC 5322 Appendix A.1.1 and A.1.2.
        [Theory]
        [InlineData("John Doe <jdoe@machine.example>", "John Doe <jdoe@machine.example>")]
        [InlineData("\"Joe Q. Public\" <john.q.public@example.com>", "Joe Q. Public <john.q.public@example.com>")]
        [InlineData("<boss@nil.test>", "boss@nil.test")]
        [InlineData("\"Giant; \\\"Big\\\" Box\" <sysservices@example.net>", "Giant; \"Big\" Box <sysservices@example.net>")]
        public void AppendixA_SingleMailboxes(string value, string expected)
        {
            Assert.Equal(new[] { expected }, To(value));
        }

        [Fact]
        public void AppendixA12_List()
        {
            Assert.Equal(
                new[] { "Mary Smith <mary@x.test>", "jdoe@example.org", "Who? <one@y.test>" },
                To("Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>"));
        }

        [Fact]
        public void AppendixA13_GroupIsFlattened()
        {
            Assert.Equal(
                new[] { "Ed Jones <c@a.test>", "joe@where.test", "John <jdoe@one.test>" },
                To("A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;"));
        }

        [Theory]
        [InlineData("Undisclosed recipients:;")]
        [InlineData("(Empty list)(start)Hidden recipients  :(nobody(that I know))  ;")]
        [InlineData("")]
        public void EmptyGroupsAndEmptyValues_GiveNoAddresses(string value)
        {
            Assert.Empty(To(value));
        }

        [Fact]
        public void AppendixA5_CommentsEverywhere()
        {
            Assert.Equal(new[] { "Pete <pete@silly.test>" }, To("Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>"));
        }

        [Fact]
        public void EncodedWordsInDisplayNames_AreDecoded()
        {
            Assert.Equal(new[] { "Keld Jørn Simonsen <keld@dkuug.dk>" }, To("=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?= <keld@dkuug.dk>"));
        }

        [Fact]
        public void IsoJapaneseDisplayName()
        {
            var bytes = CodePages.Get(50220).GetBytes("山田花子");

            Assert.Equal(new[] { "山田花子 <hanako@example.jp>" }, To("=?ISO-2022-JP?B?" + Convert.ToBase64String(bytes) + "?= <hanako@example.jp>"));
        }

        [Fact]
        public void ShiftJisDisplayName()
        {
            var bytes = CodePages.Get(932).GetBytes("山田花子");

            Assert.Equal(new[] { "山田花子 <hanako@example.jp>" }, To("=?Shift_JIS?B?" + Convert.ToBase64String(bytes) + "?= <hanako@example.jp>"));
        }

        [Fact]
        public void UnquotedCommaInDisplayName_IsKeptTogether()
        {
            Assert.Equal(
                new[] { "Doe, John <jdoe@example.com>", "Roe, Jane <jroe@example.com>" },
                To("Doe, John <jdoe@example.com>, Roe, Jane <jroe@example.com>"));
        }

        [Theory]
        [InlineData("\"unterminated <a@b.example>")]
        [InlineData("(unterminated comment a@b.example")]
        [InlineData("<<<>>>,,,;;;:::@@@...")]
        [InlineData("[unterminated literal")]
        [InlineData(")))]]]\\")]
        [InlineData("=?utf-8?B?")]
        public void Garbage_NeverThrows(string value)
        {
            Assert.NotNull(To(value));
        }

        [Fact]
        public void UnreadableField_IsShownAsSent()
        {
            Assert.Equal(new[] { "a@b@c@d" }, To("a@b@c@d"));
        }

        [Fact]
        public void LargeList_EveryAddressIsListed()
        {
            var value = string.Join(", ", Enumerable.Range(0, 5000).Select(i => "User " + i + " <user" + i + "@example.com>"));

            var addresses = To(value);

            Assert.Equal(5000, addresses.Length);
            Assert.Equal("User 4999 <user4999@example.com>", addresses[4999]);
        }

        // What the hand-written parser did beyond RFC 5322, kept as far as MimeKit agrees.
        [Theory]
        [InlineData("jdoe@example.com (John Doe)", "John Doe <jdoe@example.com>")]
        [InlineData("J.R.R. Tolkien <jrrt@example.com>", "J.R.R. Tolkien <jrrt@example.com>")]
        [InlineData("\"john doe\"@example.com", "\"john doe\"@example.com")]
        [InlineData("user@[192.0.2.1]", "user@[192.0.2.1]")]
        [InlineData("taro..yamada.@docomo.example.jp", "taro..yamada.@docomo.example.jp")]
        [InlineData("\"=?UTF-8?B?55Sw5LitIOWkqumDjg==?=\" <taro@example.jp>", "田中 太郎 <taro@example.jp>")]
        [InlineData("=?utf-8?Q?Doe,_J=C3=B6hn?= <j@example.com>", "Doe, Jöhn <j@example.com>")]
        [InlineData("<@relay1.example,@relay2.example:user@host.example>", "user@host.example")]
        [InlineData("John <john@example.com", "John <john@example.com>")]
        [InlineData("root", "root")]
        public void Leniency(string value, string expected)
        {
            Assert.Equal(new[] { expected }, To(value));
        }
    }
}
