using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Pop3Tools.Engine.Protocol;

namespace Pop3Tools.Engine.Tests.Scripted;

/// <summary>How the scripted server behaves beyond its script.</summary>
public sealed class ScriptedServerOptions
{
    /// <summary>Start TLS on accept (pop3s) before the script runs.</summary>
    public bool ImplicitTls { get; set; }

    /// <summary>The server certificate; a self-signed localhost one by default.</summary>
    public X509Certificate2? Certificate { get; set; }

    /// <summary>Bounds every read and write of the script, so no test can hang on a silent client.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// An in-process POP3 server on 127.0.0.1 (ephemeral port) that plays a script per
/// connection, for the faults a real server cannot produce: malformed replies, drops at
/// any byte, hangs, plaintext injected around STLS, untrusted certificates.
/// The script runs on its own task for each accepted connection; when it returns the
/// connection is closed. Script failures are collected and reported by <see cref="AssertScriptsSucceeded"/>.
/// </summary>
public sealed class ScriptedPop3Server : IDisposable
{
    private readonly TcpListener listener;
    private readonly Action<ScriptedConnection> script;
    private readonly ScriptedServerOptions options;
    private readonly X509Certificate2 certificate;
    private readonly ConcurrentQueue<Exception> failures = new();
    private readonly ConcurrentBag<Task> sessions = new();
    private readonly ConcurrentBag<TcpClient> clients = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Task acceptLoop;
    private int accepted;

    private ScriptedPop3Server(Action<ScriptedConnection> script, ScriptedServerOptions options)
    {
        this.script = script;
        this.options = options;
        certificate = options.Certificate ?? TestCertificates.Localhost;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        acceptLoop = OnOwnThread(AcceptLoop);
    }

    public static ScriptedPop3Server Start(Action<ScriptedConnection> script, ScriptedServerOptions? options = null) =>
        new(script, options ?? new ScriptedServerOptions());

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>How many connections were accepted so far.</summary>
    public int ConnectionCount => Volatile.Read(ref accepted);

    /// <summary>Client options aimed at this server with a short timeout, so a failing test cannot hang.</summary>
    public Pop3ConnectionOptions ClientOptions(Pop3Security security = Pop3Security.None, TimeSpan? timeout = null) =>
        new(Host)
        {
            Port = Port,
            Security = security,
            Timeout = timeout ?? TimeSpan.FromSeconds(5),
        };

    /// <summary>Client lines a script did not expect, over all connections.</summary>
    public ConcurrentQueue<string> UnexpectedCommands { get; } = new();

    /// <summary>
    /// Waits (bounded) for every script to end and fails if any client line was not the one its
    /// script expected: a fault test must prove its fault came from the script, not from a client
    /// that went off-script (which also ends the connection and can pass for a drop).
    /// </summary>
    public void AssertScriptsFollowed()
    {
        WaitForScripts();
        Assert.True(UnexpectedCommands.IsEmpty, "The client sent lines no script expected: " + string.Join(" | ", UnexpectedCommands));
    }

    /// <summary>Waits (bounded) for every script to end, so what they recorded is complete.</summary>
    public void WaitForScripts()
    {
        var all = Task.WhenAll(sessions.ToArray()).ContinueWith(_ => { });
        Assert.True(all.Wait(TimeSpan.FromSeconds(15)), "A server script was still running after 15 s.");
    }

    /// <summary>Waits (bounded) for every script to finish and rethrows the first failure.</summary>
    public void AssertScriptsSucceeded()
    {
        Task.WhenAll(sessions.ToArray()).ContinueWith(_ => { }).Wait(TimeSpan.FromSeconds(15));
        if (failures.TryPeek(out var failure)) throw new Exception("A server script failed: " + failure.Message, failure);
    }

    public void Dispose()
    {
        stopping.Cancel();
        listener.Stop();
        foreach (var client in clients) client.Dispose();
        // Script failures are already in the queue; Dispose only makes sure nothing outlives the test.
        Task.WhenAll(sessions.ToArray()).ContinueWith(_ => { }).Wait(TimeSpan.FromSeconds(15));
        acceptLoop.Wait(TimeSpan.FromSeconds(5));
        stopping.Dispose();
    }

    /// <summary>
    /// The server's loops get threads of their own: on a busy 2-core runner the thread pool is
    /// short of threads while parallel tests block on I/O, and a greeting queued behind them
    /// once took longer than the client's 2 s timeout.
    /// </summary>
    private static Task OnOwnThread(Action action) =>
        Task.Factory.StartNew(action, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void AcceptLoop()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                // Dispose stops the listener, which ends a blocked accept with a SocketException.
                client = listener.AcceptTcpClient();
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException || e is InvalidOperationException)
            {
                return;
            }
            clients.Add(client);
            var index = Interlocked.Increment(ref accepted) - 1;
            sessions.Add(OnOwnThread(() => Serve(client, index)));
        }
    }

    private void Serve(TcpClient client, int index)
    {
        var connection = new ScriptedConnection(client, index, certificate, options.ReadTimeout, UnexpectedCommands.Enqueue);
        try
        {
            if (options.ImplicitTls) connection.StartTls();
            script(connection);
        }
        catch (Exception e)
        {
            failures.Enqueue(e);
        }
        finally
        {
            connection.Close();
        }
    }
}
