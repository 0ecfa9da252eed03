using System;
using System.Net;
using System.Text;

namespace Pop3Tools.Engine.Authentication
{
    /// <summary>
    /// What XOAUTH2 and OAUTHBEARER share: one message carrying the access token, and a
    /// rejected token coming back as a continuation with a JSON error, which the client
    /// acknowledges once before the server ends the exchange with -ERR.
    /// </summary>
    internal abstract class BearerTokenMechanism : ISaslMechanism
    {
        private readonly NetworkCredential _credential;
        private bool _sent;
        private bool _errorAcknowledged;

        protected BearerTokenMechanism(NetworkCredential credential)
        {
            _credential = credential ?? throw new ArgumentNullException(nameof(credential));
            // ^A separates the fields of both formats: one inside a value would forge a field.
            if (credential.UserName.IndexOf('\u0001') >= 0 || credential.Password.IndexOf('\u0001') >= 0)
            {
                throw new ArgumentException(Name + " cannot carry a user name or access token that contains a ^A (U+0001) character.", nameof(credential));
            }
        }

        public abstract string Name { get; }
        public bool HasInitialResponse => true;
        public bool IsComplete => _sent && ServerError == null;
        public string? ServerError { get; private set; }

        /// <summary>The mechanism's one message for this user and token.</summary>
        protected abstract string Message(string userName, string accessToken);

        /// <summary>The client's answer to the server's error continuation.</summary>
        protected abstract byte[] ErrorAcknowledgement { get; }

        public byte[] Respond(byte[] challenge)
        {
            if (challenge == null) throw new ArgumentNullException(nameof(challenge));
            if (!_sent)
            {
                // First call: the initial response, or the answer to the empty challenge of RFC 5034 §4
                // (tokens are often too long for the 255-octet AUTH line).
                _sent = true;
                return Encoding.UTF8.GetBytes(Message(_credential.UserName, _credential.Password));
            }
            if (_errorAcknowledged)
            {
                throw SaslFailure.UnexpectedChallenge(Name);
            }
            _errorAcknowledged = true;
            ServerError = Encoding.UTF8.GetString(challenge);
            return ErrorAcknowledgement;
        }
    }
}
