using System.Text;

namespace Pop3Tools.Engine.Tests.Mime
{
    /// <summary>Registers the code-pages provider directly, so test expectations do not depend on the code under test.</summary>
    internal static class CodePages
    {
        public static void Register() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        public static Encoding Get(int codePage)
        {
            Register();
            return Encoding.GetEncoding(codePage);
        }
    }
}
