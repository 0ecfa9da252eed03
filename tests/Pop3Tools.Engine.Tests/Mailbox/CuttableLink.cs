using System.Net;
using System.Net.Sockets;

namespace Pop3Tools.Engine.Tests.Mailbox
{
    /// <summary>
    /// A loopback TCP relay in front of a real server whose connections a test can cut,
    /// to drop a live session's link the way a network failure would (the client
    /// itself is left untouched).
    /// </summary>
    internal sealed class CuttableLink : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly string _targetHost;
        private readonly int _targetPort;
        private readonly List<TcpClient> _sockets = new();
        private readonly CancellationTokenSource _stopping = new();
        private readonly Task _acceptLoop;

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

        /// <summary>Closes both ends of every relayed connection at once.</summary>
        public void Cut()
        {
            lock (_sockets)
            {
                foreach (var socket in _sockets) socket.Dispose();
                _sockets.Clear();
            }
        }

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
                _ = Pump(inbound, outbound);
                _ = Pump(outbound, inbound);
            }
        }

        private static async Task Pump(TcpClient from, TcpClient to)
        {
            try
            {
                await from.GetStream().CopyToAsync(to.GetStream());
            }
            catch (Exception e) when (e is IOException || e is ObjectDisposedException || e is SocketException || e is InvalidOperationException)
            {
                // The link was cut or one side hung up: the relay simply ends.
            }
            finally
            {
                from.Dispose();
                to.Dispose();
            }
        }
    }
}
