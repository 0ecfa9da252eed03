using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace Pop3Tools.Engine.Mime
{
    /// <summary>
    /// Decodes RFC 2047 encoded words (<c>=?charset?B|Q?text?=</c>) in header text.
    /// Forgiving where mailers are sloppy, and never throws: a word that cannot be
    /// decoded stays in the text as it was.
    /// </summary>
    internal static class EncodedWordDecoder
    {
        // charset may carry an RFC 2231 language ("utf-8*ja"). The text allows spaces,
        // which RFC 2047 forbids but some mailers emit in Q words; it stops at the first
        // '?' so a match never runs into the next word. Every part is bounded by a '?' or
        // a length, so matching stays linear on hostile input.
        private const string WordPattern =
            @"=\?(?<charset>[^?\s""()<>@,;:\\/\[\]]{1,64})\?(?<encoding>[BbQq])\?(?<text>[\x20-\x3E\x40-\x7E]*)\?=";

        private static readonly Regex Word = new Regex(WordPattern, RegexOptions.CultureInvariant);

        // \G pins the match to the start position, so probing a position costs nothing
        // beyond the word itself (an unanchored probe would scan the rest of the text).
        private static readonly Regex WordAtPosition = new Regex(@"\G" + WordPattern, RegexOptions.CultureInvariant);

        /// <summary>Finds an encoded word starting exactly at <paramref name="index"/>; its length, or 0.</summary>
        public static int MatchAt(string text, int index)
        {
            var match = WordAtPosition.Match(text, index);
            return match.Success ? match.Length : 0;
        }

        /// <summary>
        /// Decodes every encoded word. Whitespace between two encoded words is dropped
        /// (RFC 2047 §6.2), and adjacent words in the same charset are decoded as one
        /// byte sequence, because mailers split multibyte characters (UTF-8, ISO-2022-JP
        /// escape runs) across word boundaries. Words glued to other text are decoded too.
        /// </summary>
        public static string Decode(string text)
        {
            if (text == null || text.IndexOf("=?", StringComparison.Ordinal) < 0)
            {
                return text ?? string.Empty;
            }

            var result = new StringBuilder(text.Length);
            var pending = new MemoryStream();
            string? pendingCharset = null;
            var position = 0;

            var match = Word.Match(text);
            while (match.Success)
            {
                var gap = text.Substring(position, match.Index - position);
                var charset = match.Groups["charset"].Value;
                var bytes = DecodeText(match.Groups["encoding"].Value, match.Groups["text"].Value);

                var joinsPrevious = pendingCharset != null && IsWhitespace(gap);
                if (!(joinsPrevious && SameCharset(pendingCharset!, charset)))
                {
                    FlushPending(result, pending, ref pendingCharset);
                    if (!joinsPrevious)
                    {
                        result.Append(gap);
                    }
                }

                pendingCharset = charset;
                pending.Write(bytes, 0, bytes.Length);
                position = match.Index + match.Length;
                match = match.NextMatch();
            }

            FlushPending(result, pending, ref pendingCharset);
            result.Append(text, position, text.Length - position);
            return result.ToString();
        }

        private static void FlushPending(StringBuilder result, MemoryStream pending, ref string? charset)
        {
            if (charset == null)
            {
                return;
            }

            result.Append(Charsets.Decode(charset, pending.GetBuffer(), 0, (int)pending.Length));
            pending.SetLength(0);
            charset = null;
        }

        private static byte[] DecodeText(string encoding, string text) =>
            encoding == "B" || encoding == "b" ? LenientBase64.Decode(text, 0, text.Length) : DecodeQ(text);

        /// <summary>RFC 2047 §4.2: '_' is a space, =XX a byte; a stray '=' stays literal.</summary>
        private static byte[] DecodeQ(string text)
        {
            var output = new byte[text.Length];
            var count = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '_')
                {
                    output[count++] = (byte)' ';
                }
                else if (c == '=' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
                {
                    output[count++] = (byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2]));
                    i += 2;
                }
                else
                {
                    output[count++] = (byte)c;
                }
            }

            Array.Resize(ref output, count);
            return output;
        }

        private static bool SameCharset(string a, string b) =>
            string.Equals(StripLanguage(a), StripLanguage(b), StringComparison.OrdinalIgnoreCase);

        private static string StripLanguage(string charset)
        {
            var star = charset.IndexOf('*');
            return star >= 0 ? charset.Substring(0, star) : charset;
        }

        private static bool IsWhitespace(string gap)
        {
            foreach (var c in gap)
            {
                if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

        private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    }
}
