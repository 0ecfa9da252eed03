using System.Net;
using Pop3Tools.Engine.Authentication;

namespace Pop3Tools.Engine.Tests.Authentication
{
    public class OAuthMechanismTests
    {
        [Fact]
        public void XOAuth2MatchesGooglesExample()
        {
            // Google's XOAUTH2 protocol page, "The SASL XOAUTH2 Mechanism" example.
            var xoauth2 = new XOAuth2Mechanism(new NetworkCredential("someuser@example.com", "ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg"));

            Assert.Equal("XOAUTH2", xoauth2.Name);
            Assert.True(xoauth2.HasInitialResponse);
            Assert.Equal(
                "dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5LnZGOWRmdDRxbVRjMk52YjNSbGNrQmhkSFJoZG1semRHRXVZMjl0Q2cBAQ==",
                Convert.ToBase64String(xoauth2.Respond(Sasl.Empty)));
            Assert.True(xoauth2.IsComplete);
            Assert.Null(xoauth2.ServerError);
        }

        [Fact]
        public void XOAuth2KeepsTheErrorJsonAndAnswersEmpty()
        {
            var xoauth2 = new XOAuth2Mechanism(new NetworkCredential("someuser@example.com", "expired-token"));
            xoauth2.Respond(Sasl.Empty);

            // Google's documented failure continuation.
            var error = Convert.FromBase64String("eyJzdGF0dXMiOiI0MDEiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==");
            var answer = xoauth2.Respond(error);

            Assert.Empty(answer);
            Assert.Equal("{\"status\":\"401\",\"schemes\":\"Bearer\",\"scope\":\"https://mail.google.com/\"}", xoauth2.ServerError);
            Assert.False(xoauth2.IsComplete);
            Assert.Throws<Pop3Exception>(() => xoauth2.Respond(error));
        }

        [Fact]
        public void OAuthBearerSendsGs2HeaderAndBearerToken()
        {
            var bearer = new OAuthBearerMechanism(new NetworkCredential("user@example.com", "vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg=="));

            Assert.Equal("OAUTHBEARER", bearer.Name);
            Assert.True(bearer.HasInitialResponse);
            // RFC 7628 §3.1 / §4.1, without the optional host and port.
            Assert.Equal("n,a=user@example.com,\u0001auth=Bearer vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg==\u0001\u0001",
                Sasl.Text(bearer.Respond(Sasl.Empty)));
            Assert.True(bearer.IsComplete);
        }

        [Fact]
        public void OAuthBearerEscapesTheAuthzid()
        {
            var bearer = new OAuthBearerMechanism(new NetworkCredential("odd,user=name", "token"));

            Assert.StartsWith("n,a=odd=2Cuser=3Dname,\u0001", Sasl.Text(bearer.Respond(Sasl.Empty)));
        }

        [Fact]
        public void OAuthBearerKeepsTheErrorJsonAndAnswersKvsep()
        {
            var bearer = new OAuthBearerMechanism(new NetworkCredential("user@example.com", "expired-token"));
            bearer.Respond(Sasl.Empty);

            // RFC 7628 §4.3 failure example.
            var error = Convert.FromBase64String("eyJzdGF0dXMiOiJpbnZhbGlkX3Rva2VuIiwic2NvcGUiOiJleGFtcGxlX3Njb3BlIiwib3BlbmlkLWNvbmZpZ3VyYXRpb24iOiJodHRwczovL2V4YW1wbGUuY29tLy53ZWxsLWtub3duL29wZW5pZC1jb25maWd1cmF0aW9uIn0=");
            var answer = bearer.Respond(error);

            Assert.Equal(new byte[] { 0x01 }, answer);
            Assert.Equal("{\"status\":\"invalid_token\",\"scope\":\"example_scope\",\"openid-configuration\":\"https://example.com/.well-known/openid-configuration\"}", bearer.ServerError);
            Assert.False(bearer.IsComplete);
            Assert.Throws<Pop3Exception>(() => bearer.Respond(error));
        }

        [Fact]
        public void ControlSeparatorInTokenIsRefused()
        {
            Assert.Throws<ArgumentException>(() => new XOAuth2Mechanism(new NetworkCredential("user", "to\u0001ken")));
            Assert.Throws<ArgumentException>(() => new OAuthBearerMechanism(new NetworkCredential("user", "to\u0001ken")));
        }
    }
}
