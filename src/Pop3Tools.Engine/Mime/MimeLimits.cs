using System.Text;
using MimeKit;

namespace Pop3Tools.Engine.Mime
{
    /// <summary>
    /// Mail comes from strangers: every parse is bounded so a hostile message costs at
    /// most a typed error (<see cref="Pop3ErrorKind.MessageMalformed"/>), never the
    /// process's stack or memory.
    /// </summary>
    internal static class MimeLimits
    {
        /// <summary>
        /// Nesting of messages and parts, counted by <see cref="LimitedMimeParser"/>. Real mail
        /// stays under 10; MimeKit's default of 1024 recursive frames can exhaust the stack.
        /// </summary>
        public const int MaxDepth = 32;

        /// <summary>Parts of one message, attached messages' parts included.</summary>
        public const int MaxParts = 10000;

        /// <summary>Bytes of one header block (field names and values as sent).</summary>
        public const int MaxHeaderBytes = 1024 * 1024;

        /// <summary>
        /// Bytes of one header field folded over several lines: see <see cref="FoldedFieldGuard"/>
        /// for why. A recipient list of a thousand addresses, one per line, still fits.
        /// </summary>
        public const int MaxFieldBytes = 64 * 1024;

        /// <summary>
        /// Bytes of one unfolded header line. MimeKit grows its header buffer per read too, so
        /// cost is quadratic in a line's length: one 5 MB line (bare CRs, no LF) cost 3.4 GB and
        /// 5 s, 1 MB still 135 MB. A To line of five thousand addresses still fits.
        /// </summary>
        public const int MaxLineBytes = 256 * 1024;

        /// <summary>Fields of one header block.</summary>
        public const int MaxHeaderFields = 10000;

        /// <summary>
        /// What every parse uses. MimeKit's own depth cap stays above <see cref="MaxDepth"/>
        /// (each nesting level counts once there, at least once here), so the typed error
        /// comes first and MimeKit's silent flattening of deeper parts never happens.
        /// 8-bit header text that is not UTF-8 is read as windows-1252, the usual culprit;
        /// addresses are read in MimeKit's most forgiving mode (Japanese carriers' dotted
        /// local parts such as <c>taro..yamada.@docomo.ne.jp</c> are everyday mail).
        /// </summary>
        public static ParserOptions Options { get; } = CreateOptions();

        private static ParserOptions CreateOptions()
        {
            Charsets.RegisterCodePages();
            var options = new ParserOptions
            {
                MaxMimeDepth = 2 * MaxDepth,
                AddressParserComplianceMode = RfcComplianceMode.Looser,
            };
            var windows1252 = Charsets.TryGetEncoding(1252);
            if (windows1252 != null) options.CharsetEncoding = windows1252;
            return options;
        }

        public static Pop3Exception Exceeded(string what, string limit) =>
            new Pop3Exception(Pop3ErrorKind.MessageMalformed,
                "The message " + what + " (the limit is " + limit + "); it is malformed or hostile and was not parsed.")
            {
                Hint = "Save it unparsed with Receive-Pop3Message -Path to inspect it, or remove it with Remove-Pop3Message.",
            };

        /// <summary>Throws when one header block is over the field or byte limit.</summary>
        public static void CheckHeaders(HeaderList headers)
        {
            if (headers.Count > MaxHeaderFields)
            {
                throw Exceeded("has more than " + MaxHeaderFields + " header fields", MaxHeaderFields + " fields");
            }

            long bytes = 0;
            foreach (var header in headers)
            {
                bytes += header.RawField.Length + 1 + header.RawValue.Length;
            }

            if (bytes > MaxHeaderBytes)
            {
                throw Exceeded("has a header block larger than " + MaxHeaderBytes + " bytes", "1 MiB");
            }
        }
    }
}
