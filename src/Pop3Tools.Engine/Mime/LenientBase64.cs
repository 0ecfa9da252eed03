using System.IO;

namespace Pop3Tools.Engine.Mime
{
    /// <summary>
    /// Base64 that never rejects input: characters outside the alphabet are skipped,
    /// padding is optional, and a dangling partial group yields what it can.
    /// Mailers truncate and mangle encoded words too often for Convert.FromBase64String.
    /// </summary>
    internal static class LenientBase64
    {
        public static byte[] Decode(string text, int start, int length)
        {
            var output = new MemoryStream(length * 3 / 4 + 3);
            var accumulator = 0;
            var bits = 0;
            for (var i = start; i < start + length; i++)
            {
                var c = text[i];
                if (c == '=')
                {
                    break;
                }

                var value = ValueOf(c);
                if (value < 0)
                {
                    continue;
                }

                accumulator = (accumulator << 6) | value;
                bits += 6;
                if (bits >= 8)
                {
                    bits -= 8;
                    output.WriteByte((byte)(accumulator >> bits));
                    accumulator &= (1 << bits) - 1;
                }
            }

            return output.ToArray();
        }

        private static int ValueOf(char c)
        {
            if (c >= 'A' && c <= 'Z')
            {
                return c - 'A';
            }

            if (c >= 'a' && c <= 'z')
            {
                return c - 'a' + 26;
            }

            if (c >= '0' && c <= '9')
            {
                return c - '0' + 52;
            }

            if (c == '+')
            {
                return 62;
            }

            return c == '/' ? 63 : -1;
        }
    }
}
