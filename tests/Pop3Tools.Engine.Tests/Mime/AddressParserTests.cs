using Pop3Tools.Engine.Mime;

namespace Pop3Tools.Engine.Tests.Mime
{
    public class AddressParserTests
    {
        public AddressParserTests() => CodePages.Register();

        private static string[] Parse(string value) =>
            AddressParser.ParseList(value).Select(a => a.DisplayName + "|" + a.Address).ToArray();

        // RFC 5322 Appendix A.1.1 and A.1.2.
        [Theory]
        [InlineData("John Doe <jdoe@machine.example>", "John Doe|jdoe@machine.example")]
        [InlineData("Mary Smith <mary@example.net>", "Mary Smith|mary@example.net")]
        [InlineData("\"Joe Q. Public\" <john.q.public@example.com>", "Joe Q. Public|john.q.public@example.com")]
        [InlineData("<boss@nil.test>", "|boss@nil.test")]
        [InlineData("\"Giant; \\\"Big\\\" Box\" <sysservices@example.net>", "Giant; \"Big\" Box|sysservices@example.net")]
        public void AppendixA_SingleMailboxes(string value, string expected)
        {
            Assert.Equal(new[] { expected }, Parse(value));
        }

        [Fact]
        public void AppendixA12_List()
        {
            Assert.Equal(
                new[] { "Mary Smith|mary@x.test", "|jdoe@example.org", "Who?|one@y.test" },
                Parse("Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>"));
        }

        [Fact]
        public void AppendixA13_GroupIsFlattened()
        {
            Assert.Equal(
                new[] { "Ed Jones|c@a.test", "|joe@where.test", "John|jdoe@one.test" },
                Parse("A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;"));
        }

        [Theory]
        [InlineData("Undisclosed recipients:;")]
        [InlineData("undisclosed-recipients:;")]
        [InlineData("(Empty list)(start)Hidden recipients  :(nobody(that I know))  ;")]
        [InlineData("")]
        [InlineData("   ")]
        public void EmptyGroupsAndEmptyValues_GiveNoAddresses(string value)
        {
            Assert.Empty(Parse(value));
        }

        // RFC 5322 Appendix A.5: white space, comments and other oddities.
        [Fact]
        public void AppendixA5_CommentsEverywhere()
        {
            Assert.Equal(new[] { "Pete|pete@silly.test" }, Parse("Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>"));
            Assert.Equal(
                new[] { "Chris Jones|c@public.example", "|joe@example.org", "John|jdoe@one.test" },
                Parse("A Group(Some people)\r\n     :Chris Jones <c@(Chris's host.)public.example>,\r\n         joe@example.org,\r\n  John <jdoe@one.test> (my dear friend); (the end of the group)"));
        }

        // RFC 5322 Appendix A.6.1 and A.6.3: obsolete routes, empty list members, CFWS around dots.
        [Fact]
        public void AppendixA6_ObsoleteForms()
        {
            Assert.Equal(new[] { "Joe Q. Public|john.q.public@example.com" }, Parse("Joe Q. Public <john.q.public@example.com>"));
            Assert.Equal(
                new[] { "Mary Smith|mary@example.net", "|jdoe@test.example" },
                Parse("Mary Smith <@node.test:mary@example.net>, , jdoe@test  . example"));
            Assert.Equal(new[] { "John Doe|jdoe@machine.example" }, Parse("John Doe <jdoe@machine(comment).  example>"));
        }

        [Fact]
        public void MultiHopRoute_IsDropped()
        {
            Assert.Equal(new[] { "|user@host.example" }, Parse("<@relay1.example,@relay2.example:user@host.example>"));
        }

        [Fact]
        public void EncodedWordsInDisplayNames_AreDecoded()
        {
            Assert.Equal(new[] { "Keld Jørn Simonsen|keld@dkuug.dk" }, Parse("=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?= <keld@dkuug.dk>"));
            Assert.Equal(new[] { "André Pirard|PIRARD@vm1.ulg.ac.be" }, Parse("=?ISO-8859-1?Q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>"));
        }

        [Fact]
        public void EncodedWordInsideQuotes_IsTolerated()
        {
            Assert.Equal(new[] { "田中 太郎|taro@example.jp" }, Parse("\"=?UTF-8?B?55Sw5LitIOWkqumDjg==?=\" <taro@example.jp>"));
        }

        [Fact]
        public void EncodedWordHoldingUnencodedComma_StaysOneName()
        {
            Assert.Equal(new[] { "Doe, Jöhn|j@example.com" }, Parse("=?utf-8?Q?Doe,_J=C3=B6hn?= <j@example.com>"));
        }

        [Fact]
        public void IsoJapaneseDisplayName()
        {
            var bytes = CodePages.Get(50220).GetBytes("山田花子");
            var value = "=?ISO-2022-JP?B?" + Convert.ToBase64String(bytes) + "?= <hanako@example.jp>";

            Assert.Equal(new[] { "山田花子|hanako@example.jp" }, Parse(value));
        }

        [Fact]
        public void CommentAsName_OldConvention()
        {
            Assert.Equal(new[] { "John Doe|jdoe@example.com" }, Parse("jdoe@example.com (John Doe)"));
        }

        [Fact]
        public void UnquotedCommaInDisplayName_IsKeptTogether()
        {
            Assert.Equal(
                new[] { "Doe, John|jdoe@example.com", "Roe, Jane|jroe@example.com" },
                Parse("Doe, John <jdoe@example.com>, Roe, Jane <jroe@example.com>"));
        }

        [Fact]
        public void UnquotedDotsInDisplayName_AreKept()
        {
            Assert.Equal(new[] { "J.R.R. Tolkien|jrrt@example.com" }, Parse("J.R.R. Tolkien <jrrt@example.com>"));
        }

        [Fact]
        public void MissingClosingBracket_IsTolerated()
        {
            Assert.Equal(new[] { "John|john@example.com" }, Parse("John <john@example.com"));
            Assert.Equal(
                new[] { "John|john@example.com", "Jane|jane@example.com" },
                Parse("John <john@example.com, Jane <jane@example.com>"));
        }

        [Fact]
        public void SemicolonsAsSeparators_AreAccepted()
        {
            Assert.Equal(new[] { "|a@example.com", "|b@example.com" }, Parse("a@example.com; b@example.com"));
        }

        [Fact]
        public void NameWithoutBrackets_BeforeAddress()
        {
            Assert.Equal(new[] { "John Doe|jdoe@example.com" }, Parse("John Doe jdoe@example.com"));
        }

        [Fact]
        public void QuotedLocalPart_KeepsItsQuotes()
        {
            Assert.Equal(new[] { "|\"john doe\"@example.com" }, Parse("\"john doe\"@example.com"));
        }

        [Fact]
        public void DomainLiteral()
        {
            Assert.Equal(new[] { "|user@[192.0.2.1]" }, Parse("user@[192.0.2.1]"));
        }

        [Fact]
        public void CarrierStyleDottedLocalPart()
        {
            Assert.Equal(new[] { "|taro..yamada.@docomo.example.jp" }, Parse("taro..yamada.@docomo.example.jp"));
        }

        [Fact]
        public void SingleQuotedOutlookName_LosesQuotes()
        {
            Assert.Equal(new[] { "John Doe|jdoe@example.com" }, Parse("'John Doe' <jdoe@example.com>"));
        }

        [Fact]
        public void LocalMailbox_WithoutDomain()
        {
            Assert.Equal(new[] { "|root" }, Parse("root"));
        }

        [Fact]
        public void NullReturnPathWithName_KeepsTheName()
        {
            Assert.Equal(new[] { "Mail Delivery System|" }, Parse("Mail Delivery System <>"));
            Assert.Empty(Parse("<>"));
        }

        [Theory]
        [InlineData("\"unterminated <a@b.example>")]
        [InlineData("(unterminated comment a@b.example")]
        [InlineData("<<<>>>,,,;;;:::@@@...")]
        [InlineData("a@b@c@d")]
        [InlineData("[unterminated literal")]
        [InlineData(")))]]]\\")]
        [InlineData("=?utf-8?B?")]
        public void Garbage_NeverThrows(string value)
        {
            Assert.NotNull(AddressParser.ParseList(value));
        }

        [Fact]
        public void LargeList_EveryAddressIsParsed()
        {
            var value = string.Join(", ", Enumerable.Range(0, 5000).Select(i => "User " + i + " <user" + i + "@example.com>"));

            var addresses = AddressParser.ParseList(value);

            Assert.Equal(5000, addresses.Count);
            Assert.Equal("User 4999 <user4999@example.com>", addresses[4999].ToString());
        }

        [Fact]
        public void ToString_FormatsNameAndAddress()
        {
            Assert.Equal("John Doe <jdoe@example.com>", new Pop3MailAddress("John Doe", "jdoe@example.com").ToString());
            Assert.Equal("jdoe@example.com", new Pop3MailAddress("", "jdoe@example.com").ToString());
        }
    }
}
