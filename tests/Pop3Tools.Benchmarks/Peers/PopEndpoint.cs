namespace Pop3Tools.Benchmarks.Peers;

/// <summary>Where the lab server listens and whose mailbox every client downloads.</summary>
internal sealed record PopEndpoint(string Host, int TlsPort, int PlainPort, string User, string Password)
{
    public int PortFor(Transport transport) => transport == Transport.Tls ? TlsPort : PlainPort;
}
