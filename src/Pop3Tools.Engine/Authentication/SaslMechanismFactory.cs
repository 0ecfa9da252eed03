using System;
using System.Net;

namespace Pop3Tools.Engine.Authentication
{
    /// <summary>Builds the SASL mechanism for a method; USER/PASS and APOP are POP3 commands, not SASL.</summary>
    internal static class SaslMechanismFactory
    {
        /// <summary>For XOAuth2 and OAuthBearer the credential's password is the access token.</summary>
        public static ISaslMechanism Create(Pop3AuthenticationMethod method, NetworkCredential credential)
        {
            if (credential == null) throw new ArgumentNullException(nameof(credential));
            switch (method)
            {
                case Pop3AuthenticationMethod.Plain: return new PlainMechanism(credential);
                case Pop3AuthenticationMethod.Login: return new LoginMechanism(credential);
                case Pop3AuthenticationMethod.CramMd5: return new CramMd5Mechanism(credential);
                case Pop3AuthenticationMethod.ScramSha1: return new ScramMechanism(ScramHash.Sha1, credential);
                case Pop3AuthenticationMethod.ScramSha256: return new ScramMechanism(ScramHash.Sha256, credential);
                case Pop3AuthenticationMethod.XOAuth2: return new XOAuth2Mechanism(credential);
                case Pop3AuthenticationMethod.OAuthBearer: return new OAuthBearerMechanism(credential);
                default: throw new ArgumentException(method + " is not a SASL mechanism.", nameof(method));
            }
        }
    }
}
