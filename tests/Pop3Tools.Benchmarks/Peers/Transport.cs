namespace Pop3Tools.Benchmarks.Peers;

/// <summary>How the bytes cross loopback: implicit TLS (pop3s) or plain POP3 with no TLS at all.</summary>
internal enum Transport
{
    Tls,
    Plain,
}
