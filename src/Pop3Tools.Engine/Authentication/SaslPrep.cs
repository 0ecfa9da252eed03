using System;
using System.Text;

namespace Pop3Tools.Engine.Authentication
{
    /// <summary>
    /// A practical approximation of SASLprep (RFC 4013) for SCRAM: non-ASCII spaces become
    /// U+0020, the "commonly mapped to nothing" characters (RFC 3454 B.1) are dropped, and the
    /// result is NFKC-normalised. The prohibited-output and bidi checks are left out: a client
    /// that skips them sends the same bytes for every password a real user types, and the
    /// server (which does the full check on its side) simply refuses the rest.
    /// </summary>
    internal static class SaslPrep
    {
        public static string Prepare(string value)
        {
            var mapped = new StringBuilder(value.Length);
            foreach (var c in value)
            {
                if (IsMappedToNothing(c))
                {
                    continue;
                }
                mapped.Append(IsNonAsciiSpace(c) ? ' ' : c);
            }
            try
            {
                return mapped.ToString().Normalize(NormalizationForm.FormKC);
            }
            catch (ArgumentException)
            {
                // Our own words: the framework's message could in principle quote the input.
                throw new ArgumentException("The user name or password is not valid Unicode (it holds an unpaired surrogate).");
            }
        }

        // RFC 3454 table C.1.2.
        private static bool IsNonAsciiSpace(char c)
        {
            return c == '\u00A0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200A')
                || c == '\u202F' || c == '\u205F' || c == '\u3000';
        }

        // RFC 3454 table B.1 (U+200B is listed here rather than as a space: it has no width to keep).
        private static bool IsMappedToNothing(char c)
        {
            return c == '\u00AD' || c == '\u034F' || c == '\u1806' || (c >= '\u180B' && c <= '\u180D')
                || (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || (c >= '\uFE00' && c <= '\uFE0F')
                || c == '\uFEFF';
        }
    }
}
