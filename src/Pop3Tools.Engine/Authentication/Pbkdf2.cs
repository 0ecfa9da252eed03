using System;
using System.Security.Cryptography;

namespace Pop3Tools.Engine.Authentication
{
    /// <summary>
    /// PBKDF2 (RFC 8018 §5.2) over any HMAC. Written out because netstandard2.0's
    /// Rfc2898DeriveBytes offers only HMAC-SHA1 and refuses salts shorter than 8 bytes,
    /// which SCRAM servers are free to send.
    /// </summary>
    internal static class Pbkdf2
    {
        public static byte[] DeriveKey(Func<byte[], HMAC> createHmac, byte[] password, byte[] salt, int iterations, int length)
        {
            if (iterations < 1) throw new ArgumentOutOfRangeException(nameof(iterations));
            if (length < 1) throw new ArgumentOutOfRangeException(nameof(length));

            var derived = new byte[length];
            var saltAndIndex = new byte[salt.Length + 4];
            Buffer.BlockCopy(salt, 0, saltAndIndex, 0, salt.Length);
            using (var hmac = createHmac(password))
            {
                var offset = 0;
                for (var block = 1; offset < length; block++)
                {
                    // T_i = U_1 ^ U_2 ^ ... ^ U_c, with U_1 = PRF(P, S || INT(i)) and U_j = PRF(P, U_{j-1}).
                    saltAndIndex[salt.Length] = (byte)(block >> 24);
                    saltAndIndex[salt.Length + 1] = (byte)(block >> 16);
                    saltAndIndex[salt.Length + 2] = (byte)(block >> 8);
                    saltAndIndex[salt.Length + 3] = (byte)block;
                    var u = hmac.ComputeHash(saltAndIndex);
                    var t = (byte[])u.Clone();
                    for (var iteration = 1; iteration < iterations; iteration++)
                    {
                        u = hmac.ComputeHash(u);
                        for (var i = 0; i < t.Length; i++)
                        {
                            t[i] ^= u[i];
                        }
                    }
                    var count = Math.Min(t.Length, length - offset);
                    Buffer.BlockCopy(t, 0, derived, offset, count);
                    offset += count;
                    Array.Clear(t, 0, t.Length);
                    Array.Clear(u, 0, u.Length);
                }
            }
            return derived;
        }
    }
}
