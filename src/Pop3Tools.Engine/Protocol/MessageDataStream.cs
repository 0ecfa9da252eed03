using System;
using System.IO;

namespace Pop3Tools.Engine.Protocol
{
    /// <summary>
    /// The body of a multi-line reply (RETR, TOP) as a forward-only stream: removes the
    /// dot-stuffing on the fly, ends every line with CRLF (bare LF tolerated), and stops at
    /// the terminating "." line. Works straight on the transport buffer, so neither a line
    /// nor a message is ever held whole in memory.
    /// </summary>
    internal sealed class MessageDataStream : ForwardOnlyReadStream
    {
        private enum State
        {
            LineStart,
            /// <summary>A '.' opened the line: either the terminator or a stuffed dot.</summary>
            AfterLeadingDot,
            /// <summary>".\r" so far: the terminator if LF follows.</summary>
            AfterLeadingDotCr,
            InLine,
            /// <summary>A CR inside a line: a line end if LF follows, data otherwise.</summary>
            AfterCr,
            Finished,
        }

        private readonly Pop3Transport transport;
        private readonly int maxLineBytes;
        private readonly byte[] drainBuffer;
        private readonly long maxWireBytes;
        private long wireBytes;
        private State state = State.LineStart;
        private int lineBytes;
        /// <summary>Output owed to the reader that did not fit its last buffer: the LF of a CRLF, or a lone CR.</summary>
        private int pendingByte = -1;

        /// <summary>
        /// <paramref name="maxWireBytes"/>: how many bytes of the reply to accept before calling it
        /// runaway (long.MaxValue: no bound). Without it a server that never sends the terminator
        /// keeps even a drain reading forever.
        /// </summary>
        public MessageDataStream(Pop3Transport transport, int maxLineBytes, byte[] drainBuffer, long maxWireBytes)
        {
            this.transport = transport;
            this.maxLineBytes = maxLineBytes;
            this.drainBuffer = drainBuffer;
            this.maxWireBytes = maxWireBytes;
        }

        /// <summary>
        /// The transport or protocol failure a read hit, kept so the command layer sees it even
        /// when the consumer swallowed or wrapped the exception: the connection is out of step.
        /// </summary>
        public Pop3Exception? Failure { get; private set; }

        /// <summary>
        /// Line ends handed out so far, each as CRLF: a caller checking the size against a
        /// server that counts bare LFs (LIST of a maildir) subtracts this instead of scanning.
        /// </summary>
        public long LineEnds { get; private set; }

        /// <summary>True once the terminating "." line was read and everything handed out.</summary>
        public bool IsFinished => state == State.Finished && pendingByte < 0;


        /// <summary>Reads and discards whatever the consumer left, up to the terminator.</summary>
        public void Drain()
        {
            while (Read(drainBuffer, 0, drainBuffer.Length) > 0)
            {
            }
        }

        public override int Read(byte[] destination, int offset, int count)
        {
            if (destination == null) throw new ArgumentNullException(nameof(destination));
            if (offset < 0 || count < 0 || offset + count > destination.Length) throw new ArgumentOutOfRangeException(nameof(count));
            if (Failure != null) throw Failure;
            try
            {
                return ReadCore(destination, offset, count);
            }
            catch (Pop3Exception e)
            {
                Failure = e;
                throw;
            }
        }

        private int ReadCore(byte[] destination, int offset, int count)
        {
            var written = 0;
            while (written < count)
            {
                if (pendingByte >= 0)
                {
                    destination[offset + written++] = (byte)pendingByte;
                    pendingByte = -1;
                    continue;
                }
                if (state == State.Finished) break;
                // Hand back what we have rather than block for more once some data is ready.
                if (written > 0 && transport.Position == transport.Length) break;
                transport.EnsureData();
                var before = transport.Position;
                written += Step(destination, offset + written, count - written);
                CountWireBytes(transport.Position - before);
            }
            return written;
        }

        /// <summary>Consumes input from the transport buffer for one state; returns bytes written.</summary>
        private int Step(byte[] destination, int offset, int room)
        {
            var input = transport.Buffer;
            var position = transport.Position;
            var b = input[position];
            switch (state)
            {
                case State.LineStart:
                    lineBytes = 0;
                    if (b == (byte)'.')
                    {
                        transport.Position = position + 1;
                        state = State.AfterLeadingDot;
                    }
                    else
                    {
                        state = State.InLine;
                    }
                    return 0;

                case State.AfterLeadingDot:
                    if (b == (byte)'\r')
                    {
                        transport.Position = position + 1;
                        state = State.AfterLeadingDotCr;
                        return 0;
                    }
                    if (b == (byte)'\n')
                    {
                        transport.Position = position + 1;
                        state = State.Finished;
                        return 0;
                    }
                    // RFC 1939 section 3: a line starting with '.' had one '.' prepended; drop it.
                    lineBytes = 1;
                    state = State.InLine;
                    return 0;

                case State.AfterLeadingDotCr:
                    if (b == (byte)'\n')
                    {
                        transport.Position = position + 1;
                        state = State.Finished;
                        return 0;
                    }
                    // ".\r" followed by data: the stuffed dot is dropped, the CR is data.
                    state = State.InLine;
                    lineBytes = 1;
                    return Emit(destination, offset, (byte)'\r');

                case State.AfterCr:
                    if (b == (byte)'\n')
                    {
                        transport.Position = position + 1;
                        return EndLine(destination, offset, room);
                    }
                    state = State.InLine;
                    CountLineBytes(1);
                    return Emit(destination, offset, (byte)'\r');

                default:
                    return CopyLineBytes(destination, offset, room);
            }
        }

        private int CopyLineBytes(byte[] destination, int offset, int room)
        {
            var input = transport.Buffer;
            var start = transport.Position;
            var limit = Math.Min(transport.Length, start + room);
            var i = start;
            while (true)
            {
                // Vectorised search: a byte-at-a-time loop here was the largest CPU cost of a download.
                var found = new ReadOnlySpan<byte>(input, i, limit - i).IndexOfAny((byte)'\r', (byte)'\n');
                var end = found < 0 ? limit : i + found;
                CountLineBytes(end - i);
                // A CRLF line followed by one that does not start with a dot comes out exactly as it came in:
                // keep going, so a run of such lines is one copy instead of a state change per line.
                if (end + 2 < limit && input[end] == (byte)'\r' && input[end + 1] == (byte)'\n' && input[end + 2] != (byte)'.')
                {
                    lineBytes = 0;
                    LineEnds++;
                    i = end + 2;
                    continue;
                }
                i = end;
                break;
            }
            var copied = i - start;
            Buffer.BlockCopy(input, start, destination, offset, copied);
            transport.Position = i;
            if (i < limit)
            {
                transport.Position = i + 1;
                if (input[i] == (byte)'\n') return copied + EndLine(destination, offset + copied, room - copied);
                state = State.AfterCr;
            }
            return copied;
        }

        private int EndLine(byte[] destination, int offset, int room)
        {
            state = State.LineStart;
            LineEnds++;
            if (room >= 2)
            {
                destination[offset] = (byte)'\r';
                destination[offset + 1] = (byte)'\n';
                return 2;
            }
            destination[offset] = (byte)'\r';
            pendingByte = '\n';
            return 1;
        }

        private static int Emit(byte[] destination, int offset, byte value)
        {
            destination[offset] = value;
            return 1;
        }

        private void CountWireBytes(int consumed)
        {
            wireBytes += consumed;
            if (wireBytes > maxWireBytes)
            {
                throw new Pop3Exception(Pop3ErrorKind.ProtocolError,
                    "The server sent more than " + maxWireBytes + " bytes for one message, far beyond the size it listed.")
                {
                    Hint = "The server's reply never ended where LIST said it would; the connection was closed.",
                };
            }
        }

        private void CountLineBytes(int added)
        {
            lineBytes += added;
            if (lineBytes > maxLineBytes)
            {
                throw new Pop3Exception(Pop3ErrorKind.ProtocolError,
                    "The server sent a message line longer than " + maxLineBytes + " bytes.");
            }
        }

    }
}
