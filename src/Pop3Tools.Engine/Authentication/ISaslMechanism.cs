namespace Pop3Tools.Engine.Authentication
{
    /// <summary>
    /// One SASL client mechanism (RFC 4422), driven by the protocol layer's AUTH
    /// exchange (RFC 5034). Pure: no I/O, so each is tested with published vectors.
    /// </summary>
    public interface ISaslMechanism
    {
        /// <summary>The IANA name sent after AUTH, e.g. "SCRAM-SHA-256".</summary>
        string Name { get; }

        /// <summary>True if the first message goes with the AUTH command (RFC 4422 initial response).</summary>
        bool HasInitialResponse { get; }

        /// <summary>
        /// Given the decoded server challenge (empty for the initial response), returns the
        /// client's next message, not yet base64-encoded. Throws <see cref="Pop3Exception"/>
        /// (AuthenticationFailed) when the server's data fails verification.
        /// </summary>
        byte[] Respond(byte[] challenge);

        /// <summary>
        /// True once the exchange proved the server (SCRAM: server signature verified);
        /// mechanisms that cannot prove the server are complete after their last message.
        /// The protocol layer checks it on +OK and fails the login if false.
        /// </summary>
        bool IsComplete { get; }

        /// <summary>Error detail the server sent in a failure continuation (XOAUTH2/OAUTHBEARER JSON), if any.</summary>
        string? ServerError { get; }
    }
}
