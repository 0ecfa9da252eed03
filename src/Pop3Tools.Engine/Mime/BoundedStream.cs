using System;
using System.IO;

namespace Pop3Tools.Engine.Mime
{
    /// <summary>
    /// Passes reads through until a byte budget is spent, then fails with
    /// <see cref="Pop3ErrorKind.MessageMalformed"/>: a header block that never ends
    /// must not be buffered whole by the parser.
    /// </summary>
    internal sealed class BoundedStream : ForwardOnlyReadStream
    {
        private readonly long limit;
        private Stream inner = Null;
        private long consumed;

        public BoundedStream(long limit)
        {
            this.limit = limit;
        }

        /// <summary>Starts over on another source with the whole budget.</summary>
        public void Reset(Stream source)
        {
            inner = source ?? throw new ArgumentNullException(nameof(source));
            consumed = 0;
        }

        public override long Position
        {
            get => consumed;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            consumed += read;
            if (consumed > limit)
            {
                throw MimeLimits.Exceeded("has a header block larger than " + limit + " bytes", "1 MiB");
            }

            return read;
        }

    }
}
