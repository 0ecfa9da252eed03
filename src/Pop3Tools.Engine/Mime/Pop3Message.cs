using System;
using Pop3Tools.Engine.Mime;

namespace Pop3Tools
{
    /// <summary>
    /// One whole message as Receive-Pop3Message gives it: the listing's fields plus
    /// the bodies and attachments, parsed by MimeKit. No MimeKit type is exposed, so
    /// scripts never depend on which copy of MimeKit is loaded.
    /// </summary>
    public sealed class Pop3Message
    {
        internal Pop3Message(Pop3MessageInfo listing, MessageHeaders headers, string? textBody, string? htmlBody, Pop3Attachment[] attachments, byte[]? rawMessage)
        {
            Session = listing.Session;
            Number = listing.Number;
            Uid = listing.Uid;
            Size = listing.Size;
            Headers = headers.Headers;
            Subject = headers.Subject;
            From = headers.From.Length > 0 ? headers.From[0] : null;
            To = headers.To;
            Cc = headers.Cc;
            ReplyTo = headers.ReplyTo;
            Date = headers.Date;
            MessageId = headers.MessageId;
            TextBody = textBody;
            HtmlBody = htmlBody;
            Attachments = attachments;
            RawMessage = rawMessage;
        }

        public Pop3Session Session { get; }

        /// <summary>The message number in this session only; numbers change between sessions.</summary>
        public int Number { get; }

        /// <summary>The server's UID; empty when the server does not support UIDL.</summary>
        public string Uid { get; }

        /// <summary>Octets as LIST reports them (CRLF line ends).</summary>
        public long Size { get; }

        /// <summary>Decoded subject; empty when the message has none.</summary>
        public string Subject { get; }

        /// <summary>The first From address as "Name &lt;addr&gt;" (or "addr"); null when there is none.</summary>
        public string? From { get; }

        /// <summary>Each To address as "Name &lt;addr&gt;" (or "addr").</summary>
        public string[] To { get; }

        /// <summary>Each Cc address as "Name &lt;addr&gt;" (or "addr").</summary>
        public string[] Cc { get; }

        /// <summary>Each Reply-To address as "Name &lt;addr&gt;" (or "addr").</summary>
        public string[] ReplyTo { get; }

        /// <summary>Null when absent or unparseable.</summary>
        public DateTimeOffset? Date { get; }

        /// <summary>Without angle brackets; null when the message has none.</summary>
        public string? MessageId { get; }

        /// <summary>Every header field of the message in order.</summary>
        public Pop3HeaderCollection Headers { get; }

        /// <summary>
        /// The first text/plain body that is not an attachment, decoded; null when there is none.
        /// Lines end as this platform's text does (LF on Linux and macOS, CRLF on Windows).
        /// </summary>
        public string? TextBody { get; }

        /// <summary>The text/html body, decoded, with this platform's line ends; null when there is none.</summary>
        public string? HtmlBody { get; }

        /// <summary>The parts marked as attachments, in message order.</summary>
        public Pop3Attachment[] Attachments { get; }

        /// <summary>The message exactly as the server sent it (CRLF); null unless the raw bytes were asked for.</summary>
        public byte[]? RawMessage { get; }

        public override string ToString() => Uid.Length > 0 ? $"{Number} ({Uid})" : Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
