using System;
using System.IO;
using Pop3Tools.Engine.Mime;

namespace Pop3Tools.Engine.Mailbox.Export
{
    /// <summary>
    /// Keeps the header block of a message as its bytes stream past (up to the empty line,
    /// at most <see cref="MaxBytes"/>), so Subject, From and Date come without holding or
    /// re-reading the message.
    /// </summary>
    internal sealed class HeaderCapture
    {
        /// <summary>Real header blocks are a few KiB; a longer one still yields its first fields.</summary>
        public const int MaxBytes = 64 * 1024;

        // One MimeKit parser per thread, reused for every message: a new one per message made the
        // header parse a third of an export's CPU time.
        [ThreadStatic]
        private static HeaderBlockReader? reader;

        [ThreadStatic]
        private static MemoryStream? summary;

        private readonly MemoryStream _block = new MemoryStream();
        // As if a line had just ended, so a message that opens with the empty line has an empty header block.
        private int _matched = 2;
        private bool _done;

        public void Add(byte[] buffer, int offset, int count)
        {
            if (_done) return;
            var end = offset + count;
            var i = offset;
            // An empty line the previous chunk began (or the message's very start): byte by byte until it
            // completes or cannot; a few bytes at most for any real message.
            while (i < end && _matched != 0)
            {
                if (Advance(buffer[i++]))
                {
                    Keep(buffer, offset, i - offset);
                    return;
                }
            }
            // Nothing pending: a vectorised search, then the matcher over the last bytes for the next chunk.
            var found = new ReadOnlySpan<byte>(buffer, i, end - i).IndexOf(EmptyLine);
            if (found >= 0)
            {
                Keep(buffer, offset, i + found + EmptyLine.Length - offset);
                return;
            }
            for (var j = Math.Max(i, end - (EmptyLine.Length - 1)); j < end; j++) Advance(buffer[j]);
            if (_block.Length + count >= MaxBytes)
            {
                Keep(buffer, offset, count);
                return;
            }
            _block.Write(buffer, offset, count);
        }

        private static readonly byte[] EmptyLine = { (byte)'\r', (byte)'\n', (byte)'\r', (byte)'\n' };

        /// <summary>Steps the CRLF CRLF matcher; true once the empty line is complete.</summary>
        private bool Advance(byte b)
        {
            _matched = b == (byte)'\r' ? (_matched == 2 ? 3 : 1) : b == (byte)'\n' && (_matched == 1 || _matched == 3) ? _matched + 1 : 0;
            return _matched == 4;
        }

        private void Keep(byte[] buffer, int offset, int count)
        {
            _block.Write(buffer, offset, (int)Math.Min(count, MaxBytes - _block.Length));
            _done = true;
        }

        /// <summary>Subject, first From and Date; nulls when the block cannot be read.</summary>
        public (string? Subject, string? From, DateTimeOffset? Date) Read()
        {
            try
            {
                var fields = summary ?? (summary = new MemoryStream());
                SummaryFields.Select(_block.GetBuffer(), (int)_block.Length, fields);
                return MessageHeaders.Summary((reader ?? (reader = new HeaderBlockReader())).ReadFields(fields));
            }
            catch (Pop3Exception)
            {
                // The saved bytes are what matter; a header block beyond reading only leaves these empty.
                return (null, null, null);
            }
        }
    }
}
