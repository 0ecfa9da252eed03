using System;
using System.Net;
using System.Text;

namespace Pop3Tools.Engine.Authentication
{
    /// <summary>
    /// LOGIN (draft-murchison-sasl-login): the server prompts twice and the client answers
    /// user name, then password. Prompt texts vary ("Username:", "User Name", localised...)
    /// and carry no meaning, so they are ignored.
    /// </summary>
    internal sealed class LoginMechanism : ISaslMechanism
    {
        private readonly NetworkCredential _credential;
        private int _answered;

        public LoginMechanism(NetworkCredential credential)
        {
            _credential = credential ?? throw new ArgumentNullException(nameof(credential));
        }

        public string Name => "LOGIN";
        public bool HasInitialResponse => false;
        public bool IsComplete => _answered == 2;
        public string? ServerError => null;

        public byte[] Respond(byte[] challenge)
        {
            switch (_answered)
            {
                case 0:
                    _answered = 1;
                    return Encoding.UTF8.GetBytes(_credential.UserName);
                case 1:
                    _answered = 2;
                    return Encoding.UTF8.GetBytes(_credential.Password);
                default:
                    throw SaslFailure.UnexpectedChallenge(Name);
            }
        }
    }
}
