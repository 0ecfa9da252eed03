using System;
using System.Net;
using System.Text;

namespace Pop3Tools.Engine.Authentication
{
    /// <summary>PLAIN (RFC 4616): one message "authzid NUL authcid NUL passwd", authzid left empty.</summary>
    internal sealed class PlainMechanism : ISaslMechanism
    {
        private readonly NetworkCredential _credential;
        private bool _sent;

        public PlainMechanism(NetworkCredential credential)
        {
            _credential = credential ?? throw new ArgumentNullException(nameof(credential));
            if (credential.UserName.IndexOf('\0') >= 0 || credential.Password.IndexOf('\0') >= 0)
            {
                throw new ArgumentException("PLAIN cannot carry a user name or password that contains a NUL character.", nameof(credential));
            }
        }

        public string Name => "PLAIN";
        public bool HasInitialResponse => true;
        public bool IsComplete => _sent;
        public string? ServerError => null;

        /// <summary>
        /// The first call answers whatever it is given: the empty initial response, or the empty
        /// challenge a server sends when the AUTH line would have been too long (RFC 5034 §4).
        /// </summary>
        public byte[] Respond(byte[] challenge)
        {
            if (_sent)
            {
                throw SaslFailure.UnexpectedChallenge(Name);
            }
            _sent = true;
            return Encoding.UTF8.GetBytes("\0" + _credential.UserName + "\0" + _credential.Password);
        }
    }
}
