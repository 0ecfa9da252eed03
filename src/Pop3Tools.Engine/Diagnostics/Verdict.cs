using System.Globalization;
using System.Linq;

namespace Pop3Tools.Engine.Diagnostics
{
    /// <summary>The one-line summary of an attempt: what works, or the first failed check and what to change.</summary>
    internal static class Verdict
    {
        public static string For(Pop3ServerTestResult result)
        {
            var failed = result.Checks.FirstOrDefault(check => check.Status == Pop3CheckStatus.Fail);
            if (failed != null) return failed.Name + " failed: " + Sentence(failed.Detail) + (failed.Hint != null ? " " + failed.Hint : string.Empty);

            var works = "Works: " + Describe(result);
            var warning = result.Checks.FirstOrDefault(check => check.Status == Pop3CheckStatus.Warning);
            return warning == null ? works : works + "; warning " + warning.Name + ": " + (warning.Hint ?? warning.Detail);
        }

        /// <summary>At most this long: the default table at 120 columns leaves the Verdict column 76.</summary>
        internal const int ShortLength = 72;

        /// <summary>
        /// The verdict for the default table: the first failed check and its first sentence, or
        /// what works and the first warning's name; never the hint (the list view and Checks have
        /// it), and cut at a word so the column does not wrap mid-word.
        /// </summary>
        public static string Short(Pop3ServerTestResult result)
        {
            var failed = result.Checks.FirstOrDefault(check => check.Status == Pop3CheckStatus.Fail);
            if (failed != null) return Clip(failed.Name + " failed: " + FirstSentence(failed.Detail));

            var works = "Works: " + Describe(result);
            var warning = result.Checks.FirstOrDefault(check => check.Status == Pop3CheckStatus.Warning);
            if (warning == null) return Clip(works);
            var withWarning = works + "; warning " + warning.Name;
            // The warning's name matters more than the TLS version or the message count.
            return withWarning.Length <= ShortLength ? withWarning : Clip("Works: " + result.Security + "; warning " + warning.Name);
        }

        private static string FirstSentence(string text)
        {
            var end = text.IndexOf(". ", System.StringComparison.Ordinal);
            return end < 0 ? text : text.Substring(0, end + 1);
        }

        private static string Clip(string text)
        {
            if (text.Length <= ShortLength) return text;
            var cut = text.LastIndexOf(' ', ShortLength - 3);
            return text.Substring(0, cut > ShortLength / 2 ? cut : ShortLength - 3).TrimEnd(',', ';', ':', ' ') + "...";
        }

        private static string Sentence(string text) => text.EndsWith(".", System.StringComparison.Ordinal) ? text : text + ".";

        private static string Describe(Pop3ServerTestResult result)
        {
            var text = result.Security == Pop3Security.None ? "unencrypted" : result.Security + (result.TlsProtocol != null ? " (" + result.TlsProtocol + ")" : string.Empty);
            if (result.LoginSucceeded == true)
            {
                text += ", login with " + result.LoginMethod;
                if (result.MessageCount.HasValue) text += ", " + result.MessageCount.Value.ToString(CultureInfo.InvariantCulture) + " messages";
            }
            else if (!result.LoginTested)
            {
                text += ", login not tested";
            }
            return text;
        }
    }
}
