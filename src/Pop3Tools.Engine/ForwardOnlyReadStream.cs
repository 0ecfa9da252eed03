using System;
using System.IO;

namespace Pop3Tools.Engine
{
    /// <summary>
    /// The shell of a stream that is read once from start to end (a reply's data, a guard
    /// or bound around one): no seeking, no writing, no length. Subclasses supply Read.
    /// </summary>
    internal abstract class ForwardOnlyReadStream : Stream
    {
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
