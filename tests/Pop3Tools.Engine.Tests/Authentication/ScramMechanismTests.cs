using System.Net;
using Pop3Tools.Engine.Authentication;

namespace Pop3Tools.Engine.Tests.Authentication
{
    public class ScramMechanismTests
    {
        // RFC 5802 §5.
        private const string Sha1Nonce = "fyko+d2lbbFgONRv9qkxdawL";
        private const string Sha1ServerFirst = "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096";
        private const string Sha1ClientFinal = "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=";
        private const string Sha1ServerFinal = "v=rmF9pqV8S7suAoZWja4dJRkFsKQ=";

        // RFC 7677 §3.
        private const string Sha256Nonce = "rOprNGfwEbeRWgbNEkqO";
        private const string Sha256ServerFirst = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
        private const string Sha256ClientFinal = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
        private const string Sha256ServerFinal = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

        private static ScramMechanism Sha1(string user = "user", string password = "pencil") =>
            new ScramMechanism(ScramHash.Sha1, new NetworkCredential(user, password), Sha1Nonce);

        private static ScramMechanism Sha256(string user = "user", string password = "pencil") =>
            new ScramMechanism(ScramHash.Sha256, new NetworkCredential(user, password), Sha256Nonce);

        [Fact]
        public void Sha1ReplaysRfc5802Exchange()
        {
            var scram = Sha1();

            Assert.Equal("SCRAM-SHA-1", scram.Name);
            Assert.True(scram.HasInitialResponse);
            Assert.Equal("n,,n=user,r=" + Sha1Nonce, Sasl.Text(scram.Respond(Sasl.Empty)));
            Assert.Equal(Sha1ClientFinal, Sasl.Text(scram.Respond(Sasl.Bytes(Sha1ServerFirst))));
            Assert.False(scram.IsComplete);
            Assert.Empty(scram.Respond(Sasl.Bytes(Sha1ServerFinal)));
            Assert.True(scram.IsComplete);
        }

        [Fact]
        public void Sha256ReplaysRfc7677Exchange()
        {
            var scram = Sha256();

            Assert.Equal("SCRAM-SHA-256", scram.Name);
            Assert.Equal("n,,n=user,r=" + Sha256Nonce, Sasl.Text(scram.Respond(Sasl.Empty)));
            Assert.Equal(Sha256ClientFinal, Sasl.Text(scram.Respond(Sasl.Bytes(Sha256ServerFirst))));
            Assert.False(scram.IsComplete);
            Assert.Empty(scram.Respond(Sasl.Bytes(Sha256ServerFinal)));
            Assert.True(scram.IsComplete);
        }

        [Fact]
        public void WrongServerSignatureFailsAndNeverCompletes()
        {
            var scram = Sha256(password: "not-pencil");
            scram.Respond(Sasl.Empty);
            scram.Respond(Sasl.Bytes(Sha256ServerFirst));

            // The RFC server's signature is for "pencil": this client holds another password.
            var failure = Assert.Throws<Pop3Exception>(() => scram.Respond(Sasl.Bytes(Sha256ServerFinal)));

            Assert.Equal(Pop3ErrorKind.AuthenticationFailed, failure.Kind);
            Assert.False(scram.IsComplete);
            Assert.Throws<Pop3Exception>(() => scram.Respond(Sasl.Bytes(Sha256ServerFinal)));
            Assert.False(scram.IsComplete);
        }

        [Fact]
        public void SignatureOfTheOtherHashIsRefused()
        {
            var scram = Sha1();
            scram.Respond(Sasl.Empty);
            scram.Respond(Sasl.Bytes(Sha1ServerFirst));

            Assert.Throws<Pop3Exception>(() => scram.Respond(Sasl.Bytes(Sha256ServerFinal)));
            Assert.False(scram.IsComplete);
        }

        [Theory]
        [InlineData("r=someoneelse3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096")]
        [InlineData("r=fyko+d2lbbFgONRv9qkxdawL,s=QSXCR+Q6sek8bf92,i=4096")]
        [InlineData("r=fyko+d2lbbFgONRv9qkxdaw,s=QSXCR+Q6sek8bf92,i=4096")]
        [InlineData("r=FYKO+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096")]
        public void ServerNonceMustExtendClientNonce(string serverFirst)
        {
            var scram = Sha1();
            scram.Respond(Sasl.Empty);

            var failure = Assert.Throws<Pop3Exception>(() => scram.Respond(Sasl.Bytes(serverFirst)));

            Assert.Equal(Pop3ErrorKind.AuthenticationFailed, failure.Kind);
            Assert.Contains("nonce", failure.Message);
            Assert.False(scram.IsComplete);
        }

        [Theory]
        [InlineData("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=1")]
        [InlineData("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4095")]
        [InlineData("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=0")]
        [InlineData("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=-4096")]
        [InlineData("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=1000001")]
        [InlineData("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=99999999999")]
        [InlineData("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=many")]
        [InlineData("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92")]
        [InlineData("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=not base64!,i=4096")]
        [InlineData("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,i=4096")]
        [InlineData("m=must-understand,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096")]
        [InlineData("garbage")]
        [InlineData("")]
        public void UnusableServerFirstIsRefused(string serverFirst)
        {
            var scram = Sha1();
            scram.Respond(Sasl.Empty);

            var failure = Assert.Throws<Pop3Exception>(() => scram.Respond(Sasl.Bytes(serverFirst)));

            Assert.Equal(Pop3ErrorKind.AuthenticationFailed, failure.Kind);
        }

        [Fact]
        public void ServerErrorInServerFinalIsReported()
        {
            var scram = Sha256();
            scram.Respond(Sasl.Empty);
            scram.Respond(Sasl.Bytes(Sha256ServerFirst));

            var failure = Assert.Throws<Pop3Exception>(() => scram.Respond(Sasl.Bytes("e=invalid-proof")));

            Assert.Equal(Pop3ErrorKind.AuthenticationFailed, failure.Kind);
            Assert.Contains("invalid-proof", failure.Message);
            Assert.Equal("invalid-proof", scram.ServerError);
            Assert.False(scram.IsComplete);
        }

        [Theory]
        [InlineData("v=not base64!")]
        [InlineData("v=")]
        [InlineData("x=unrelated")]
        public void MalformedServerFinalIsRefused(string serverFinal)
        {
            var scram = Sha256();
            scram.Respond(Sasl.Empty);
            scram.Respond(Sasl.Bytes(Sha256ServerFirst));

            Assert.Throws<Pop3Exception>(() => scram.Respond(Sasl.Bytes(serverFinal)));
            Assert.False(scram.IsComplete);
        }

        [Fact]
        public void ChallengeAfterVerificationIsRefused()
        {
            var scram = Sha1();
            scram.Respond(Sasl.Empty);
            scram.Respond(Sasl.Bytes(Sha1ServerFirst));
            scram.Respond(Sasl.Bytes(Sha1ServerFinal));

            Assert.Throws<Pop3Exception>(() => scram.Respond(Sasl.Empty));
        }

        [Fact]
        public void UserNameEscapesCommaAndEquals()
        {
            // RFC 5802 §5.1: ',' and '=' in a saslname are sent as "=2C" and "=3D".
            var scram = new ScramMechanism(ScramHash.Sha256, new NetworkCredential("a=b,c", "pencil"), Sha256Nonce);

            Assert.Equal("n,,n=a=3Db=2Cc,r=" + Sha256Nonce, Sasl.Text(scram.Respond(Sasl.Empty)));
        }

        [Fact]
        public void PasswordIsPreparedBeforeHashing()
        {
            // RFC 4013 §3: "I<U+00AD>X" and "<U+2168>" both prepare to "IX", so all three prove the same password.
            var proofs = new[] { "IX", "I\u00ADX", "\u2168" }.Select(password =>
            {
                var scram = Sha256(password: password);
                scram.Respond(Sasl.Empty);
                return Sasl.Text(scram.Respond(Sasl.Bytes(Sha256ServerFirst)));
            }).Distinct().ToList();

            Assert.Single(proofs);
            Assert.NotEqual(Sha256ClientFinal, proofs[0]);
        }

        [Fact]
        public void UnpreparablePasswordIsRefusedBeforeTheExchange()
        {
            Assert.Throws<ArgumentException>(() => new ScramMechanism(ScramHash.Sha256, new NetworkCredential("user", "pencil\uD800")));
        }

        [Fact]
        public void EachMechanismDrawsAFreshNonce()
        {
            var credential = new NetworkCredential("user", "pencil");
            var first = Sasl.Text(new ScramMechanism(ScramHash.Sha256, credential).Respond(Sasl.Empty));
            var second = Sasl.Text(new ScramMechanism(ScramHash.Sha256, credential).Respond(Sasl.Empty));

            Assert.StartsWith("n,,n=user,r=", first);
            Assert.NotEqual(first, second);
            // 24 random bytes in base64: printable, comma-free, 32 characters.
            Assert.Equal(32, first.Length - "n,,n=user,r=".Length);
        }
    }
}
