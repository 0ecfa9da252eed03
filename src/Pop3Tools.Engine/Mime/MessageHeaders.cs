using System;
using System.Collections.Generic;
using System.IO;

namespace Pop3Tools.Engine.Mime
{
    /// <summary>
    /// The header half of a message: every field, plus the ones scripts ask for most,
    /// decoded. Reads the header block only; a seekable stream is left at the first
    /// byte of the body, a forward-only one is read no further than the empty line.
    /// </summary>
    public sealed class MessageHeaders
    {
        private MessageHeaders(Pop3HeaderCollection headers)
        {
            Headers = headers;
            Subject = headers["Subject"] ?? string.Empty;
            From = Addresses(headers, "From");
            To = Addresses(headers, "To");
            Cc = Addresses(headers, "Cc");
            ReplyTo = Addresses(headers, "Reply-To");
            Date = ParseDate(headers);
            MessageId = ParseMessageId(headers.GetFields("Message-ID"));
        }

        public Pop3HeaderCollection Headers { get; }

        /// <summary>The decoded subject; empty when the message has none.</summary>
        public string Subject { get; }

        public IReadOnlyList<Pop3MailAddress> From { get; }

        public IReadOnlyList<Pop3MailAddress> To { get; }

        public IReadOnlyList<Pop3MailAddress> Cc { get; }

        public IReadOnlyList<Pop3MailAddress> ReplyTo { get; }

        /// <summary>The Date field; null when it is missing or beyond any reading. A date without a zone is taken as UTC.</summary>
        public DateTimeOffset? Date { get; }

        /// <summary>The Message-ID without its angle brackets (<c>id@host</c>); null when the message has none.</summary>
        public string? MessageId { get; }

        /// <summary>
        /// Reads the header block from the message bytes (CRLF or LF line ends).
        /// Throws <see cref="Pop3Exception"/> (ProtocolError) when the block exceeds
        /// 1 MiB or 10,000 fields; anything else malformed is read as best it can be.
        /// </summary>
        public static MessageHeaders Parse(Stream stream)
        {
            var fields = HeaderReader.Read(stream);
            var headers = new List<Pop3Header>(fields.Count);
            foreach (var field in fields)
            {
                headers.Add(new Pop3Header(field.Name, EncodedWordDecoder.Decode(field.RawValue), field.RawValue));
            }

            return new MessageHeaders(new Pop3HeaderCollection(headers));
        }

        // Every field of the name counts: broken mailers split To and Cc over several fields.
        private static IReadOnlyList<Pop3MailAddress> Addresses(Pop3HeaderCollection headers, string name)
        {
            var addresses = new List<Pop3MailAddress>();
            foreach (var field in headers.GetFields(name))
            {
                addresses.AddRange(AddressParser.ParseList(field.RawValue));
            }

            return addresses;
        }

        private static DateTimeOffset? ParseDate(Pop3HeaderCollection headers)
        {
            foreach (var field in headers.GetFields("Date"))
            {
                if (MailDateParser.TryParse(field.RawValue, out var date))
                {
                    return date;
                }
            }

            return null;
        }

        /// <summary>
        /// The id between the first angle brackets (comments and folding around it are
        /// noise); a bare id without brackets, as some mailers write, is taken whole.
        /// </summary>
        private static string? ParseMessageId(IReadOnlyList<Pop3Header> fields)
        {
            if (fields.Count == 0)
            {
                return null;
            }

            var value = fields[0].RawValue;
            var open = value.IndexOf('<');
            if (open >= 0)
            {
                var close = value.IndexOf('>', open + 1);
                var id = close < 0 ? value.Substring(open + 1) : value.Substring(open + 1, close - open - 1);
                return id.Trim();
            }

            var text = value.Trim();
            var space = text.IndexOfAny(new[] { ' ', '\t', '(' });
            return space < 0 ? text : text.Substring(0, space);
        }
    }
}
