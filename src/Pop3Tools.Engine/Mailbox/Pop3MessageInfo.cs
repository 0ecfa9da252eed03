using System;
using Pop3Tools.Engine.Mime;

namespace Pop3Tools
{
    /// <summary>One message as Get-Pop3Message lists it.</summary>
    public sealed class Pop3MessageInfo
    {
        internal Pop3MessageInfo(Pop3Session session, int number, string uid, long size)
        {
            Session = session;
            Number = number;
            Uid = uid;
            Size = size;
        }

        public Pop3Session Session { get; }

        /// <summary>The message number in this session only; numbers change between sessions.</summary>
        public int Number { get; }

        /// <summary>The server's UID; empty when the server does not support UIDL.</summary>
        public string Uid { get; }

        /// <summary>Octets as LIST reports them (CRLF line ends).</summary>
        public long Size { get; }

        /// <summary>Decoded subject; null with -NoHeaders.</summary>
        public string? Subject { get; private set; }

        /// <summary>The first From address as "Name &lt;addr&gt;" (or "addr").</summary>
        public string? From { get; private set; }

        /// <summary>Each To address as "Name &lt;addr&gt;" (or "addr"); read from the header block when first asked for.</summary>
        public string[]? To => _headers?.To;

        /// <summary>Null when absent or unparseable.</summary>
        public DateTimeOffset? Date { get; private set; }

        /// <summary>Without angle brackets; read from the header block when first asked for.</summary>
        public string? MessageId => _headers?.MessageId;

        private MessageHeaders? _headers;

        /// <summary>Every header field in order; null with -NoHeaders.</summary>
        public Pop3HeaderCollection? Headers => _headers?.Headers;

        /// <summary>
        /// This message with its headers, as a new object: the selection a listing works from
        /// keeps no header block, so a listing of any size holds only the messages not yet written.
        /// </summary>
        internal Pop3MessageInfo WithHeaders(MessageHeaders headers)
        {
            var listed = new Pop3MessageInfo(Session, Number, Uid, Size);
            listed.SetHeaders(headers);
            return listed;
        }

        private void SetHeaders(MessageHeaders headers)
        {
            _headers = headers;
            Subject = headers.Subject;
            From = headers.From.Length > 0 ? headers.From[0] : null;
            Date = headers.Date;
        }

        public override string ToString() => Uid.Length > 0 ? $"{Number} ({Uid})" : Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
