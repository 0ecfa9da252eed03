using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pop3Tools.Engine.Mailbox.Export
{
    /// <summary>
    /// File names from UIDs, which the server chooses: every UID maps to a different name
    /// that is safe on Windows, Linux and macOS and can only ever name a file inside the
    /// export folder.
    /// </summary>
    /// <remarks>
    /// Letters, digits, '-', '_' and inner dots are kept; every other byte of the UTF-8 form
    /// (separators, control characters, '%', '~', spaces, non-ASCII) becomes %XX, as do a
    /// leading dot (no ".", "..", hidden files) and a trailing one (Windows drops it). The
    /// mapping is one-to-one, so distinct UIDs give distinct names; '~' never survives
    /// encoding, so the hashed and suffixed forms below cannot collide with a plain one.
    /// </remarks>
    internal static class ExportFileName
    {
        public const string Extension = ".eml";

        /// <summary>Longer encodings are cut and made unique by a hash; far below every platform's 255.</summary>
        public const int MaxStemLength = 100;

        private const int KeptWhenCut = 80;

        private static readonly string[] ReservedOnWindows =
        {
            "CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
        };

        /// <summary>The name without extension for <paramref name="uid"/>.</summary>
        public static string Stem(string uid)
        {
            if (string.IsNullOrEmpty(uid)) throw new ArgumentException("A UID is needed to name the file.", nameof(uid));
            var bytes = Encoding.UTF8.GetBytes(uid);
            var stem = new StringBuilder(bytes.Length);
            for (var i = 0; i < bytes.Length; i++)
            {
                var b = bytes[i];
                var edgeDot = b == (byte)'.' && (i == 0 || i == bytes.Length - 1);
                if (IsKept(b) && !edgeDot) stem.Append((char)b);
                else Escape(stem, b);
            }

            if (IsReservedOnWindows(stem.ToString()))
            {
                // "CON.x" is as reserved as "CON": escaping the first letter frees the name.
                var first = (byte)stem[0];
                stem.Remove(0, 1);
                stem.Insert(0, "%" + first.ToString("X2", CultureInfo.InvariantCulture));
            }

            if (stem.Length <= MaxStemLength) return stem.ToString();
            return stem.ToString(0, KeptWhenCut) + "~" + ShortHash(uid);
        }

        /// <summary>The n-th candidate name: n = 1 is the stem itself, later ones get a "~n" suffix.</summary>
        public static string Candidate(string stem, int n) =>
            n <= 1 ? stem + Extension : stem + "~" + n.ToString(CultureInfo.InvariantCulture) + Extension;

        private static bool IsKept(byte b) =>
            (b >= (byte)'a' && b <= (byte)'z') || (b >= (byte)'A' && b <= (byte)'Z') || (b >= (byte)'0' && b <= (byte)'9')
            || b == (byte)'-' || b == (byte)'_' || b == (byte)'.';

        private static void Escape(StringBuilder stem, byte b) =>
            stem.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));

        private static bool IsReservedOnWindows(string stem)
        {
            var dot = stem.IndexOf('.');
            var device = dot < 0 ? stem : stem.Substring(0, dot);
            foreach (var reserved in ReservedOnWindows)
            {
                if (string.Equals(device, reserved, StringComparison.OrdinalIgnoreCase)) return true;
            }
            return false;
        }

        private static string ShortHash(string uid)
        {
            using (var sha = SHA256.Create())
            {
                return Hex.Lower(sha.ComputeHash(Encoding.UTF8.GetBytes(uid)), 8);
            }
        }
    }
}
