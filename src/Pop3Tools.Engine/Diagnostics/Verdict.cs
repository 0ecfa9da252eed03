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
