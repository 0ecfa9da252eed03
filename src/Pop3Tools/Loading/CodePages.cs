using System.Text;

namespace Pop3Tools.Loading
{
    /// <summary>
    /// ISO-2022-JP, Shift_JIS, EUC-JP and windows-125x for MimeKit and the engine.
    /// .NET Framework has them built in; .NET knows them only once the code-pages
    /// provider is registered, which is process-wide and idempotent.
    /// </summary>
    internal static class CodePages
    {
        public static void Register()
        {
#if NET
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
#endif
        }
    }
}
