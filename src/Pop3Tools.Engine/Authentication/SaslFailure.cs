namespace Pop3Tools.Engine.Authentication
{
    /// <summary>
    /// The one way mechanisms report bad server data. Messages are our own words and the
    /// mechanism name only: never the credential, never the SASL payload.
    /// </summary>
    internal static class SaslFailure
    {
        public static Pop3Exception Create(string mechanism, string reason)
        {
            return new Pop3Exception(Pop3ErrorKind.AuthenticationFailed, mechanism + " authentication failed: " + reason);
        }

        public static Pop3Exception UnexpectedChallenge(string mechanism)
        {
            return Create(mechanism, "the server sent a challenge after the exchange was over.");
        }
    }
}
