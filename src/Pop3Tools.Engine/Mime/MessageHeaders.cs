using System;
using System.Collections.Generic;
using System.IO;
using MimeKit;
using MimeKit.Utils;

namespace Pop3Tools.Engine.Mime
{
    /// <summary>
    /// The header fields scripts ask for most, mapped from MimeKit's <see cref="HeaderList"/>
    /// onto the module's own shapes: addresses as "Name &lt;addr&gt;", the Message-ID without
    /// brackets, the date null when missing or beyond reading.
    /// </summary>
    internal sealed class MessageHeaders
    {
        private readonly HeaderList headers;

        private Pop3HeaderCollection? fields;
        private string[]? to;
        private string? messageId;
        private volatile bool messageIdRead;

        internal MessageHeaders(HeaderList headers)
        {
            this.headers = headers;
            Subject = SubjectOf(headers);
            From = Addresses(headers, HeaderId.From);
            Date = ParseDate(headers);
        }

        /// <summary>
        /// Every field, built when first asked for: a listing's table and most scripts never
        /// look, and building them for every message was 4% of a listing's allocations.
        /// </summary>
        public Pop3HeaderCollection Headers => fields ??= Collect(headers);

        /// <summary>The decoded subject; empty when the message has none.</summary>
        public string Subject { get; }

        public string[] From { get; }

        /// <summary>
        /// Read when first asked for, like <see cref="Headers"/>: a listing's table shows From only.
        /// Reading addresses (From and To) was a quarter of the header thread's samples in a
        /// 10,000-message listing, and the Message-ID another 4%.
        /// </summary>
        public string[] To => to ??= Addresses(headers, HeaderId.To);

        /// <summary>Read when asked for, like <see cref="To"/>: addresses are the costliest fields to read.</summary>
        public string[] Cc => Addresses(headers, HeaderId.Cc);

        public string[] ReplyTo => Addresses(headers, HeaderId.ReplyTo);

        /// <summary>The first Date field MimeKit can read; null when there is none.</summary>
        public DateTimeOffset? Date { get; }

        /// <summary>The Message-ID without its angle brackets (<c>id@host</c>); null when the message has none.</summary>
        public string? MessageId
        {
            get
            {
                if (!messageIdRead)
                {
                    messageId = ParseMessageId(headers);
                    messageIdRead = true;
                }
                return messageId;
            }
        }

        /// <summary>
        /// Subject, first From and Date only: what an exported message's object shows, without
        /// the cost of the other fields (To's addresses above all).
        /// </summary>
        internal static (string Subject, string? From, DateTimeOffset? Date) Summary(HeaderList headers)
        {
            var from = Addresses(headers, HeaderId.From);
            return (SubjectOf(headers), from.Length > 0 ? from[0] : null, ParseDate(headers));
        }

        /// <summary>
        /// Reads one header block (up to the empty line) from <paramref name="stream"/>, for
        /// callers with a single block; the listing reuses a <see cref="HeaderBlockReader"/>.
        /// </summary>
        public static MessageHeaders Parse(Stream stream) => new HeaderBlockReader().Read(stream);

        private static Pop3HeaderCollection Collect(HeaderList headers)
        {
            var all = new Pop3Header[headers.Count];
            for (var i = 0; i < all.Length; i++)
            {
                all[i] = new Pop3Header(headers[i]);
            }

            return new Pop3HeaderCollection(all);
        }

        private static string SubjectOf(HeaderList headers) => headers[HeaderId.Subject]?.Trim() ?? string.Empty;

        // Every field of the name counts: broken mailers split To and Cc over several fields.
        // Groups ("Team: a@x, b@y;") contribute their members.
        private static string[] Addresses(HeaderList headers, HeaderId id)
        {
            var addresses = new List<string>();
            foreach (var header in headers)
            {
                if (header.Id != id) continue;
                if (InternetAddressList.TryParse(MimeLimits.Options, header.RawValue, out var list))
                {
                    Add(addresses, list);
                }
                else if (header.Value.Trim().Length > 0)
                {
                    // Beyond MimeKit's reading: show what was sent rather than nothing.
                    addresses.Add(header.Value.Trim());
                }
            }

            return addresses.ToArray();
        }

        private static void Add(List<string> addresses, IEnumerable<InternetAddress> list)
        {
            foreach (var address in list)
            {
                switch (address)
                {
                    case MailboxAddress mailbox:
                        addresses.Add(Format(mailbox));
                        break;
                    case GroupAddress group:
                        Add(addresses, group.Members);
                        break;
                }
            }
        }

        private static string Format(MailboxAddress mailbox) =>
            string.IsNullOrEmpty(mailbox.Name) ? mailbox.Address : mailbox.Name + " <" + mailbox.Address + ">";

        private static DateTimeOffset? ParseDate(HeaderList headers)
        {
            foreach (var header in headers)
            {
                if (header.Id == HeaderId.Date && DateUtils.TryParse(header.RawValue, out var date))
                {
                    return date;
                }
            }

            return null;
        }

        /// <remarks>
        /// MimeKit reads well-formed ids (comments and folding around them are noise); an id
        /// it rejects, such as one missing its closing bracket, is kept as sent, brackets off.
        /// </remarks>
        private static string? ParseMessageId(HeaderList headers)
        {
            var index = headers.IndexOf(HeaderId.MessageId);
            if (index < 0) return null;
            var raw = headers[index].RawValue;
            var id = MimeUtils.ParseMessageId(raw, 0, raw.Length);
            if (id != null) return id;
            var text = HeaderText.Unfolded(raw).Trim('<', '>', ' ', '\t');
            return text.Length == 0 ? null : text;
        }
    }
}
