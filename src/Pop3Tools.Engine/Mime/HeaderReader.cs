using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Pop3Tools.Engine.Mime
{
    /// <summary>
    /// Reads the header block of a message (RFC 5322 §2.2): fields up to the first
    /// empty line, CRLF or bare LF line ends, continuation lines unfolded. Bounded in
    /// bytes and in fields so a hostile or broken message cannot exhaust memory.
    /// </summary>
    internal static class HeaderReader
    {
        public const int DefaultMaxHeaderBytes = 1024 * 1024;
        public const int DefaultMaxFields = 10000;

        public static List<HeaderField> Read(Stream stream, int maxHeaderBytes = DefaultMaxHeaderBytes, int maxFields = DefaultMaxFields)
        {
            if (stream == null)
            {
                throw new ArgumentNullException(nameof(stream));
            }

            var source = new ByteSource(stream);
            var fields = new List<HeaderField>();
            var current = new MemoryStream();
            var total = 0;
            var line = new MemoryStream();

            try
            {
                while (true)
                {
                    line.SetLength(0);
                    var ended = ReadLine(source, line, ref total, maxHeaderBytes);
                    var bytes = line.GetBuffer();
                    var length = (int)line.Length;
                    var content = ContentLength(bytes, length);

                    if (content == 0)
                    {
                        // The empty line ending the header block, or the end of a body-less message.
                        break;
                    }

                    if (IsWhitespace(bytes[0]) && current.Length > 0)
                    {
                        current.Write(bytes, 0, length);
                    }
                    else
                    {
                        Flush(current, fields, maxFields);
                        current.Write(bytes, 0, length);
                    }

                    if (!ended)
                    {
                        break;
                    }
                }

                Flush(current, fields, maxFields);
            }
            finally
            {
                source.ReturnUnread();
            }

            return fields;
        }

        /// <summary>Reads up to and including LF; false when the stream ended first.</summary>
        private static bool ReadLine(ByteSource source, MemoryStream line, ref int total, int maxHeaderBytes)
        {
            while (true)
            {
                var b = source.Next();
                if (b < 0)
                {
                    return false;
                }

                if (++total > maxHeaderBytes)
                {
                    throw new Pop3Exception(
                        Pop3ErrorKind.ProtocolError,
                        "The message header block is larger than " + maxHeaderBytes + " bytes without an empty line ending it; the message is malformed or not a mail message.");
                }

                line.WriteByte((byte)b);
                if (b == '\n')
                {
                    return true;
                }
            }
        }

        private static void Flush(MemoryStream current, List<HeaderField> fields, int maxFields)
        {
            if (current.Length == 0)
            {
                return;
            }

            var raw = current.ToArray();
            current.SetLength(0);

            var field = Parse(raw);
            if (field == null)
            {
                return;
            }

            if (fields.Count >= maxFields)
            {
                throw new Pop3Exception(
                    Pop3ErrorKind.ProtocolError,
                    "The message has more than " + maxFields + " header fields; the message is malformed or hostile.");
            }

            fields.Add(field);
        }

        /// <summary>
        /// Splits "Name: value" (RFC 5322 §3.6.8, with obsolete whitespace before the colon).
        /// Lines that are no field at all, such as an mbox "From " line or garbage, are skipped.
        /// </summary>
        private static HeaderField? Parse(byte[] raw)
        {
            var colon = Array.IndexOf(raw, (byte)':');
            if (colon <= 0)
            {
                return null;
            }

            var nameEnd = colon;
            while (nameEnd > 0 && IsWhitespace(raw[nameEnd - 1]))
            {
                nameEnd--;
            }

            if (nameEnd == 0)
            {
                return null;
            }

            for (var i = 0; i < nameEnd; i++)
            {
                if (raw[i] < 33 || raw[i] > 126)
                {
                    return null;
                }
            }

            var name = Encoding.ASCII.GetString(raw, 0, nameEnd);
            var value = Unfold(raw, colon + 1);
            return new HeaderField(name, value);
        }

        // Unfolding removes only the line breaks (RFC 5322 §2.2.3); the whitespace that
        // began each continuation line stays. Bare CRs inside a line are kept as data.
        private static string Unfold(byte[] raw, int start)
        {
            var bytes = new byte[raw.Length - start];
            var count = 0;
            for (var i = start; i < raw.Length; i++)
            {
                var b = raw[i];
                if (b == '\n' || (b == '\r' && i + 1 < raw.Length && raw[i + 1] == '\n') || (b == '\r' && i + 1 == raw.Length))
                {
                    continue;
                }

                bytes[count++] = b;
            }

            var first = 0;
            while (first < count && IsWhitespace(bytes[first]))
            {
                first++;
            }

            var last = count;
            while (last > first && IsWhitespace(bytes[last - 1]))
            {
                last--;
            }

            return Charsets.DecodeUnlabelled(bytes, first, last - first);
        }

        private static int ContentLength(byte[] bytes, int length)
        {
            var end = length;
            if (end > 0 && bytes[end - 1] == '\n')
            {
                end--;
            }

            if (end > 0 && bytes[end - 1] == '\r')
            {
                end--;
            }

            return end;
        }

        private static bool IsWhitespace(byte b) => b == ' ' || b == '\t';

        /// <summary>
        /// Byte-at-a-time access that leaves the stream just past the header block: a
        /// seekable stream is read in chunks and repositioned afterwards; a forward-only
        /// one is read one byte per call so nothing of the body is consumed.
        /// </summary>
        private sealed class ByteSource
        {
            private readonly Stream stream;
            private readonly byte[] buffer;
            private int position;
            private int filled;

            public ByteSource(Stream stream)
            {
                this.stream = stream;
                buffer = new byte[stream.CanSeek ? 4096 : 1];
            }

            public int Next()
            {
                if (position == filled)
                {
                    filled = stream.Read(buffer, 0, buffer.Length);
                    position = 0;
                    if (filled <= 0)
                    {
                        filled = 0;
                        return -1;
                    }
                }

                return buffer[position++];
            }

            public void ReturnUnread()
            {
                var unread = filled - position;
                if (unread > 0 && stream.CanSeek)
                {
                    stream.Seek(-unread, SeekOrigin.Current);
                }

                position = filled;
            }
        }
    }
}
