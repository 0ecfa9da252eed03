using System.Net;
using System.Net.Sockets;

namespace Pop3Tools.Engine.Tests.Mailbox
{
    /// <summary>
    /// A loopback TCP relay in front of a real server whose connections a test can cut,
    /// to drop a live session's link the way a network failure would (the client
    /// itself is left untouched): on demand with <see cref="Cut"/>, or by itself at a
    /// planned point of the next connection with <see cref="ArmCut"/>.
    /// </summary>
    internal sealed class CuttableLink : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly string _targetHost;
        private readonly int _targetPort;
        private readonly List<TcpClient> _sockets = new();
        private readonly CancellationTokenSource _stopping = new();
        private readonly Task _acceptLoop;
        private CutPoint? _armed;
        private volatile bool _stalled;

        public CuttableLink(string targetHost, int targetPort)
        {
            _targetHost = targetHost;
            _targetPort = targetPort;
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _acceptLoop = Task.Run(AcceptLoop);
        }

        public int Port { get; }

        /// <summary>What the last connection carried: server bytes relayed and client command lines relayed.</summary>
        public (long ServerBytes, int ClientLines) LastConnection { get; private set; }

        /// <summary>Holds back what the server sends (the client sees a silent server) until Cut.</summary>
        public void Stall() => _stalled = true;

        /// <summary>Closes both ends of every relayed connection at once.</summary>
        public void Cut()
        {
            _stalled = false;
            lock (_sockets)
            {
                foreach (var socket in _sockets) socket.Dispose();
                _sockets.Clear();
            }
        }

        /// <summary>The next connection (only that one) is cut at <paramref name="point"/>.</summary>
        public void ArmCut(CutPoint point) => _armed = point;

        public void Dispose()
        {
            _stopping.Cancel();
            _listener.Stop();
            Cut();
            _acceptLoop.Wait(TimeSpan.FromSeconds(5));
            _stopping.Dispose();
        }

        private async Task AcceptLoop()
        {
            while (!_stopping.IsCancellationRequested)
            {
                TcpClient inbound;
                try
                {
                    inbound = await _listener.AcceptTcpClientAsync(_stopping.Token);
                }
                catch (Exception e) when (e is OperationCanceledException || e is SocketException || e is ObjectDisposedException)
                {
                    return;
                }
                var outbound = new TcpClient();
                await outbound.ConnectAsync(_targetHost, _targetPort);
                lock (_sockets)
                {
                    _sockets.Add(inbound);
                    _sockets.Add(outbound);
                }
                var plan = Interlocked.Exchange(ref _armed, null);
                var connection = new Connection(this, inbound, outbound, plan);
                _ = connection.Pump(outbound, inbound, fromServer: true);
                _ = connection.Pump(inbound, outbound, fromServer: false);
            }
        }

        /// <summary>One relayed connection: counts what passes each way and cuts where planned.</summary>
        private sealed class Connection
        {
            private readonly CuttableLink _link;
            private readonly TcpClient _inbound;
            private readonly TcpClient _outbound;
            private readonly CutPoint? _plan;
            private long _serverBytes;
            private int _clientLines;

            public Connection(CuttableLink link, TcpClient inbound, TcpClient outbound, CutPoint? plan)
            {
                _link = link;
                _inbound = inbound;
                _outbound = outbound;
                _plan = plan;
            }

            public async Task Pump(TcpClient from, TcpClient to, bool fromServer)
            {
                var buffer = new byte[16 * 1024];
                try
                {
                    var input = from.GetStream();
                    var output = to.GetStream();
                    while (true)
                    {
                        var read = await input.ReadAsync(buffer);
                        if (read == 0) break;
                        while (fromServer && _link._stalled) await Task.Delay(50);
                        var pass = fromServer ? PassFromServer(read) : PassFromClient(buffer, read);
                        if (pass > 0) await output.WriteAsync(buffer.AsMemory(0, pass));
                        lock (this) _link.LastConnection = (_serverBytes, _clientLines);
                        if (pass < read || (fromServer && ReachedServerLimit())) break;
                    }
                }
                catch (Exception e) when (e is IOException || e is ObjectDisposedException || e is SocketException || e is InvalidOperationException)
                {
                    // The link was cut or one side hung up: the relay simply ends.
                }
                finally
                {
                    // Ending one direction ends the connection, as a real cut does.
                    _inbound.Dispose();
                    _outbound.Dispose();
                }
            }

            private int PassFromServer(int read)
            {
                lock (this)
                {
                    var pass = read;
                    if (_plan is { ServerBytes: long limit }) pass = (int)Math.Max(0, Math.Min(read, limit - _serverBytes));
                    _serverBytes += pass;
                    return pass;
                }
            }

            private bool ReachedServerLimit()
            {
                lock (this) return _plan is { ServerBytes: long limit } && _serverBytes >= limit;
            }

            /// <summary>Passes whole command lines until the planned command; that one never reaches the server.</summary>
            private int PassFromClient(byte[] buffer, int read)
            {
                lock (this)
                {
                    for (var i = 0; i < read; i++)
                    {
                        if (_plan is { ClientCommand: int command } && _clientLines + 1 >= command) return i;
                        if (buffer[i] == (byte)'\n') _clientLines++;
                    }
                    return read;
                }
            }
        }
    }

    /// <summary>Where <see cref="CuttableLink"/> cuts a connection: after this many server bytes, or just before this client command (1 = the first).</summary>
    internal sealed record CutPoint(long? ServerBytes, int? ClientCommand)
    {
        public static CutPoint AfterServerBytes(long bytes) => new(bytes, null);

        public static CutPoint BeforeCommand(int command) => new(null, command);

        public override string ToString() => ServerBytes is long bytes ? $"after server byte {bytes}" : $"before client command {ClientCommand}";
    }
}
