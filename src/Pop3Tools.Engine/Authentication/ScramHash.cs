using System;
using System.Security.Cryptography;

namespace Pop3Tools.Engine.Authentication
{
    /// <summary>The hash a SCRAM variant is built on (RFC 5802 §2.2: H, HMAC, Hi).</summary>
    internal sealed class ScramHash
    {
        public static readonly ScramHash Sha1 = new ScramHash("SCRAM-SHA-1", 20, key => new HMACSHA1(key), SHA1.Create);
        public static readonly ScramHash Sha256 = new ScramHash("SCRAM-SHA-256", 32, key => new HMACSHA256(key), SHA256.Create);

        private readonly Func<byte[], HMAC> _createHmac;
        private readonly Func<HashAlgorithm> _createHash;
        private readonly int _outputLength;

        private ScramHash(string mechanismName, int outputLength, Func<byte[], HMAC> createHmac, Func<HashAlgorithm> createHash)
        {
            MechanismName = mechanismName;
            _outputLength = outputLength;
            _createHmac = createHmac;
            _createHash = createHash;
        }

        public string MechanismName { get; }

        public byte[] Hash(byte[] data)
        {
            using (var hash = _createHash())
            {
                return hash.ComputeHash(data);
            }
        }

        public byte[] Hmac(byte[] key, byte[] data)
        {
            using (var hmac = _createHmac(key))
            {
                return hmac.ComputeHash(data);
            }
        }

        /// <summary>Hi(str, salt, i): PBKDF2 with this HMAC and an output the size of one hash.</summary>
        public byte[] Hi(byte[] password, byte[] salt, int iterations)
        {
            return Pbkdf2.DeriveKey(_createHmac, password, salt, iterations, _outputLength);
        }
    }
}
