namespace Pop3Tools
{
    /// <summary>
    /// What went wrong, one value per stable error id of the module
    /// (<c>Pop3.&lt;Kind&gt;</c>); see the error table in DESIGN.md.
    /// </summary>
    public enum Pop3ErrorKind
    {
        ConnectionFailed,
        Timeout,
        TlsHandshakeFailed,
        CertificateInvalid,
        StartTlsUnavailable,
        InsecureAuthenticationRefused,
        AuthenticationFailed,
        MailboxInUse,
        LoginDelay,
        ServerUnavailable,
        MessageNotFound,
        ProtocolError,
        SessionClosed,
        DeletionsNotCommitted,
        /// <summary>A message MimeKit cannot parse within the limits: nesting depth, part count, header block size.</summary>
        MessageMalformed,
        /// <summary>A message could not be written to the export folder (disk full, access denied).</summary>
        SaveFailed,
        /// <summary>A message arrived with another size than LIST gave: cut or altered, so it is not saved.</summary>
        SizeMismatch,
    }
}
