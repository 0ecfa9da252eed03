using System.Net;
using Pop3Tools.Engine.Authentication;

namespace Pop3Tools.Engine.Tests.Authentication
{
    public class PasswordMechanismTests
    {
        [Fact]
        public void PlainSendsEmptyAuthzidUserAndPassword()
        {
            var plain = new PlainMechanism(new NetworkCredential("tim", "tanstaaf"));

            Assert.Equal("PLAIN", plain.Name);
            Assert.True(plain.HasInitialResponse);
            Assert.False(plain.IsComplete);
            // RFC 4616 §2: message = [authzid] UTF8NUL authcid UTF8NUL passwd.
            Assert.Equal(Sasl.Bytes("\0tim\0tanstaaf"), plain.Respond(Sasl.Empty));
            Assert.True(plain.IsComplete);
        }

        [Fact]
        public void PlainEncodesUtf8()
        {
            var plain = new PlainMechanism(new NetworkCredential("jürgen", "pässwörd"));

            Assert.Equal(new byte[] { 0, (byte)'j', 0xC3, 0xBC, (byte)'r', (byte)'g', (byte)'e', (byte)'n', 0,
                (byte)'p', 0xC3, 0xA4, (byte)'s', (byte)'s', (byte)'w', 0xC3, 0xB6, (byte)'r', (byte)'d' }, plain.Respond(Sasl.Empty));
        }

        [Fact]
        public void PlainRefusesASecondChallenge()
        {
            var plain = new PlainMechanism(new NetworkCredential("tim", "tanstaaf"));
            plain.Respond(Sasl.Empty);

            Assert.Equal(Pop3ErrorKind.AuthenticationFailed, Assert.Throws<Pop3Exception>(() => plain.Respond(Sasl.Empty)).Kind);
        }

        [Theory]
        [InlineData("ti\0m", "tanstaaf")]
        [InlineData("tim", "tans\0taaf")]
        public void PlainRefusesNulInCredential(string user, string password)
        {
            Assert.Throws<ArgumentException>(() => new PlainMechanism(new NetworkCredential(user, password)));
        }

        [Theory]
        [InlineData("Username:", "Password:")]
        [InlineData("VXNlcm5hbWU6", "UGFzc3dvcmQ6")]
        [InlineData("", "")]
        public void LoginAnswersUserThenPasswordWhateverThePrompts(string firstPrompt, string secondPrompt)
        {
            var login = new LoginMechanism(new NetworkCredential("tim", "tanstaaf"));

            Assert.Equal("LOGIN", login.Name);
            Assert.False(login.HasInitialResponse);
            Assert.Equal("tim", Sasl.Text(login.Respond(Sasl.Bytes(firstPrompt))));
            Assert.False(login.IsComplete);
            Assert.Equal("tanstaaf", Sasl.Text(login.Respond(Sasl.Bytes(secondPrompt))));
            Assert.True(login.IsComplete);
            Assert.Throws<Pop3Exception>(() => login.Respond(Sasl.Bytes("Again:")));
        }

        [Fact]
        public void CramMd5MatchesRfc2195Example()
        {
            var cram = new CramMd5Mechanism(new NetworkCredential("tim", "tanstaaftanstaaf"));

            Assert.Equal("CRAM-MD5", cram.Name);
            Assert.False(cram.HasInitialResponse);
            Assert.Equal("tim b913a602c7eda7a495b4e6e7334d3890",
                Sasl.Text(cram.Respond(Sasl.Bytes("<1896.697170952@postoffice.reston.mci.net>"))));
            Assert.True(cram.IsComplete);
        }

        [Fact]
        public void CramMd5RefusesEmptyAndRepeatedChallenges()
        {
            var cram = new CramMd5Mechanism(new NetworkCredential("tim", "tanstaaftanstaaf"));
            Assert.Throws<Pop3Exception>(() => cram.Respond(Sasl.Empty));

            var answered = new CramMd5Mechanism(new NetworkCredential("tim", "tanstaaftanstaaf"));
            answered.Respond(Sasl.Bytes("<1896.697170952@postoffice.reston.mci.net>"));
            Assert.Throws<Pop3Exception>(() => answered.Respond(Sasl.Bytes("<1897.697170952@postoffice.reston.mci.net>")));
        }
    }
}
