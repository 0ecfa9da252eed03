using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Pop3Tools.Engine.Protocol
{
    /// <summary>
    /// The byte pipe under the command layer: one socket, optionally wrapped in TLS,
    /// with a read buffer shared by the line reader and the message-data stream.
    /// Every read and write is bounded by the socket timeouts; every failure comes out
    /// as a <see cref="Pop3Exception"/> (SessionClosed or Timeout).
    /// </summary>
    internal sealed class Pop3Transport : IDisposable
    {
        private readonly Socket socket;
        private Stream stream;
        // 64 KiB per read: a bulk download makes a quarter of the system calls it made with 16 KiB.
        private readonly byte[] buffer = new byte[64 * 1024];
        private int position;
        private int length;
        private int closed;
        private int readTimeoutMilliseconds;
        /// <summary>A read an interrupted wait left running; it lands at buffer[length] and is awaited first.</summary>
        private Task<int>? pendingRead;

        public Pop3Transport(Socket socket, TimeSpan timeout)
        {
            this.socket = socket;
            var milliseconds = TimeoutMilliseconds(timeout);
            // Socket timeouts bound synchronous reads and writes, including those made by SslStream.
            socket.ReceiveTimeout = milliseconds;
            socket.SendTimeout = milliseconds;
            readTimeoutMilliseconds = milliseconds;
            socket.NoDelay = true;
            stream = new NetworkStream(socket, ownsSocket: true);
        }

        public bool IsOpen => Volatile.Read(ref closed) == 0;

        /// <summary>How long a single read may wait; the greeting waits less than other replies.</summary>
        public void SetReadTimeout(TimeSpan timeout) =>
            socket.ReceiveTimeout = readTimeoutMilliseconds = TimeoutMilliseconds(timeout);

        /// <summary>
        /// Stops a wait for data (Ctrl+C) without closing the connection: the read stays in
        /// flight and the next one picks it up, so nothing the server sent is lost.
        /// </summary>
        public CancellationToken Cancellation { get; set; }

        /// <summary>True when the unread bytes open a TLS record (handshake or alert) rather than text.</summary>
        public bool BufferedLooksLikeTls =>
            length - position >= 3
            && (buffer[position] == 0x15 || buffer[position] == 0x16)
            && buffer[position + 1] == 0x03;

        /// <summary>The stream TLS is layered on.</summary>
        public Stream Stream => stream;

        public void Upgrade(Stream secureStream) => stream = secureStream;

        /// <summary>Forgets bytes received but not yet consumed; returns how many there were.</summary>
        public int DiscardBuffered()
        {
            var discarded = length - position;
            position = length = 0;
            return discarded;
        }

        internal byte[] Buffer => buffer;

        internal int Position
        {
            get => position;
            set => position = value;
        }

        internal int Length => length;

        /// <summary>Reads one line (CRLF or bare LF), without its line end.</summary>
        public string ReadLine(int maxBytes)
        {
            var scanned = 0;
            while (true)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', position + scanned, length - position - scanned);
                if (newline >= 0)
                {
                    var end = newline;
                    if (end > position && buffer[end - 1] == (byte)'\r') end--;
                    if (end - position > maxBytes) throw LineTooLong(maxBytes);
                    var line = Encoding.UTF8.GetString(buffer, position, end - position);
                    position = newline + 1;
                    return line;
                }
                scanned = length - position;
                if (scanned > maxBytes + 1) throw LineTooLong(maxBytes);
                Fill();
            }
        }

        /// <summary>Makes sure at least one unread byte is in the buffer.</summary>
        internal void EnsureData()
        {
            if (position == length) Fill();
        }

        public void Write(byte[] data)
        {
            try
            {
                stream.Write(data, 0, data.Length);
                stream.Flush();
            }
            catch (Exception e) when (IsTransportFailure(e))
            {
                throw Translate(e, "sending");
            }
        }

        /// <summary>Closes at once; a read blocked on another thread returns with an error.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref closed, 1) != 0) return;
            // The read in flight, if any, fails with the socket: observe it so it is not reported unobserved.
            pendingRead?.ContinueWith(read => read.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
            try { socket.Shutdown(SocketShutdown.Both); } catch (SocketException) { } catch (ObjectDisposedException) { }
            try { stream.Dispose(); } catch (IOException) { } catch (ObjectDisposedException) { }
            socket.Dispose();
        }

        /// <remarks>
        /// Reads asynchronously and waits for the result, so that the wait, not the read, ends on
        /// Ctrl+C (OperationCanceledException): the connection stays open and in step. The wait is
        /// bounded by the read timeout, which socket timeouts cannot do for an asynchronous read.
        /// </remarks>
        private void Fill()
        {
            // A read in flight writes at buffer[length]: the buffer must not move under it.
            if (position > 0 && pendingRead == null)
            {
                System.Buffer.BlockCopy(buffer, position, buffer, 0, length - position);
                length -= position;
                position = 0;
            }
            int read;
            try
            {
                if (!IsOpen) throw new ObjectDisposedException(nameof(Pop3Transport));
                Cancellation.ThrowIfCancellationRequested();
                var inFlight = pendingRead ?? stream.ReadAsync(buffer, length, buffer.Length - length);
                pendingRead = inFlight;
                if (!inFlight.Wait(readTimeoutMilliseconds, Cancellation))
                {
                    throw new Pop3Exception(Pop3ErrorKind.Timeout, "The server did not respond in time while receiving.");
                }
                pendingRead = null;
                read = inFlight.Result;
            }
            catch (AggregateException e) when (e.InnerException != null && IsTransportFailure(e.InnerException))
            {
                pendingRead = null;
                throw Translate(e.InnerException, "receiving");
            }
            catch (Exception e) when (IsTransportFailure(e))
            {
                throw Translate(e, "receiving");
            }
            if (read <= 0)
            {
                throw new Pop3Exception(Pop3ErrorKind.SessionClosed, "The server closed the connection.");
            }
            length += read;
        }

        internal static bool IsTransportFailure(Exception e) =>
            e is IOException || e is SocketException || e is ObjectDisposedException
            || e is System.Security.Authentication.AuthenticationException;

        /// <summary>Maps a socket-level failure to the error kind scripts match on.</summary>
        internal static Pop3Exception Translate(Exception e, string during)
        {
            var socketError = FindSocketError(e);
            if (socketError == SocketError.TimedOut || socketError == SocketError.WouldBlock)
            {
                return new Pop3Exception(Pop3ErrorKind.Timeout, "The server did not respond in time while " + during + ".", e);
            }
            return new Pop3Exception(Pop3ErrorKind.SessionClosed, "The connection was lost while " + during + ": " + e.Message, e);
        }

        private static SocketError? FindSocketError(Exception? e)
        {
            for (; e != null; e = e.InnerException)
            {
                if (e is SocketException socketException) return socketException.SocketErrorCode;
            }
            return null;
        }

        internal static int TimeoutMilliseconds(TimeSpan timeout)
        {
            if (timeout <= TimeSpan.Zero || timeout.TotalMilliseconds >= int.MaxValue) return Timeout.Infinite;
            return (int)Math.Max(1, timeout.TotalMilliseconds);
        }

        private static Pop3Exception LineTooLong(int maxBytes) =>
            new Pop3Exception(Pop3ErrorKind.ProtocolError, "The server sent a line longer than " + maxBytes + " bytes.");
    }
}
