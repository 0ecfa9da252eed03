using System;
using System.IO;

namespace Pop3Tools.Engine.Mime
{
    /// <summary>
    /// Refuses a header field folded over more than <see cref="MimeLimits.MaxFieldBytes"/>
    /// before MimeKit reads it. MimeKit 4.18.2 grows its header buffer by one line at a time
    /// (MimeParser.NextAllocSize rounds up to 64 bytes), so one field folded over many
    /// lines costs time quadratic in its length: 256 KB took seconds, 5 MB would take
    /// hours. Fields are watched in every header block MimeKit will parse: the message's
    /// own, every block that follows a line starting with "--" (a part header after its
    /// boundary), and the body of a part whose Content-Type makes MimeKit read it as a
    /// message or a header block (<see cref="EmbedsHeaders"/>; in a multipart/digest, a
    /// part without one), each until the empty line that ends it. Other body lines are
    /// only scanned for line ends: indented text is no header field.
    /// </summary>
    internal sealed class FoldedFieldGuard : ForwardOnlyReadStream
    {
        private readonly long maxFieldBytes;
        private Stream inner = Null;
        private bool inHeader;
        private bool atLineStart;
        private long lineBytes;
        private long fieldBytes;
        private byte first;
        private byte second;

        // The start of each line, enough to read a Content-Type field's media type.
        private const int PrefixBytes = 80;
        private readonly byte[] prefix = new byte[PrefixBytes];
        private int prefixLength;

        // The header block being read: after a boundary line or not, its Content-Type fields,
        // the one being read, and whether any makes MimeKit parse the body as headers.
        private bool blockAfterBoundary;
        private bool blockHasContentType;
        private bool blockEmbedsHeaders;
        private bool inContentType;
        private readonly System.Text.StringBuilder contentType = new System.Text.StringBuilder();

        // A multipart/digest anywhere before: its parts without a Content-Type are messages.
        private bool digestSeen;

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
            digestSeen = false;
            StartBlock(afterBoundary: false);
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
                    prefixLength = 0;
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
                if (inHeader && prefixLength < PrefixBytes)
                {
                    var copied = (int)Math.Min(PrefixBytes - prefixLength, stop - position);
                    Buffer.BlockCopy(buffer, position, prefix, prefixLength, copied);
                    prefixLength += copied;
                }

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
                if (blank) EndBlock();
                else
                {
                    fieldBytes += lineBytes;
                    WatchContentType();
                }
            }
            else if (first == (byte)'-' && second == (byte)'-')
            {
                inHeader = true;
                fieldBytes = 0;
                StartBlock(afterBoundary: true);
            }

            atLineStart = true;
        }

        private void StartBlock(bool afterBoundary)
        {
            blockAfterBoundary = afterBoundary;
            blockHasContentType = false;
            blockEmbedsHeaders = false;
            inContentType = false;
            contentType.Clear();
        }

        /// <summary>Reads each Content-Type field's value (the first bytes of each of its lines, folded ones included).</summary>
        private void WatchContentType()
        {
            const string name = "content-type:";
            if (IsContinuation)
            {
                if (inContentType && contentType.Length < 2 * PrefixBytes) Append(0);
                return;
            }

            EndContentType();
            inContentType = prefixLength >= name.Length && StartsWith(name);
            if (!inContentType) return;
            blockHasContentType = true;
            Append(name.Length);
        }

        private void EndContentType()
        {
            if (!inContentType) return;
            var mediaType = MediaType(contentType.ToString());
            if (mediaType == "multipart/digest") digestSeen = true;
            if (EmbedsHeaders(mediaType)) blockEmbedsHeaders = true;
            inContentType = false;
            contentType.Clear();
        }

        private bool StartsWith(string lowerAscii)
        {
            for (var i = 0; i < lowerAscii.Length; i++)
            {
                if (char.ToLowerInvariant((char)prefix[i]) != lowerAscii[i]) return false;
            }

            return true;
        }

        private void Append(int from)
        {
            for (var i = from; i < prefixLength; i++) contentType.Append((char)prefix[i]);
        }

        /// <summary>The empty line after a header block: what follows is a body, or another header block MimeKit will parse.</summary>
        private void EndBlock()
        {
            EndContentType();
            if (blockEmbedsHeaders || (!blockHasContentType && blockAfterBoundary && digestSeen))
            {
                fieldBytes = 0;
                StartBlock(afterBoundary: false);
                return;
            }

            inHeader = false;
        }

        /// <summary>
        /// The types whose body MimeKit 4 parses as a header block (MessagePart and its
        /// TextRfc822Headers), after ParserOptions.CreateEntity. A Content-Transfer-Encoding
        /// makes MimeKit keep the body opaque; it is watched all the same (safe side: a
        /// base64 or quoted-printable body has no 64 KB of indented lines).
        /// </summary>
        internal static bool EmbedsHeaders(string? mediaType)
        {
            switch (mediaType)
            {
                case "message/rfc822":
                case "message/rfc2822":
                case "message/global":
                case "message/news":
                case "message/external-body":
                case "message/global-headers":
                case "text/rfc822-headers":
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>"type/subtype" in lower case from a Content-Type value (white space dropped, as MimeKit allows it around "/"), null when empty.</summary>
        private static string? MediaType(string value)
        {
            var end = value.IndexOfAny(new[] { ';', '(' });
            var type = new System.Text.StringBuilder();
            foreach (var c in end < 0 ? value : value.Substring(0, end))
            {
                if (!char.IsWhiteSpace(c)) type.Append(char.ToLowerInvariant(c));
            }

            return type.Length == 0 ? null : type.ToString();
        }


    }
}
