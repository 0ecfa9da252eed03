using System.Text;

namespace Pop3Tools.Engine.Mime
{
    /// <summary>Header bytes as text before any RFC 2047 decoding, for <see cref="Pop3Header.RawValue"/>.</summary>
    internal static class HeaderText
    {
        private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);

        /// <summary>
        /// The value as sent, unfolded (RFC 5322 section 2.2.3: only the line breaks go,
        /// the whitespace that began each continuation stays) and trimmed.
        /// </summary>
        public static string Unfolded(byte[] rawValue) =>
            Decode8Bit(rawValue).Replace("\r\n", string.Empty).Replace("\n", string.Empty).Trim();

        /// <summary>UTF-8 when the bytes are UTF-8 (RFC 6532), else MimeKit's fallback charset, as MimeKit itself reads them.</summary>
        private static string Decode8Bit(byte[] bytes)
        {
            try
            {
                return StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                return MimeLimits.Options.CharsetEncoding.GetString(bytes);
            }
        }
    }
}
