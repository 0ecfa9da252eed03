using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using MimeKit;

namespace Pop3Tools.Engine.Mime
{
    /// <summary>
    /// Turns one whole message (the dot-unstuffed RETR data) into a <see cref="Pop3Message"/>
    /// with MimeKit, within the limits of <see cref="MimeLimits"/>.
    /// </summary>
    internal static class MessageParser
    {
        /// <summary>
        /// Parses straight from <paramref name="messageData"/>, which is read to its end.
        /// With <paramref name="keepRaw"/> the bytes are read into memory once, kept as
        /// <see cref="Pop3Message.RawMessage"/>, and MimeKit's parts point into that same
        /// buffer instead of copying it. A message beyond the limits, or with no header at
        /// all, throws <see cref="Pop3Exception"/> (<see cref="Pop3ErrorKind.MessageMalformed"/>).
        /// </summary>
        public static Pop3Message Parse(Stream messageData, Pop3MessageInfo listing, bool keepRaw, CancellationToken cancellationToken)
        {
            if (messageData == null) throw new ArgumentNullException(nameof(messageData));
            if (listing == null) throw new ArgumentNullException(nameof(listing));

            byte[]? raw = null;
            var guard = new FoldedFieldGuard(MimeLimits.MaxFieldBytes);
            Stream source = guard.Reset(messageData);
            if (keepRaw)
            {
                raw = ReadAll(messageData, listing.Size, cancellationToken);
                // Parsed in place (persistent), so the parts point into the kept bytes: checked first.
                guard.Scan(raw);
                source = new MemoryStream(raw, 0, raw.Length, writable: false, publiclyVisible: true);
            }

            var message = ParseMessage(source, persistent: keepRaw, cancellationToken);
            var attachments = new List<Pop3Attachment>();
            foreach (var entity in message.Attachments)
            {
                attachments.Add(new Pop3Attachment(entity));
            }

            return new Pop3Message(listing, new MessageHeaders(message.Headers), message.TextBody, message.HtmlBody, attachments.ToArray(), raw);
        }

        private static MimeMessage ParseMessage(Stream source, bool persistent, CancellationToken cancellationToken)
        {
            var parser = new LimitedMimeParser(source, persistent);
            try
            {
                return parser.ParseMessage(cancellationToken);
            }
            catch (FormatException e)
            {
                throw new Pop3Exception(Pop3ErrorKind.MessageMalformed, "The message could not be parsed as a mail message: " + e.Message, e)
                {
                    Hint = "Save it unparsed with Receive-Pop3Message -Path to inspect it.",
                };
            }
        }

        /// <summary>The whole stream, sized from LIST up front so the usual message is copied once.</summary>
        private static byte[] ReadAll(Stream stream, long expectedSize, CancellationToken cancellationToken)
        {
            var capacity = (int)Math.Min(Math.Max(expectedSize, 0), int.MaxValue - 64);
            using (var buffer = new MemoryStream(capacity))
            {
                var chunk = new byte[81920];
                int read;
                while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    buffer.Write(chunk, 0, read);
                }

                return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
            }
        }
    }
}
