using System.Security.Cryptography;
using Pop3Tools.Engine.Authentication;

namespace Pop3Tools.Engine.Tests.Authentication
{
    public class Pbkdf2Tests
    {
        // RFC 6070 §2 (PBKDF2-HMAC-SHA1); the 16777216-iteration vector is left out for run time.
        [Theory]
        [InlineData("password", "salt", 1, 20, "0c60c80f961f0e71f3a9b524af6012062fe037a6")]
        [InlineData("password", "salt", 2, 20, "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957")]
        [InlineData("password", "salt", 4096, 20, "4b007901b765489abead49d926f721d065a429c1")]
        [InlineData("passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, 25, "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038")]
        [InlineData("pass\0word", "sa\0lt", 4096, 16, "56fa6aa75548099dcc37d7f03425e0c3")]
        public void HmacSha1MatchesRfc6070(string password, string salt, int iterations, int length, string expectedHex)
        {
            var derived = Pbkdf2.DeriveKey(key => new HMACSHA1(key), Sasl.Bytes(password), Sasl.Bytes(salt), iterations, length);

            Assert.Equal(expectedHex, Hex.Lower(derived));
        }

        // RFC 7914 §11 (PBKDF2-HMAC-SHA256, 64 bytes: two blocks of output).
        [Theory]
        [InlineData("passwd", "salt", 1, "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783")]
        [InlineData("Password", "NaCl", 80000, "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d")]
        public void HmacSha256MatchesRfc7914(string password, string salt, int iterations, string expectedHex)
        {
            var derived = Pbkdf2.DeriveKey(key => new HMACSHA256(key), Sasl.Bytes(password), Sasl.Bytes(salt), iterations, 64);

            Assert.Equal(expectedHex, Hex.Lower(derived));
        }

        [Fact]
        public void HmacSha256AgreesWithTheFrameworkForAShortSalt()
        {
            // A 4-byte salt is legal in SCRAM; the modern framework's one-shot PBKDF2 is an independent implementation.
            var password = Sasl.Bytes("pencil");
            var salt = new byte[] { 1, 2, 3, 4 };

            var ours = Pbkdf2.DeriveKey(key => new HMACSHA256(key), password, salt, 4096, 32);

            Assert.Equal(Rfc2898DeriveBytes.Pbkdf2(password, salt, 4096, HashAlgorithmName.SHA256, 32), ours);
        }
    }
}
