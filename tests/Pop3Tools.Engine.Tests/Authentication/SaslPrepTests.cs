using Pop3Tools.Engine.Authentication;

namespace Pop3Tools.Engine.Tests.Authentication
{
    public class SaslPrepTests
    {
        // RFC 4013 §3 examples 1-5 (6 and 7 are prohibited-output and bidi errors, which this approximation leaves to the server).
        [Theory]
        [InlineData("I\u00ADX", "IX")]
        [InlineData("user", "user")]
        [InlineData("USER", "USER")]
        [InlineData("\u00AA", "a")]
        [InlineData("\u2168", "IX")]
        public void MatchesRfc4013Examples(string input, string expected)
        {
            Assert.Equal(expected, SaslPrep.Prepare(input));
        }

        [Fact]
        public void NonAsciiSpaceBecomesSpace()
        {
            // RFC 4013 §2.1 maps table C.1.2 (here NO-BREAK SPACE and IDEOGRAPHIC SPACE) to U+0020.
            Assert.Equal("a b c", SaslPrep.Prepare("a\u00A0b\u3000c"));
        }

        [Fact]
        public void UnpairedSurrogateIsRefusedWithoutEchoingTheInput()
        {
            var failure = Assert.Throws<ArgumentException>(() => SaslPrep.Prepare("secret\uD800"));

            Assert.DoesNotContain("secret", failure.Message);
        }
    }
}
