using System.Globalization;

namespace Pop3Tools
{
    /// <summary>Counts as people write them: "1 message", "2 messages".</summary>
    internal static class Plural
    {
        /// <summary><paramref name="count"/> and the noun, with an "s" unless the count is one.</summary>
        internal static string Of(long count, string noun) =>
            count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");
    }
}
