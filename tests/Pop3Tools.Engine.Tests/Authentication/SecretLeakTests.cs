using System.Net;
using Pop3Tools.Engine.Authentication;

namespace Pop3Tools.Engine.Tests.Authentication
{
    /// <summary>Every failure path, with a password no message could contain by chance.</summary>
    public class SecretLeakTests
    {
        private const string Secret = "Zq7-unguessable-Secret";

        public static IEnumerable<object[]> Failures()
        {
            var credential = new NetworkCredential("user", Secret);
            yield return Case("PLAIN twice", () => Drive(new PlainMechanism(credential), "", ""));
            yield return Case("PLAIN with NUL", () => new PlainMechanism(new NetworkCredential("user", Secret + "\0")));
            yield return Case("LOGIN three prompts", () => Drive(new LoginMechanism(credential), "u", "p", "again"));
            yield return Case("CRAM-MD5 empty", () => Drive(new CramMd5Mechanism(credential), ""));
            yield return Case("XOAUTH2 three", () => Drive(new XOAuth2Mechanism(credential), "", "{}", "{}"));
            yield return Case("XOAUTH2 with ^A", () => new XOAuth2Mechanism(new NetworkCredential("user", Secret + "\u0001")));
            yield return Case("OAUTHBEARER three", () => Drive(new OAuthBearerMechanism(credential), "", "{}", "{}"));
            yield return Case("SCRAM bad nonce", () => Drive(Scram(credential), "", "r=other,s=QSXCR+Q6sek8bf92,i=4096"));
            yield return Case("SCRAM bad signature", () => Drive(Scram(credential), "",
                "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096", "v=rmF9pqV8S7suAoZWja4dJRkFsKQ="));
            yield return Case("SCRAM e=", () => Drive(Scram(credential), "",
                "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096", "e=other-error"));
            yield return Case("SCRAM bad password text", () => Scram(new NetworkCredential("user", Secret + "\uD800")));
        }

        [Theory]
        [MemberData(nameof(Failures))]
        public void FailureTextNeverHoldsThePassword(string name, Action failingStep)
        {
            var failure = Assert.ThrowsAny<Exception>(failingStep);

            Assert.False(failure.ToString().Contains(Secret), name + " leaked the password");
        }

        [Fact]
        public void MechanismsDoNotPrintTheirCredential()
        {
            var credential = new NetworkCredential("user", Secret);
            foreach (Pop3AuthenticationMethod method in new[] {
                Pop3AuthenticationMethod.Plain, Pop3AuthenticationMethod.Login, Pop3AuthenticationMethod.CramMd5,
                Pop3AuthenticationMethod.ScramSha1, Pop3AuthenticationMethod.ScramSha256,
                Pop3AuthenticationMethod.XOAuth2, Pop3AuthenticationMethod.OAuthBearer })
            {
                Assert.DoesNotContain(Secret, SaslMechanismFactory.Create(method, credential).ToString());
            }
        }

        private static object[] Case(string name, Action step) => new object[] { name, step };

        private static ScramMechanism Scram(NetworkCredential credential) =>
            new ScramMechanism(ScramHash.Sha1, credential, "fyko+d2lbbFgONRv9qkxdawL");

        private static void Drive(ISaslMechanism mechanism, params string[] challenges)
        {
            foreach (var challenge in challenges)
            {
                mechanism.Respond(Sasl.Bytes(challenge));
            }
        }
    }
}
