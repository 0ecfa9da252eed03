using System.Globalization;
using System.Text;

namespace Pop3Tools.Engine.Tests.Dovecot;

/// <summary>RFC 2047 encoded-words, written independently of the engine's decoder.</summary>
internal static class EncodedWords
{
    /// <summary>RFC 2047 section 2: an encoded-word is at most 75 characters.</summary>
    public const int MaxLength = 75;

    /// <summary>
    /// Splits <paramref name="text"/> into encoded-words of at most <paramref name="maxLength"/>
    /// characters. Each word holds whole characters and, for ISO-2022-JP, returns to ASCII at
    /// its end, so every word decodes on its own (RFC 2047 section 5).
    /// </summary>
    public static IReadOnlyList<string> Encode(string text, MailCharset charset, char encoding, int maxLength = MaxLength)
    {
        var words = new List<string>();
        var chunk = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (chunk.Length > 0 && Word(chunk + element, charset, encoding).Length > maxLength)
            {
                words.Add(Word(chunk.ToString(), charset, encoding));
                chunk.Clear();
            }

            chunk.Append(element);
        }

        if (chunk.Length > 0)
        {
            words.Add(Word(chunk.ToString(), charset, encoding));
        }

        return words;
    }

    private static string Word(string text, MailCharset charset, char encoding)
    {
        var bytes = charset.GetBytes(text);
        var payload = encoding == 'B' ? Convert.ToBase64String(bytes) : QEncode(bytes);
        return $"=?{charset.Label}?{encoding}?{payload}?=";
    }

    // Only the characters RFC 2047 section 5(3) allows everywhere stay literal.
    private static string QEncode(byte[] bytes)
    {
        var encoded = new StringBuilder();
        foreach (var b in bytes)
        {
            if (b == ' ')
            {
                encoded.Append('_');
            }
            else if (char.IsAsciiLetterOrDigit((char)b) || "!*+-/".Contains((char)b))
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('=').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
