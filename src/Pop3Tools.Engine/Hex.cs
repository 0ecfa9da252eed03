namespace Pop3Tools.Engine
{
    /// <summary>
    /// Bytes as hex digits: lower case for the digests APOP (RFC 1939) and CRAM-MD5 (RFC 2195)
    /// require and for file names, upper case for the SHA-256 and certificate thumbprints users
    /// compare with other tools. One string per call: a formatted string per byte was a tenth
    /// of an export's allocations.
    /// </summary>
    internal static class Hex
    {
        public static string Lower(byte[] bytes, int count = -1) => Encode(bytes, count, "0123456789abcdef");

        public static string Upper(byte[] bytes) => Encode(bytes, -1, "0123456789ABCDEF");

        private static string Encode(byte[] bytes, int count, string digits)
        {
            var length = count < 0 ? bytes.Length : count;
            var text = new char[length * 2];
            for (var i = 0; i < length; i++)
            {
                text[2 * i] = digits[bytes[i] >> 4];
                text[2 * i + 1] = digits[bytes[i] & 0xF];
            }
            return new string(text);
        }
    }
}
