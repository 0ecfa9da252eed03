using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Pop3Tools.Engine.Tests.Dovecot;

/// <summary>Checks that a lab port answers with a POP3 greeting (plain, or TLS with the lab's certificate).</summary>
internal static class LabProbe
{
    public static string ReadGreeting(string host, int port, string? tlsThumbprint, TimeSpan bound)
    {
        using var client = new TcpClient();
        // Awaited, not Wait()ed: a refused connect must surface as the SocketException the
        // readiness loop retries on, not wrapped in an AggregateException that ends it.
        client.ConnectAsync(host, port).WaitAsync(bound).GetAwaiter().GetResult();

        client.ReceiveTimeout = client.SendTimeout = (int)bound.TotalMilliseconds;
        Stream stream = client.GetStream();
        if (tlsThumbprint != null)
        {
            var tls = new SslStream(stream, leaveInnerStreamOpen: false,
                (_, certificate, _, _) => certificate != null &&
                    string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), tlsThumbprint, StringComparison.OrdinalIgnoreCase));
            tls.AuthenticateAsClient("localhost");
            stream = tls;
        }

        var line = new StringBuilder();
        int b;
        while ((b = stream.ReadByte()) != -1 && b != '\n')
        {
            line.Append((char)b);
        }

        var greeting = line.ToString().TrimEnd('\r');
        if (!greeting.StartsWith("+OK", StringComparison.Ordinal))
        {
            throw new IOException($"{host}:{port} greeted with '{greeting}'.");
        }

        return greeting;
    }
}
