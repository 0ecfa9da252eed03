using System.Net;

namespace Pop3Tools.Engine.Authentication
{
    /// <summary>
    /// OAUTHBEARER (RFC 7628): gs2 header naming the user as authzid, then
    /// "^A auth=Bearer TOKEN ^A ^A"; RFC 7628 §3.2.3 has the client answer an error
    /// continuation with a single ^A.
    /// </summary>
    internal sealed class OAuthBearerMechanism : BearerTokenMechanism
    {
        public OAuthBearerMechanism(NetworkCredential credential) : base(credential) { }

        public override string Name => "OAUTHBEARER";

        protected override byte[] ErrorAcknowledgement => new byte[] { 0x01 };

        protected override string Message(string userName, string accessToken) =>
            "n,a=" + Gs2Name.Escape(userName) + ",\u0001auth=Bearer " + accessToken + "\u0001\u0001";
    }
}
