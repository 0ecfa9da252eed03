using System;
using System.IO;

namespace Pop3Tools.Engine.Mime
{
    /// <summary>
    /// Refuses a header field folded over more than <see cref="MimeLimits.MaxFieldBytes"/>
    /// before MimeKit reads it. MimeKit 4.18.2 grows its header buffer by one line at a time
    /// (MimeParser.NextAllocSize rounds up to 64 bytes), so one field folded over many
    /// lines costs time quadratic in its length: 256 KB took seconds, 5 MB would take
    /// hours. Fields are watched in the message's own header block and in every block
    /// that follows a line starting with "--" (a part header after its boundary) until
    /// the empty line that ends it; body lines are only scanned for line ends.
    /// </summary>
    internal sealed class FoldedFieldGuard : Stream
    {
        private readonly long maxFieldBytes;
        private Stream inner = Null;
        private bool inHeader;
        private bool atLineStart;
        private long lineBytes;
        private long fieldBytes;
        private byte first;
        private byte second;

        public FoldedFieldGuard(long maxFieldBytes)
        {
            this.maxFieldBytes = maxFieldBytes;
        }

        /// <summary>Starts over on another message, at the top of its header block.</summary>
        public FoldedFieldGuard Reset(Stream source)
        {
            inner = source ?? throw new ArgumentNullException(nameof(source));
            inHeader = true;
            atLineStart = true;
            lineBytes = 0;
            fieldBytes = 0;
            return this;
        }

        /// <summary>Checks a message already in memory, for a parse that reads it in place.</summary>
        public void Scan(byte[] message)
        {
            Reset(Null);
            Watch(message, 0, message.Length);
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            Watch(buffer, offset, read);
            return read;
        }

        private void Watch(byte[] buffer, int offset, int count)
        {
            var end = offset + count;
            var position = offset;
            while (position < end)
            {
                if (atLineStart)
                {
                    atLineStart = false;
                    lineBytes = 0;
                    first = buffer[position];
                    second = 0;
                    // A line that does not begin with white space starts a new field.
                    if (!IsContinuation) fieldBytes = 0;
                }
                else if (lineBytes == 1)
                {
                    second = buffer[position];
                }

                var newline = lineBytes < 2 ? (buffer[position] == (byte)'\n' ? position : -1) : Array.IndexOf(buffer, (byte)'\n', position, end - position);
                var stop = newline < 0 ? (lineBytes < 2 ? position + 1 : end) : newline + 1;
                lineBytes += stop - position;
                position = stop;
                if (inHeader && IsContinuation && fieldBytes + lineBytes > maxFieldBytes)
                {
                    throw MimeLimits.Exceeded("has a header field longer than " + maxFieldBytes + " bytes", maxFieldBytes / 1024 + " KB per field");
                }

                if (inHeader && lineBytes > MimeLimits.MaxLineBytes)
                {
                    throw MimeLimits.Exceeded("has a header line longer than " + MimeLimits.MaxLineBytes + " bytes", MimeLimits.MaxLineBytes / 1024 + " KB per line");
                }

                if (newline >= 0) EndLine();
            }
        }

        private bool IsContinuation => first == (byte)' ' || first == (byte)'\t';

        private void EndLine()
        {
            var blank = lineBytes == 1 || (lineBytes == 2 && first == (byte)'\r');
            if (inHeader)
            {
                if (blank) inHeader = false;
                else fieldBytes += lineBytes;
            }
            else if (first == (byte)'-' && second == (byte)'-')
            {
                inHeader = true;
                fieldBytes = 0;
            }

            atLineStart = true;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
