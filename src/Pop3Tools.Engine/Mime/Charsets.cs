using System;
using System.Reflection;
using System.Text;

namespace Pop3Tools.Engine.Mime
{
    /// <summary>
    /// Makes the legacy code pages mail still uses (ISO-2022-JP, Shift_JIS, EUC-JP,
    /// windows-125x) available to MimeKit on .NET, where they are not built in.
    /// </summary>
    public static class Charsets
    {
        private static readonly object RegistrationGate = new object();
        private static bool codePagesRegistered;

        /// <summary>
        /// Registers the code-pages provider once per process. Safe to call many times;
        /// never throws. On .NET Framework the code pages are built in and nothing happens.
        /// </summary>
        public static void RegisterCodePages()
        {
            lock (RegistrationGate)
            {
                if (codePagesRegistered) return;
                codePagesRegistered = true;
                var provider = FindCodePagesProvider();
                if (provider == null) return;
                try
                {
                    Encoding.RegisterProvider(provider);
                }
                catch (Exception)
                {
                    // A convenience: without it UTF-8 and Latin-1 mail still decodes.
                }
            }
        }

        /// <summary>The encoding of a Windows/ISO code page, or null when this runtime lacks it.</summary>
        internal static Encoding? TryGetEncoding(int codePage)
        {
            try
            {
                return Encoding.GetEncoding(codePage);
            }
            catch (ArgumentException)
            {
                return null;
            }
            catch (NotSupportedException)
            {
                return null;
            }
        }

        /// <summary>
        /// The CodePagesEncodingProvider singleton found by reflection: it lives in
        /// System.Text.Encoding.CodePages on .NET and does not exist on .NET Framework (null there).
        /// </summary>
        internal static EncodingProvider? FindCodePagesProvider()
        {
            try
            {
                var type = Type.GetType("System.Text.CodePagesEncodingProvider, System.Text.Encoding.CodePages", throwOnError: false);
                var instance = type?.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static);
                return instance?.GetValue(null) as EncodingProvider;
            }
            catch (Exception)
            {
                // A load failure means "no provider", which callers already handle.
                return null;
            }
        }
    }
}
