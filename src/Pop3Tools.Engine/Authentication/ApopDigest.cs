using System;
using System.Security.Cryptography;
using System.Text;

namespace Pop3Tools.Engine.Authentication
{
    /// <summary>The APOP digest of RFC 1939 §7.</summary>
    internal static class ApopDigest
    {
        /// <summary>
        /// Lower-case hex MD5 of the greeting's timestamp (angle brackets included) followed by
        /// the password, as the APOP command sends it.
        /// </summary>
        public static string Compute(string timestamp, string password)
        {
            if (timestamp == null) throw new ArgumentNullException(nameof(timestamp));
            if (password == null) throw new ArgumentNullException(nameof(password));
            using (var md5 = MD5.Create())
            {
                // The timestamp is ASCII by RFC 1939 (a msg-id); the password is UTF-8 like every other mechanism here.
                var input = Encoding.UTF8.GetBytes(timestamp + password);
                try
                {
                    return Hex.Lower(md5.ComputeHash(input));
                }
                finally
                {
                    Array.Clear(input, 0, input.Length);
                }
            }
        }
    }
}
