using System;
using System.Net;
using System.Text;

namespace Pop3Tools.Engine.Authentication
{
    /// <summary>
    /// OAUTHBEARER (RFC 7628): gs2 header naming the user as authzid, then
    /// "^A auth=Bearer TOKEN ^A ^A". A rejected token comes back as a continuation holding a
    /// JSON error; RFC 7628 §3.2.3 has the client answer it with a single ^A.
    /// </summary>
    internal sealed class OAuthBearerMechanism : ISaslMechanism
    {
        private readonly NetworkCredential _credential;
        private bool _sent;
        private bool _errorAcknowledged;

        public OAuthBearerMechanism(NetworkCredential credential)
        {
            _credential = credential ?? throw new ArgumentNullException(nameof(credential));
            if (credential.UserName.IndexOf('\u0001') >= 0 || credential.Password.IndexOf('\u0001') >= 0)
            {
                throw new ArgumentException("OAUTHBEARER cannot carry a user name or access token that contains a ^A (U+0001) character.", nameof(credential));
            }
        }

        public string Name => "OAUTHBEARER";
        public bool HasInitialResponse => true;
        public bool IsComplete => _sent && ServerError == null;
        public string? ServerError { get; private set; }

        public byte[] Respond(byte[] challenge)
        {
            if (challenge == null) throw new ArgumentNullException(nameof(challenge));
            if (!_sent)
            {
                // First call: the initial response, or the answer to the empty challenge of RFC 5034 §4.
                _sent = true;
                return Encoding.UTF8.GetBytes("n,a=" + Gs2Name.Escape(_credential.UserName) + ",\u0001auth=Bearer " + _credential.Password + "\u0001\u0001");
            }
            if (_errorAcknowledged)
            {
                throw SaslFailure.UnexpectedChallenge(Name);
            }
            _errorAcknowledged = true;
            ServerError = Encoding.UTF8.GetString(challenge);
            return new byte[] { 0x01 };
        }
    }
}
