using System.Net;

namespace Pop3Tools.Engine.Authentication
{
    /// <summary>
    /// XOAUTH2 (Google, Microsoft): "user=U ^A auth=Bearer TOKEN ^A ^A"; an error
    /// continuation is acknowledged with an empty message.
    /// </summary>
    internal sealed class XOAuth2Mechanism : BearerTokenMechanism
    {
        public XOAuth2Mechanism(NetworkCredential credential) : base(credential) { }

        public override string Name => "XOAUTH2";

        protected override byte[] ErrorAcknowledgement => new byte[0];

        protected override string Message(string userName, string accessToken) =>
            "user=" + userName + "\u0001auth=Bearer " + accessToken + "\u0001\u0001";
    }
}
