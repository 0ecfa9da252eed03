using System;
using System.Net;
using System.Text;

namespace Pop3Tools.Engine.Authentication
{
    /// <summary>
    /// XOAUTH2 (Google, Microsoft): "user=U ^A auth=Bearer TOKEN ^A ^A". A rejected token
    /// comes back as a continuation holding a JSON error; the client acknowledges it with an
    /// empty message and the server then ends the exchange with -ERR.
    /// </summary>
    internal sealed class XOAuth2Mechanism : ISaslMechanism
    {
        private readonly NetworkCredential _credential;
        private bool _sent;
        private bool _errorAcknowledged;

        public XOAuth2Mechanism(NetworkCredential credential)
        {
            _credential = credential ?? throw new ArgumentNullException(nameof(credential));
            if (credential.UserName.IndexOf('\u0001') >= 0 || credential.Password.IndexOf('\u0001') >= 0)
            {
                throw new ArgumentException("XOAUTH2 cannot carry a user name or access token that contains a ^A (U+0001) character.", nameof(credential));
            }
        }

        public string Name => "XOAUTH2";
        public bool HasInitialResponse => true;
        public bool IsComplete => _sent && ServerError == null;
        public string? ServerError { get; private set; }

        public byte[] Respond(byte[] challenge)
        {
            if (challenge == null) throw new ArgumentNullException(nameof(challenge));
            if (!_sent)
            {
                // First call: the initial response, or the answer to the empty challenge of RFC 5034 §4
                // (tokens are often too long for the 255-octet AUTH line).
                _sent = true;
                return Encoding.UTF8.GetBytes("user=" + _credential.UserName + "\u0001auth=Bearer " + _credential.Password + "\u0001\u0001");
            }
            if (_errorAcknowledged)
            {
                throw SaslFailure.UnexpectedChallenge(Name);
            }
            _errorAcknowledged = true;
            ServerError = Encoding.UTF8.GetString(challenge);
            return new byte[0];
        }
    }
}
