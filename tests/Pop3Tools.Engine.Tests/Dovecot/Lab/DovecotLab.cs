using System.Net;
using System.Net.Sockets;

namespace Pop3Tools.Engine.Tests.Dovecot;

/// <summary>
/// A private Dovecot POP3 server on loopback, with its own configuration, users,
/// maildirs and certificate under one short temporary directory. Plain class (no
/// test framework types) so other tools can start a lab too. Dispose stops the
/// server and removes the directory.
/// </summary>
public sealed partial class DovecotLab : IDisposable
{
    private static readonly TimeSpan ToolBound = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ReadyBound = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(15);
    private const int StartAttempts = 3;

    private readonly LabAccounts accounts;
    private int masterPid;
    private bool disposed;

    private DovecotLab(string directory, LabAccounts accounts, string thumbprint)
    {
        Directory = directory;
        this.accounts = accounts;
        CertificateSha256Thumbprint = thumbprint;
    }

    public string Host => "127.0.0.1";

    /// <summary>Plain POP3; STLS is offered.</summary>
    public int PlainPort { get; private set; }

    /// <summary>Implicit TLS (pop3s).</summary>
    public int TlsPort { get; private set; }

    /// <summary>SHA-256 of the server certificate, upper-case hex without separators.</summary>
    public string CertificateSha256Thumbprint { get; }

    public string Directory { get; }

    public string LogPath => Path.Combine(Directory, "dovecot.log");

    private string ConfigPath => Path.Combine(Directory, "dovecot.conf");

    private string MasterPidPath => Path.Combine(Directory, "run", "master.pid");

    /// <summary>Extra implicit-TLS listeners with certificates of their own (see <see cref="Start(IReadOnlyList{LabTlsListener})"/>).</summary>
    public IReadOnlyList<LabTlsListener> TlsListeners { get; private set; } = Array.Empty<LabTlsListener>();

    /// <summary>Starts a lab with no users; add them with <see cref="AddMailbox"/>.</summary>
    public static DovecotLab Start() => Start(Array.Empty<LabTlsListener>());

    /// <summary>Starts a lab that also serves each of <paramref name="tlsListeners"/>, on its own loopback address.</summary>
    public static DovecotLab Start(IReadOnlyList<LabTlsListener> tlsListeners)
    {
        var accounts = LabAccounts.ForThisProcess();
        var directory = CreateLabDirectory();
        DovecotLab? lab = null;
        try
        {
            var certificate = LabCertificate.Create();
            File.WriteAllText(Path.Combine(directory, "cert.pem"), certificate.CertificatePem);
            var keyPath = Path.Combine(directory, "key.pem");
            File.WriteAllText(keyPath, certificate.PrivateKeyPem);
            LibC.SetMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);

            lab = new DovecotLab(directory, accounts, certificate.Sha256Thumbprint) { TlsListeners = tlsListeners };
            foreach (var listener in tlsListeners)
            {
                File.WriteAllText(Path.Combine(directory, listener.CertificateFile), listener.CertificatePem);
                var listenerKey = Path.Combine(directory, listener.KeyFile);
                File.WriteAllText(listenerKey, listener.PrivateKeyPem);
                LibC.SetMode(listenerKey, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            lab.PrepareMailRoot();
            lab.PrepareOAuth2();
            lab.Launch();
            return lab;
        }
        catch
        {
            if (lab != null)
            {
                lab.Dispose();
            }
            else
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }

            throw;
        }
    }

    public string ReadLog() => File.Exists(LogPath) ? ReadShared(LogPath) : string.Empty;

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        StopMaster();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    // Unix socket paths are limited to 108 bytes and base_dir holds them, so the lab
    // lives right under /tmp rather than a possibly long per-user temp directory.
    private static string CreateLabDirectory()
    {
        var parent = System.IO.Directory.Exists("/tmp") ? "/tmp" : Path.GetTempPath();
        string directory;
        do
        {
            directory = Path.Combine(parent, "p3t-" + Path.GetRandomFileName().Replace(".", string.Empty)[..8]);
        }
        while (System.IO.Directory.Exists(directory));

        System.IO.Directory.CreateDirectory(directory);
        // Dovecot's unprivileged processes (auth, pop3 as the mail uid) walk through it.
        LibC.SetMode(directory, WorldTraversable);
        foreach (var child in new[] { "run", "state" })
        {
            System.IO.Directory.CreateDirectory(Path.Combine(directory, child));
        }

        return directory;
    }

    private const UnixFileMode WorldTraversable =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private void Launch()
    {
        var listenOnIpv6 = LoopbackHasIpv6();
        for (int attempt = 1; ; attempt++)
        {
            (PlainPort, TlsPort) = PickFreePorts(listenOnIpv6);
            for (int i = 0; i < TlsListeners.Count; i++)
            {
                TlsListeners[i].Place(i);
            }

            File.WriteAllText(ConfigPath, DovecotConfig.Render(Directory, accounts, PlainPort, TlsPort, listenOnIpv6, TlsListeners));

            var check = LabTools.Run(LabTools.Find("doveconf"), ToolBound, "-c", ConfigPath, "-n");
            if (check.ExitCode != 0)
            {
                throw new InvalidOperationException($"doveconf rejected the lab configuration {ConfigPath}: {check.Describe()}");
            }

            var logBefore = ReadLog().Length;
            var start = LabTools.Run(LabTools.Find("dovecot"), ToolBound, "-c", ConfigPath);
            try
            {
                if (start.ExitCode != 0)
                {
                    throw StartFailure($"dovecot -c {ConfigPath} failed: {start.Describe()}");
                }

                masterPid = WaitForMasterPid();
                WaitUntilReady();
                LabWatchdog.Watch(masterPid, Directory);
                return;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts && PortWasTaken(start, logBefore))
            {
                // Another process took a port between our probe and Dovecot's bind: new ports.
                StopMaster();
            }
        }
    }

    private bool PortWasTaken(ToolResult start, int logBefore)
    {
        const string InUse = "Address already in use";
        var log = ReadLog();
        return start.StandardError.Contains(InUse, StringComparison.Ordinal)
            || (log.Length > logBefore && log[logBefore..].Contains(InUse, StringComparison.Ordinal));
    }

    private int WaitForMasterPid()
    {
        var deadline = DateTime.UtcNow + ReadyBound;
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(MasterPidPath) && int.TryParse(File.ReadAllText(MasterPidPath).Trim(), out var pid))
            {
                return pid;
            }

            Thread.Sleep(50);
        }

        throw StartFailure($"dovecot wrote no {MasterPidPath} within {ReadyBound.TotalSeconds} s.");
    }

    private void WaitUntilReady()
    {
        var deadline = DateTime.UtcNow + ReadyBound;
        string lastProblem = "not tried";
        while (DateTime.UtcNow < deadline)
        {
            if (!IsAlive(masterPid))
            {
                throw StartFailure("the dovecot master process exited during start-up.");
            }

            try
            {
                LabProbe.ReadGreeting(Host, PlainPort, tlsThumbprint: null, TimeSpan.FromSeconds(5));
                LabProbe.ReadGreeting(Host, TlsPort, CertificateSha256Thumbprint, TimeSpan.FromSeconds(5));
                foreach (var listener in TlsListeners)
                {
                    LabProbe.ReadGreeting(listener.Host, listener.Port, listener.Sha256Thumbprint, TimeSpan.FromSeconds(5));
                }

                return;
            }
            catch (Exception e) when (e is IOException or SocketException or TimeoutException or System.Security.Authentication.AuthenticationException)
            {
                lastProblem = e.Message;
                Thread.Sleep(100);
            }
        }

        throw StartFailure($"ports {PlainPort} and {TlsPort} did not both greet within {ReadyBound.TotalSeconds} s (last: {lastProblem}).");
    }

    private InvalidOperationException StartFailure(string problem) =>
        new($"The Dovecot lab in {Directory} did not start: {problem}\n--- {LogPath} ---\n{ReadLog()}");

    private void StopMaster()
    {
        // A start that failed half-way may have left a master we never learned the pid of.
        if (masterPid == 0 && !(File.Exists(MasterPidPath) && int.TryParse(File.ReadAllText(MasterPidPath).Trim(), out masterPid)))
        {
            return;
        }

        // SIGTERM lets the master stop its children (auth, login, pop3) and remove master.pid;
        // SIGKILL would orphan them.
        LibC.Signal(masterPid, LibC.SigTerm);
        if (!WaitForExit(masterPid, StopBound))
        {
            LibC.Signal(masterPid, LibC.SigKill);
            WaitForExit(masterPid, StopBound);
        }

        masterPid = 0;
    }

    private static bool WaitForExit(int pid, TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        while (DateTime.UtcNow < deadline)
        {
            if (!IsAlive(pid))
            {
                return true;
            }

            Thread.Sleep(50);
        }

        return false;
    }

    // The daemonised master is re-parented to init, which may never reap it: a zombie counts as gone.
    private static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (File.Exists(stat))
        {
            try
            {
                var text = File.ReadAllText(stat);
                var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
                return state != "Z" && state != "X";
            }
            catch (IOException)
            {
                return false;
            }
        }

        return LibC.Signal(pid, 0);
    }

    private static bool LoopbackHasIpv6()
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    // Both ports are held until both are chosen so they differ; the kernel hands them out
    // again only after a while, leaving Dovecot a short window in which they could be taken.
    private static (int Plain, int Tls) PickFreePorts(bool alsoOnIpv6)
    {
        for (int tries = 0; tries < 20; tries++)
        {
            var plain = new TcpListener(IPAddress.Loopback, 0);
            var tls = new TcpListener(IPAddress.Loopback, 0);
            plain.Start();
            tls.Start();
            var ports = (((IPEndPoint)plain.LocalEndpoint).Port, ((IPEndPoint)tls.LocalEndpoint).Port);
            plain.Stop();
            tls.Stop();
            if (!alsoOnIpv6 || (IsFreeOnIpv6(ports.Item1) && IsFreeOnIpv6(ports.Item2)))
            {
                return ports;
            }
        }

        throw new InvalidOperationException("Found no pair of ports free on both 127.0.0.1 and ::1.");
    }

    private static bool IsFreeOnIpv6(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.IPv6Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
