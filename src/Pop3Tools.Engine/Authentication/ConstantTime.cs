namespace Pop3Tools.Engine.Authentication
{
    /// <summary>
    /// Comparison whose duration does not depend on where the inputs differ, so a forged
    /// SCRAM server signature cannot be found byte by byte (netstandard2.0 lacks
    /// CryptographicOperations.FixedTimeEquals).
    /// </summary>
    internal static class ConstantTime
    {
        public static bool AreEqual(byte[] left, byte[] right)
        {
            if (left.Length != right.Length)
            {
                return false;
            }
            var difference = 0;
            for (var i = 0; i < left.Length; i++)
            {
                difference |= left[i] ^ right[i];
            }
            return difference == 0;
        }
    }
}
