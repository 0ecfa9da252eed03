using System;
using System.IO;
using MimeKit;

namespace Pop3Tools.Engine.Mime
{
    /// <summary>
    /// Parses header blocks (the TOP n 0 replies of a listing) one after another with a
    /// single MimeKit parser and its buffers, so a listing of thousands of messages
    /// allocates a parser once, not once per message.
    /// </summary>
    internal sealed class HeaderBlockReader
    {
        private readonly BoundedStream bounded = new BoundedStream(MimeLimits.MaxHeaderBytes);
        private readonly FoldedFieldGuard guard = new FoldedFieldGuard(MimeLimits.MaxFieldBytes);
        private readonly MimeParser parser;

        public HeaderBlockReader()
        {
            parser = new MimeParser(MimeLimits.Options, Stream.Null, persistent: false);
        }

        /// <summary>
        /// Reads the header block at the start of <paramref name="stream"/>. More than
        /// <see cref="MimeLimits.MaxHeaderBytes"/> before the block ends, or more than
        /// <see cref="MimeLimits.MaxHeaderFields"/> fields, or a field over <see cref="MimeLimits.MaxFieldBytes"/>,
        /// is <see cref="Pop3ErrorKind.MessageMalformed"/>.
        /// </summary>
        public MessageHeaders Read(Stream stream) => new MessageHeaders(ReadFields(stream));

        /// <summary>The fields of the block as MimeKit parsed them, limits checked, as <see cref="Read"/> fails.</summary>
        public HeaderList ReadFields(Stream stream)
        {
            bounded.Reset(stream);
            parser.SetStream(guard.Reset(bounded), MimeFormat.Entity, persistent: false);
            HeaderList headers;
            try
            {
                headers = parser.ParseHeaders();
            }
            catch (FormatException e)
            {
                // A header block cut short (a TOP reply that ends inside a field) is one bad message, not a failed listing.
                throw new Pop3Exception(Pop3ErrorKind.MessageMalformed, "The message's header could not be parsed: " + e.Message, e)
                {
                    Hint = "Save it unparsed with Receive-Pop3Message -Path to inspect it.",
                };
            }

            MimeLimits.CheckHeaders(headers);
            return headers;
        }
    }
}
