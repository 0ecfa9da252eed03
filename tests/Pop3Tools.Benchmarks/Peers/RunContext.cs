namespace Pop3Tools.Benchmarks.Peers;

/// <summary>
/// Everything one measured download needs: the server, the transport, how many
/// messages the mailbox holds (curl must be told; the others ask the server),
/// a private directory for configuration and an empty one for the mail.
/// </summary>
internal sealed record RunContext(PopEndpoint Endpoint, Transport Transport, int MessageCount, string ConfigDir, string MailDir)
{
    public int Port => Endpoint.PortFor(Transport);
}
