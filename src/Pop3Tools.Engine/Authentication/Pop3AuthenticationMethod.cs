namespace Pop3Tools
{
    /// <summary>How to log in.</summary>
    public enum Pop3AuthenticationMethod
    {
        /// <summary>The strongest mechanism both sides support.</summary>
        Auto,
        UserPass,
        Apop,
        Plain,
        Login,
        CramMd5,
        ScramSha1,
        ScramSha256,
        XOAuth2,
        OAuthBearer,
    }
}
