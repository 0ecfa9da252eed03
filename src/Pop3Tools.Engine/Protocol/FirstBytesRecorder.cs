using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Pop3Tools.Engine.Protocol
{
    /// <summary>
    /// Passes traffic through while remembering the first bytes the server sent, so a failed
    /// TLS handshake can say "that port answered in plain text" instead of a bare TLS error.
    /// </summary>
    internal sealed class FirstBytesRecorder : Stream
    {
        private const int Capacity = 16;
        private readonly Stream inner;
        private readonly byte[] first = new byte[Capacity];
        private int recorded;

        public FirstBytesRecorder(Stream inner) => this.inner = inner;

        /// <summary>True when the server spoke POP3 (+OK / -ERR) where a TLS record was expected.</summary>
        public bool SawPlainPop3
        {
            get
            {
                var text = Encoding.ASCII.GetString(first, 0, recorded);
                return text.StartsWith("+OK", StringComparison.OrdinalIgnoreCase) || text.StartsWith("-ERR", StringComparison.OrdinalIgnoreCase);
            }
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            Record(buffer, offset, read);
            return read;
        }

        /// <summary>Passed through, so TLS reads stay asynchronous down to the socket.</summary>
        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            var read = await inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            Record(buffer, offset, read);
            return read;
        }

        private void Record(byte[] buffer, int offset, int read)
        {
            if (read > 0 && recorded < Capacity)
            {
                var copied = Math.Min(read, Capacity - recorded);
                Buffer.BlockCopy(buffer, offset, first, recorded, copied);
                recorded += copied;
            }
        }

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override void Flush() => inner.Flush();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
