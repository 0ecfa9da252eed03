using System;
using System.IO;
using MimeKit;
using Pop3Tools.Engine.Mime;

namespace Pop3Tools
{
    /// <summary>
    /// One attachment of a <see cref="Pop3Message"/>. The content stays in MimeKit's
    /// part (held once, decoded on demand); only the module's own types are public.
    /// </summary>
    public sealed class Pop3Attachment
    {
        private readonly MimeEntity part;

        internal Pop3Attachment(MimeEntity part)
        {
            this.part = part;
            FileName = part.ContentDisposition?.FileName ?? part.ContentType.Name;
            ContentType = part.ContentType.MimeType;
            ContentId = part.ContentId;
            var counter = new ByteCounter();
            WriteDecodedTo(counter);
            Size = counter.Count;
        }

        /// <summary>
        /// The decoded file name (RFC 2231 or RFC 2047); null when the sender gave none.
        /// It comes from the sender: sanitize it before using it as a path.
        /// </summary>
        public string? FileName { get; }

        /// <summary>The media type, e.g. <c>application/pdf</c>.</summary>
        public string ContentType { get; }

        /// <summary>Bytes after the transfer encoding (base64, quoted-printable) is undone.</summary>
        public long Size { get; }

        /// <summary>The Content-ID without angle brackets; null when there is none.</summary>
        public string? ContentId { get; }

        /// <summary>Writes the decoded content to <paramref name="path"/>, replacing a file that is there.</summary>
        public void SaveAs(string path)
        {
            if (string.IsNullOrEmpty(path)) throw new ArgumentException("A file path is required.", nameof(path));
            using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                WriteDecodedTo(file);
            }
        }

        /// <summary>Streams the decoded content into <paramref name="destination"/>.</summary>
        /// <remarks>An attached message (message/rfc822) is written as the message it is.</remarks>
        internal void WriteDecodedTo(Stream destination)
        {
            switch (part)
            {
                case MimePart mimePart:
                    mimePart.Content?.DecodeTo(destination);
                    break;
                case MessagePart messagePart:
                    messagePart.Message?.WriteTo(destination);
                    break;
            }
        }

        public override string ToString() => FileName ?? ContentType;
    }
}
