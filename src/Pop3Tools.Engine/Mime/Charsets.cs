using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Reflection;
using System.Text;

namespace Pop3Tools.Engine.Mime
{
    /// <summary>
    /// Turns the charset names mail actually carries into encodings, and decodes
    /// bytes without ever throwing: unknown or missing labels fall back to UTF-8
    /// when the bytes are valid UTF-8, else to windows-1252 (Latin-1 when code
    /// pages are not registered).
    /// </summary>
    public static class Charsets
    {
        // Labels seen in mail mapped to the code page .NET knows them by.
        private static readonly Dictionary<string, int> Aliases = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
        {
            ["utf-8"] = 65001, ["utf8"] = 65001, ["unicode-1-1-utf-8"] = 65001, ["x-unicode20utf8"] = 65001,
            ["utf-16"] = 1200, ["utf-16le"] = 1200, ["utf-16be"] = 1201, ["utf-32"] = 12000, ["utf-32le"] = 12000, ["utf-32be"] = 12001,
            ["latin1"] = 1252, ["l1"] = 1252, ["iso-8859-1"] = 1252, ["iso8859-1"] = 1252, ["iso_8859-1"] = 1252, ["cp819"] = 1252,
            ["latin2"] = 28592, ["l2"] = 28592, ["latin-9"] = 28605, ["latin9"] = 28605,
            ["shift_jis"] = 932, ["shift-jis"] = 932, ["sjis"] = 932, ["x-sjis"] = 932, ["cp932"] = 932,
            ["windows-31j"] = 932, ["ms_kanji"] = 932, ["x-ms-cp932"] = 932, ["csshiftjis"] = 932,
            ["euc-jp"] = 51932, ["x-euc-jp"] = 51932, ["eucjp"] = 51932, ["cseucpkdfmtjapanese"] = 51932,
            ["iso-2022-jp"] = 50220, ["csiso2022jp"] = 50220, ["iso-2022-jp-1"] = 50220, ["iso-2022-jp-2"] = 50220,
            ["gb2312"] = 936, ["gbk"] = 936, ["cp936"] = 936, ["x-gbk"] = 936, ["euc-cn"] = 936, ["x-euc-cn"] = 936,
            ["csgb2312"] = 936, ["gb_2312-80"] = 936, ["chinese"] = 936, ["gb18030"] = 54936,
            ["big5"] = 950, ["big5-hkscs"] = 950, ["x-x-big5"] = 950, ["cp950"] = 950, ["csbig5"] = 950,
            ["ks_c_5601-1987"] = 949, ["ks_c_5601"] = 949, ["ks_c_5601-1989"] = 949, ["ksc5601"] = 949, ["ksc_5601"] = 949,
            ["euc-kr"] = 949, ["cseuckr"] = 949, ["korean"] = 949, ["cp949"] = 949, ["windows-949"] = 949,
            ["iso-2022-kr"] = 50225,
            ["koi8-r"] = 20866, ["koi8r"] = 20866, ["cskoi8r"] = 20866, ["koi8-u"] = 21866, ["koi8u"] = 21866,
            ["tis-620"] = 874, ["windows-874"] = 874, ["cp874"] = 874,
        };

        /// <summary>
        /// Labels come from the mail, so a sender can invent any number of them: past this
        /// many the cache stops growing and further labels are resolved each time.
        /// </summary>
        internal const int MaxCachedLabels = 512;

        private static readonly ConcurrentDictionary<string, Encoding?> Cache = new ConcurrentDictionary<string, Encoding?>(StringComparer.OrdinalIgnoreCase);
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false, false);
        private static readonly object RegistrationGate = new object();
        private static bool codePagesRegistered;

        /// <summary>
        /// Makes the legacy code pages (Shift_JIS, ISO-2022-JP, windows-125x...) available
        /// on .NET (Core). Safe to call many times; never throws. On .NET Framework the
        /// provider type is absent and the code pages are built in, so nothing happens.
        /// </summary>
        public static void RegisterCodePages()
        {
            lock (RegistrationGate)
            {
                if (codePagesRegistered)
                {
                    return;
                }

                codePagesRegistered = true;
                var provider = FindCodePagesProvider();
                if (provider != null)
                {
                    try
                    {
                        Encoding.RegisterProvider(provider);
                    }
                    catch (Exception)
                    {
                        // Registration is a convenience: without it we still decode UTF-8 and Latin-1.
                    }
                }

                // Lookups made before registration may have cached a miss.
                Cache.Clear();
            }
        }

        /// <summary>
        /// The CodePagesEncodingProvider singleton found by reflection: the type is outside
        /// netstandard2.0's surface, lives in System.Text.Encoding.CodePages on .NET, and
        /// does not exist on .NET Framework (null there).
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

        /// <summary>The encoding for a MIME charset label, or null when this runtime does not know it.</summary>
        public static Encoding? TryGetEncoding(string? charset)
        {
            var name = Normalize(charset);
            if (name.Length == 0)
            {
                return null;
            }

            if (Cache.TryGetValue(name, out var cached))
            {
                return cached;
            }

            var encoding = Resolve(name);
            if (Cache.Count < MaxCachedLabels)
            {
                Cache.TryAdd(name, encoding);
            }

            return encoding;
        }

        internal static int CachedLabelCount => Cache.Count;

        /// <summary>
        /// Decodes bytes labelled with <paramref name="charset"/>. Unknown, missing or
        /// plain us-ascii labels sniff instead, because such labels routinely sit on
        /// 8-bit text; so does a UTF-8 label on bytes that are not UTF-8 (mislabelled
        /// Latin text is far more likely than a corrupt multibyte sequence).
        /// </summary>
        public static string Decode(string? charset, byte[] bytes, int offset, int count)
        {
            var encoding = IsAsciiLabel(charset) ? null : TryGetEncoding(charset);
            return encoding != null && encoding.CodePage != 65001
                ? encoding.GetString(bytes, offset, count)
                : DecodeUnlabelled(bytes, offset, count);
        }

        public static string Decode(string? charset, byte[] bytes) => Decode(charset, bytes, 0, bytes.Length);

        /// <summary>Unlabelled bytes: UTF-8 when they are valid UTF-8 (RFC 6532), else windows-1252.</summary>
        public static string DecodeUnlabelled(byte[] bytes, int offset, int count)
        {
            if (Utf8Validator.IsValid(bytes, offset, count))
            {
                return Utf8.GetString(bytes, offset, count);
            }

            return LegacyFallback.GetString(bytes, offset, count);
        }

        // windows-1252 over Latin-1 because mail that is not UTF-8 is overwhelmingly
        // Western Windows text using the 0x80-0x9F punctuation (curly quotes, euro).
        private static Encoding LegacyFallback => TryGetEncoding("windows-1252") ?? Latin1;

        private static Encoding Latin1 { get; } = Encoding.GetEncoding(28591);

        private static Encoding? Resolve(string name)
        {
            if (Aliases.TryGetValue(name, out var codePage))
            {
                return ByCodePage(codePage) ?? (codePage == 1252 ? Latin1 : null);
            }

            var windows = StripPrefix(name, "cp") ?? StripPrefix(name, "x-cp") ?? StripPrefix(name, "windows-");
            if (windows != null && int.TryParse(windows, out var windowsPage) && windowsPage >= 1250 && windowsPage <= 1258)
            {
                return ByCodePage(windowsPage);
            }

            var iso = StripPrefix(name, "iso-8859-") ?? StripPrefix(name, "iso8859-") ?? StripPrefix(name, "iso_8859-");
            if (iso != null)
            {
                // "iso_8859-2:1987" is a registered alias form.
                var colon = iso.IndexOf(':');
                var part = colon >= 0 ? iso.Substring(0, colon) : iso;
                if (int.TryParse(part, out var isoPart) && isoPart >= 1 && isoPart <= 16)
                {
                    return isoPart == 1 ? Resolve("iso-8859-1") : ByCodePage(28590 + isoPart);
                }
            }

            if (name == "us-ascii" || name == "ascii")
            {
                return Encoding.ASCII;
            }

            return ByName(name);
        }

        private static Encoding? ByCodePage(int codePage)
        {
            try
            {
                return codePage == 65001 ? Utf8 : Encoding.GetEncoding(codePage);
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

        private static Encoding? ByName(string name)
        {
            try
            {
                return Encoding.GetEncoding(name);
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

        private static string? StripPrefix(string name, string prefix) =>
            name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal) ? name.Substring(prefix.Length) : null;

        private static bool IsAsciiLabel(string? charset)
        {
            var name = Normalize(charset);
            return name == "us-ascii" || name == "ascii" || name == "ansi_x3.4-1968" || name == "iso646-us";
        }

        // Labels arrive quoted, padded, with RFC 2231 language suffixes ("utf-8*en") and in any case.
        private static string Normalize(string? charset)
        {
            if (charset == null)
            {
                return string.Empty;
            }

            var name = charset.Trim().Trim('"', '\'').Trim();
            var star = name.IndexOf('*');
            if (star >= 0)
            {
                name = name.Substring(0, star);
            }

            return name.ToLowerInvariant();
        }
    }
}
