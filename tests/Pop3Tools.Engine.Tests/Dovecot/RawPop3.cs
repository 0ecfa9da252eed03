using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Pop3Tools.Engine.Tests.Dovecot;

/// <summary>
/// A bare POP3 conversation over TCP for proving the lab itself, independent of
/// the engine's client. Every read is bounded by the socket timeout.
/// </summary>
internal sealed class RawPop3 : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly TcpClient client;
    private Stream stream;

    private RawPop3(TcpClient client, Stream stream)
    {
        this.client = client;
        this.stream = stream;
    }

    public string Greeting { get; private set; } = string.Empty;

    public X509Certificate2? ServerCertificate { get; private set; }

    /// <summary>Connects to the lab's plain port, or its implicit-TLS port pinned to the lab's certificate.</summary>
    public static RawPop3 Connect(DovecotLab lab, bool implicitTls)
    {
        var client = new TcpClient();
        if (!client.ConnectAsync(lab.Host, implicitTls ? lab.TlsPort : lab.PlainPort).Wait(Bound))
        {
            client.Dispose();
            throw new TimeoutException("connect timed out");
        }

        client.ReceiveTimeout = client.SendTimeout = (int)Bound.TotalMilliseconds;
        var raw = new RawPop3(client, client.GetStream());
        if (implicitTls)
        {
            raw.UpgradeToTls(lab.CertificateSha256Thumbprint);
        }

        raw.Greeting = raw.ReadLine();
        return raw;
    }

    /// <summary>Sends STLS and, on +OK, negotiates TLS pinned to the thumbprint.</summary>
    public string StartTls(string thumbprint)
    {
        var reply = Command("STLS");
        if (reply.StartsWith("+OK", StringComparison.Ordinal))
        {
            UpgradeToTls(thumbprint);
        }

        return reply;
    }

    /// <summary>Sends one command, returns its status line.</summary>
    public string Command(string line)
    {
        stream.Write(Encoding.ASCII.GetBytes(line + "\r\n"));
        stream.Flush();
        return ReadLine();
    }

    /// <summary>Logs in with USER/PASS; throws unless both are accepted.</summary>
    public void Login(string user, string password)
    {
        foreach (var (command, reply) in new[] { ("USER", Command("USER " + user)), ("PASS", Command("PASS " + password)) })
        {
            if (!reply.StartsWith("+OK", StringComparison.Ordinal))
            {
                throw new IOException($"{command} was answered '{reply}'.");
            }
        }
    }

    /// <summary>The lines of a multi-line reply as text, after a +OK status line.</summary>
    public IReadOnlyList<string> MultiLineText(string command)
    {
        var payload = MultiLine(command);
        var text = Encoding.ASCII.GetString(payload);
        return text.Length == 0 ? Array.Empty<string>() : text[..^2].Split("\r\n");
    }

    /// <summary>A multi-line reply's payload with dot-stuffing undone (RFC 1939 3), CRLFs kept.</summary>
    public byte[] MultiLine(string command)
    {
        var status = Command(command);
        if (!status.StartsWith("+OK", StringComparison.Ordinal))
        {
            throw new IOException($"{command} was answered '{status}'.");
        }

        var payload = new MemoryStream();
        while (true)
        {
            var line = ReadLineBytes();
            if (line.Length == 3 && line[0] == '.')
            {
                return payload.ToArray();
            }

            payload.Write(line, line.Length > 0 && line[0] == '.' ? 1 : 0, line.Length - (line.Length > 0 && line[0] == '.' ? 1 : 0));
        }
    }

    public void Dispose()
    {
        stream.Dispose();
        client.Dispose();
    }

    private void UpgradeToTls(string thumbprint)
    {
        var tls = new SslStream(stream, leaveInnerStreamOpen: false, (_, certificate, _, _) =>
            certificate != null && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), thumbprint, StringComparison.OrdinalIgnoreCase));
        tls.AuthenticateAsClient("localhost");
        ServerCertificate = tls.RemoteCertificate as X509Certificate2;
        stream = tls;
    }

    private string ReadLine()
    {
        var line = ReadLineBytes();
        return Encoding.ASCII.GetString(line, 0, line.Length - 2);
    }

    // One line including its CRLF.
    private byte[] ReadLineBytes()
    {
        var line = new MemoryStream();
        int previous = -1;
        while (true)
        {
            int b = stream.ReadByte();
            if (b == -1)
            {
                throw new IOException("The server closed the connection mid-line.");
            }

            line.WriteByte((byte)b);
            if (previous == '\r' && b == '\n')
            {
                return line.ToArray();
            }

            previous = b;
        }
    }
}
