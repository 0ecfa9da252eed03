namespace Pop3Tools.Engine.Protocol
{
    /// <summary>
    /// Receives the protocol dialogue for verbose/debug output. Lines reach it
    /// already redacted: passwords, SASL payloads and tokens are replaced by a marker.
    /// </summary>
    public interface IPop3ProtocolLog
    {
        /// <summary>A protocol step in plain words ("Connecting to host:995 (Tls)").</summary>
        void Step(string message);

        /// <summary>A line the client sent (redacted), without CRLF.</summary>
        void Sent(string line);

        /// <summary>A status or continuation line the server sent, without CRLF.</summary>
        void Received(string line);
    }
}
