using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Pop3Tools.Engine.Tests.Scripted;

/// <summary>The client vanished while the script still expected something from it.</summary>
public sealed class ClientClosedException : Exception
{
    public ClientClosedException() : base("The client closed the connection.") { }
}

/// <summary>The client sent something other than what the script expected.</summary>
public sealed class ScriptMismatchException : Exception
{
    public ScriptMismatchException(string message) : base(message) { }
}

/// <summary>
/// The server end of one accepted connection, driven step by step by a test script:
/// raw bytes out, expected client lines in, TLS on demand, faults on demand.
/// </summary>
public sealed class ScriptedConnection
{
    private readonly TcpClient client;
    private readonly X509Certificate2 certificate;
    private Stream stream;
    private readonly List<byte> pending = new();
    private readonly Action<string> recordUnexpected;
    private bool closed;

    internal ScriptedConnection(TcpClient client, int index, X509Certificate2 certificate, TimeSpan readTimeout, Action<string> recordUnexpected)
    {
        this.client = client;
        this.certificate = certificate;
        this.recordUnexpected = recordUnexpected;
        Index = index;
        client.ReceiveTimeout = (int)readTimeout.TotalMilliseconds;
        client.SendTimeout = (int)readTimeout.TotalMilliseconds;
        stream = client.GetStream();
    }

    /// <summary>0 for the first connection the server accepted, 1 for the next...</summary>
    public int Index { get; }

    /// <summary>Bounds every later read (the TLS handshake's too): a client that went quiet ends the script sooner.</summary>
    public void SetReadTimeout(TimeSpan timeout) => client.ReceiveTimeout = (int)timeout.TotalMilliseconds;

    /// <summary>Every line the client sent, in order.</summary>
    public List<string> Received { get; } = new();

    public void Send(string text) => SendBytes(Encoding.UTF8.GetBytes(text));

    public void SendLine(string line) => Send(line + "\r\n");

    public void SendBytes(byte[] bytes)
    {
        stream.Write(bytes, 0, bytes.Length);
        stream.Flush();
    }

    /// <summary>Sends only the first <paramref name="count"/> bytes, then closes the connection.</summary>
    public void SendThenDrop(byte[] bytes, int count)
    {
        if (count > 0) SendBytes(bytes.AsSpan(0, count).ToArray());
        Close();
    }

    /// <summary>The next client line without its CRLF.</summary>
    public string ReadLine()
    {
        while (true)
        {
            var newline = pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var end = newline > 0 && pending[newline - 1] == (byte)'\r' ? newline - 1 : newline;
                var line = Encoding.UTF8.GetString(pending.GetRange(0, end).ToArray());
                pending.RemoveRange(0, newline + 1);
                Received.Add(line);
                return line;
            }
            var chunk = new byte[4096];
            int read;
            try
            {
                read = stream.Read(chunk, 0, chunk.Length);
            }
            catch (IOException)
            {
                throw new ClientClosedException();
            }
            if (read == 0) throw new ClientClosedException();
            pending.AddRange(chunk.AsSpan(0, read).ToArray());
        }
    }

    /// <summary>Reads a line and fails the script unless it is exactly <paramref name="expected"/>.</summary>
    public void Expect(string expected)
    {
        var line = ReadLine();
        if (line != expected) throw Unexpected(line, "Expected \"" + expected + "\" from the client, got \"" + line + "\".");
    }

    /// <summary>Reads a line that must start with <paramref name="prefix"/>; returns it whole.</summary>
    public string ExpectPrefix(string prefix)
    {
        var line = ReadLine();
        if (!line.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw Unexpected(line, "Expected a line starting \"" + prefix + "\" from the client, got \"" + line + "\".");
        }
        return line;
    }

    /// <summary>
    /// Records a client line the script did not expect, so a test can tell "the client sent the
    /// wrong command" from "the link dropped" (both end the connection).
    /// </summary>
    public ScriptMismatchException Unexpected(string line, string message)
    {
        recordUnexpected(line);
        return new ScriptMismatchException(message);
    }

    /// <summary>Expects CAPA and answers with these capability lines.</summary>
    public void ExpectCapa(params string[] capabilities)
    {
        Expect("CAPA");
        var reply = new StringBuilder("+OK Capability list follows\r\n");
        foreach (var capability in capabilities) reply.Append(capability).Append("\r\n");
        reply.Append(".\r\n");
        Send(reply.ToString());
    }

    /// <summary>The server side of a TLS handshake with the server's certificate.</summary>
    public void StartTls()
    {
        var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
        ssl.AuthenticateAsServer(certificate, clientCertificateRequired: false, SslProtocols.None, checkCertificateRevocation: false);
        stream = ssl;
    }

    /// <summary>
    /// True if the client sends anything within <paramref name="wait"/> (plain connections only).
    /// Used to show the client holds back, e.g. no more pipelined commands than its window.
    /// </summary>
    public bool ClientSendsWithin(TimeSpan wait) =>
        pending.Count > 0 || client.Client.Poll((int)(wait.TotalMilliseconds * 1000), SelectMode.SelectRead);

    /// <summary>Sends nothing and waits until the client gives up (or the read timeout ends the wait).</summary>
    public void Hang()
    {
        var sink = new byte[1024];
        try
        {
            while (stream.Read(sink, 0, sink.Length) > 0)
            {
            }
        }
        catch (IOException)
        {
            // The client closed or the read timeout passed: either way the hang is over.
        }
    }

    /// <summary>Waits for the client to close its end (reading and ignoring whatever it sends).</summary>
    public void WaitForClientClose() => Hang();

    /// <summary>Resets the connection (RST instead of FIN), as a crashed server or a middlebox does.</summary>
    public void Reset()
    {
        if (closed) return;
        client.LingerState = new LingerOption(true, 0);
        Close();
    }

    /// <summary>Closes the connection (FIN); safe to call more than once.</summary>
    public void Close()
    {
        if (closed) return;
        closed = true;
        // Client is null once the server's Dispose has disposed the TcpClient under a running script.
        try { client.Client?.Shutdown(SocketShutdown.Both); } catch (SocketException) { } catch (ObjectDisposedException) { }
        client.Dispose();
    }
}
