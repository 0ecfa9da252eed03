using System;
using System.IO;
using System.Linq;
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

        private readonly MemoryStream _block = new MemoryStream();
        // As if a line had just ended, so a message that opens with the empty line has an empty header block.
        private int _matched = 2;
        private bool _done;

        public void Add(byte[] buffer, int offset, int count)
        {
            if (_done) return;
            var end = offset + count;
            for (var i = offset; i < end; i++)
            {
                // Looks for CRLF CRLF: the data stream ends every line with CRLF.
                var b = buffer[i];
                _matched = b == (byte)'\r' ? (_matched == 2 ? 3 : 1) : b == (byte)'\n' && (_matched == 1 || _matched == 3) ? _matched + 1 : 0;
                if (_matched == 4 || _block.Length + (i - offset) + 1 >= MaxBytes)
                {
                    _block.Write(buffer, offset, i - offset + 1);
                    _done = true;
                    return;
                }
            }
            _block.Write(buffer, offset, count);
        }

        /// <summary>Subject, first From and Date; nulls when the block cannot be read.</summary>
        public (string? Subject, string? From, DateTimeOffset? Date) Read()
        {
            try
            {
                _block.Position = 0;
                var headers = MessageHeaders.Parse(_block);
                return (headers.Subject, headers.From.FirstOrDefault()?.ToString(), headers.Date);
            }
            catch (Pop3Exception)
            {
                // The saved bytes are what matter; a header block beyond reading only leaves these empty.
                return (null, null, null);
            }
        }
    }
}
