using System;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Pop3Tools.Engine.Authentication
{
    /// <summary>CRAM-MD5 (RFC 2195): answers "user " + lower-hex HMAC-MD5(password, challenge).</summary>
    internal sealed class CramMd5Mechanism : ISaslMechanism
    {
        private readonly NetworkCredential _credential;
        private bool _answered;

        public CramMd5Mechanism(NetworkCredential credential)
        {
            _credential = credential ?? throw new ArgumentNullException(nameof(credential));
        }

        public string Name => "CRAM-MD5";
        public bool HasInitialResponse => false;
        public bool IsComplete => _answered;
        public string? ServerError => null;

        public byte[] Respond(byte[] challenge)
        {
            if (challenge == null) throw new ArgumentNullException(nameof(challenge));
            if (_answered)
            {
                throw SaslFailure.UnexpectedChallenge(Name);
            }
            if (challenge.Length == 0)
            {
                // An empty challenge would make the digest a replayable function of the password alone.
                throw SaslFailure.Create(Name, "the server sent an empty challenge.");
            }

            var key = Encoding.UTF8.GetBytes(_credential.Password);
            try
            {
                using (var hmac = new HMACMD5(key))
                {
                    _answered = true;
                    return Encoding.UTF8.GetBytes(_credential.UserName + " " + Hex.Lower(hmac.ComputeHash(challenge)));
                }
            }
            finally
            {
                Array.Clear(key, 0, key.Length);
            }
        }
    }
}
