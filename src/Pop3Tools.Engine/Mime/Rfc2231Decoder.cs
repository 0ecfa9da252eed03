using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Pop3Tools.Engine.Mime
{
    /// <summary>
    /// Assembles MIME parameters per RFC 2231: continuations (<c>name*0</c>, <c>name*1</c>...),
    /// percent-encoded sections (<c>name*0*=utf-8'ja'%E6...</c>) and their charset. An
    /// extended value wins over a plain one of the same name. Plain values stay as sent:
    /// RFC 2047 decoding them would corrupt a boundary that happens to look like a word.
    /// </summary>
    internal static class Rfc2231Decoder
    {
        private const int MaxSection = 9999;

        public static Dictionary<string, string> Decode(IEnumerable<KeyValuePair<string, string>> rawParameters)
        {
            var plain = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var extended = new Dictionary<string, SortedDictionary<int, Section>>(StringComparer.OrdinalIgnoreCase);

            foreach (var parameter in rawParameters)
            {
                if (TrySplitName(parameter.Key, out var baseName, out var number, out var encoded))
                {
                    if (!extended.TryGetValue(baseName, out var sections))
                    {
                        sections = new SortedDictionary<int, Section>();
                        extended.Add(baseName, sections);
                    }

                    if (!sections.ContainsKey(number))
                    {
                        sections.Add(number, new Section(parameter.Value, encoded));
                    }
                }
                else if (!plain.ContainsKey(parameter.Key))
                {
                    plain.Add(parameter.Key, parameter.Value);
                }
            }

            foreach (var entry in extended)
            {
                plain[entry.Key] = Assemble(entry.Value);
            }

            return plain;
        }

        /// <summary>"name*" is section 0 encoded; "name*3" section 3 as is; "name*3*" section 3 encoded.</summary>
        private static bool TrySplitName(string name, out string baseName, out int number, out bool encoded)
        {
            baseName = name;
            number = 0;
            encoded = false;
            var star = name.IndexOf('*');
            if (star <= 0)
            {
                return false;
            }

            var rest = name.Substring(star + 1);
            encoded = rest.EndsWith("*", StringComparison.Ordinal);
            if (encoded)
            {
                rest = rest.Substring(0, rest.Length - 1);
            }

            if (rest.Length == 0)
            {
                encoded = true;
            }
            else if (!int.TryParse(rest, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number) || number > MaxSection)
            {
                return false;
            }

            baseName = name.Substring(0, star);
            return true;
        }

        /// <summary>
        /// Joins the sections in order. Encoded sections are joined as bytes before
        /// decoding, because senders split multibyte characters across sections.
        /// </summary>
        private static string Assemble(SortedDictionary<int, Section> sections)
        {
            string? charset = null;
            var result = new StringBuilder();
            var bytes = new MemoryStream();
            var first = true;

            foreach (var section in sections.Values)
            {
                var value = section.Value;
                if (section.Encoded)
                {
                    if (first)
                    {
                        value = TakeCharset(value, out charset);
                    }

                    PercentDecode(value, bytes);
                }
                else
                {
                    Flush(result, bytes, charset);
                    result.Append(value);
                }

                first = false;
            }

            Flush(result, bytes, charset);
            return result.ToString();
        }

        /// <summary>Splits "charset'language'value"; without both quotes the value has no charset.</summary>
        private static string TakeCharset(string value, out string? charset)
        {
            charset = null;
            var quote = value.IndexOf('\'');
            var second = quote < 0 ? -1 : value.IndexOf('\'', quote + 1);
            if (second < 0)
            {
                return value;
            }

            charset = value.Substring(0, quote);
            return value.Substring(second + 1);
        }

        private static void PercentDecode(string value, MemoryStream bytes)
        {
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
                {
                    bytes.WriteByte((byte)((HexValue(value[i + 1]) << 4) | HexValue(value[i + 2])));
                    i += 2;
                }
                else if (c < 0x80)
                {
                    bytes.WriteByte((byte)c);
                }
                else
                {
                    // Raw 8-bit text the header reader already decoded: keep it as UTF-8.
                    var length = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]) ? 2 : 1;
                    var utf8 = Encoding.UTF8.GetBytes(value.Substring(i, length));
                    bytes.Write(utf8, 0, utf8.Length);
                    i += length - 1;
                }
            }
        }

        private static void Flush(StringBuilder result, MemoryStream bytes, string? charset)
        {
            if (bytes.Length == 0)
            {
                return;
            }

            result.Append(Charsets.Decode(string.IsNullOrEmpty(charset) ? null : charset, bytes.GetBuffer(), 0, (int)bytes.Length));
            bytes.SetLength(0);
        }

        private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

        private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

        private sealed class Section
        {
            public Section(string value, bool encoded)
            {
                Value = value;
                Encoded = encoded;
            }

            public string Value { get; }

            public bool Encoded { get; }
        }
    }
}
