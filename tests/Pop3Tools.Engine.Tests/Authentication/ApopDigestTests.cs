using Pop3Tools.Engine.Authentication;

namespace Pop3Tools.Engine.Tests.Authentication
{
    public class ApopDigestTests
    {
        [Fact]
        public void MatchesRfc1939Example()
        {
            // RFC 1939 §7: "APOP mrose c4c9334bac560ecc979e58001b3e22fb".
            Assert.Equal("c4c9334bac560ecc979e58001b3e22fb", ApopDigest.Compute("<1896.697170952@dbc.mtview.ca.us>", "tanstaaf"));
        }
    }
}
