using System.Text;

namespace Pop3Tools.Engine.Authentication
{
    /// <summary>Lower-case hex, the digest spelling APOP (RFC 1939) and CRAM-MD5 (RFC 2195) require.</summary>
    internal static class LowerHex
    {
        public static string Encode(byte[] bytes)
        {
            const string digits = "0123456789abcdef";
            var text = new StringBuilder(bytes.Length * 2);
            foreach (var b in bytes)
            {
                text.Append(digits[b >> 4]).Append(digits[b & 0xF]);
            }
            return text.ToString();
        }
    }
}
