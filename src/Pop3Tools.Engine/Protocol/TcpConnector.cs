using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Pop3Tools.Engine.Protocol
{
    /// <summary>
    /// Resolves a host and connects to each of its addresses (IPv6 and IPv4) in turn,
    /// the whole attempt bounded by one timeout.
    /// </summary>
    internal static class TcpConnector
    {
        public static Socket Connect(string host, int port, TimeSpan timeout, ProtocolLog log, CancellationToken cancellationToken,
            Pop3ConnectionTrace? trace = null)
        {
            var clock = Stopwatch.StartNew();
            trace?.Enter(ConnectionStage.Resolve);
            var addresses = Resolve(host, timeout, cancellationToken);
            trace?.Resolved(addresses);
            trace?.Enter(ConnectionStage.Connect);
            Exception? lastFailure = null;
            foreach (var address in addresses)
            {
                var remaining = Remaining(timeout, clock);
                if (remaining == TimeSpan.Zero) break;
                log.Step("Connecting to " + address + " port " + port);
                var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    if (Wait(socket.ConnectAsync(address, port), remaining, cancellationToken))
                    {
                        trace?.Connected(address);
                        return socket;
                    }
                    lastFailure = null;
                    socket.Dispose();
                    trace?.AddressFailures.Add(address + ": no answer within the timeout");
                    log.Step("No answer from " + address + " within the timeout");
                }
                catch (SocketException e)
                {
                    socket.Dispose();
                    lastFailure = e;
                    trace?.AddressFailures.Add(address + ": " + e.Message);
                    log.Step("Connecting to " + address + " failed: " + e.Message);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            }
            if (lastFailure != null)
            {
                throw new Pop3Exception(Pop3ErrorKind.ConnectionFailed,
                    "Could not connect to " + host + " port " + port + ": " + lastFailure.Message, lastFailure);
            }
            throw new Pop3Exception(Pop3ErrorKind.Timeout,
                "Connecting to " + host + " port " + port + " did not complete within " + timeout.TotalSeconds + " s.");
        }

        private static IReadOnlyList<IPAddress> Resolve(string host, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var literal = host.Length > 2 && host[0] == '[' && host[host.Length - 1] == ']' ? host.Substring(1, host.Length - 2) : host;
            if (IPAddress.TryParse(literal, out var address)) return new[] { address };
            try
            {
                var lookup = Dns.GetHostAddressesAsync(host);
                if (!Wait(lookup, timeout, cancellationToken))
                {
                    throw new Pop3Exception(Pop3ErrorKind.Timeout, "Resolving " + host + " did not complete within " + timeout.TotalSeconds + " s.");
                }
                var addresses = lookup.Result;
                if (addresses.Length == 0) throw new Pop3Exception(Pop3ErrorKind.ConnectionFailed, "The host " + host + " has no address.");
                return addresses;
            }
            catch (SocketException e)
            {
                throw new Pop3Exception(Pop3ErrorKind.ConnectionFailed, "Could not resolve " + host + ": " + e.Message, e);
            }
            catch (ArgumentException e)
            {
                throw new Pop3Exception(Pop3ErrorKind.ConnectionFailed, "Could not resolve " + host + ": " + e.Message, e);
            }
        }

        /// <summary>True when the task finished in time; its own failure is rethrown unwrapped.</summary>
        private static bool Wait(Task task, TimeSpan timeout, CancellationToken cancellationToken)
        {
            try
            {
                if (!task.Wait(TimeoutMillisecondsOrInfinite(timeout), cancellationToken))
                {
                    // The abandoned attempt still completes later; observe its failure so it is not reported as unobserved.
                    task.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
                    return false;
                }
                return true;
            }
            catch (AggregateException e) when (e.InnerException != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }

        private static int TimeoutMillisecondsOrInfinite(TimeSpan timeout) => Pop3Transport.TimeoutMilliseconds(timeout);

        private static TimeSpan Remaining(TimeSpan timeout, Stopwatch clock)
        {
            if (timeout <= TimeSpan.Zero) return Timeout.InfiniteTimeSpan;
            var remaining = timeout - clock.Elapsed;
            return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
        }
    }
}
