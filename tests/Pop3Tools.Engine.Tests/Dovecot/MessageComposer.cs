using System.Globalization;
using System.Text;

namespace Pop3Tools.Engine.Tests.Dovecot;

/// <summary>Assembles a message from ASCII header fields and body bytes, and formats header values.</summary>
internal sealed class MessageComposer
{
    private readonly StringBuilder header = new();

    /// <summary>A header field; <paramref name="value"/> may already be folded (CRLF followed by a space or tab).</summary>
    public MessageComposer Field(string name, string value)
    {
        header.Append(name).Append(": ").Append(value).Append("\r\n");
        return this;
    }

    public GeneratedMessage Build(byte[] body, string kind, string subject, string fromDisplay,
        string fromAddress, DateTimeOffset date, string messageId)
    {
        var headerBytes = Encoding.ASCII.GetBytes(header + "\r\n");
        if (Encoding.ASCII.GetString(headerBytes) != header + "\r\n")
        {
            throw new InvalidOperationException($"A {kind} header holds non-ASCII text.");
        }

        var bytes = new byte[headerBytes.Length + body.Length];
        headerBytes.CopyTo(bytes, 0);
        body.CopyTo(bytes, headerBytes.Length);
        CheckLineEnds(bytes, kind);
        return new GeneratedMessage(bytes, headerBytes.Length, kind, subject, fromDisplay, fromAddress, date, messageId);
    }

    /// <summary>RFC 5322 date-time, e.g. "Tue, 04 Mar 2025 09:15:02 +0900".</summary>
    public static string FormatDate(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var magnitude = offset.Duration();
        return date.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture)
            + sign + magnitude.Hours.ToString("D2", CultureInfo.InvariantCulture) + magnitude.Minutes.ToString("D2", CultureInfo.InvariantCulture);
    }

    /// <summary>Encoded words after an optional plain prefix, folded onto separate lines or side by side.</summary>
    public static string EncodedText(string prefix, IReadOnlyList<string> words, bool fold) =>
        prefix + string.Join(fold ? "\r\n " : " ", words);

    /// <summary>Plain text folded before a space so no line passes 78 characters when it can be helped.</summary>
    public static string FoldPlain(string fieldName, string text)
    {
        var result = new StringBuilder();
        int column = fieldName.Length + 2;
        foreach (var word in text.Split(' '))
        {
            if (result.Length > 0)
            {
                if (column + 1 + word.Length > 78)
                {
                    result.Append("\r\n");
                    column = 0;
                }

                result.Append(' ');
                column++;
            }

            result.Append(word);
            column += word.Length;
        }

        return result.ToString();
    }

    /// <summary>A From value: bare address, plain or quoted display name, or an encoded one.</summary>
    public static string Mailbox(string display, string address, MailCharset charsetForNonAscii)
    {
        if (display.Length == 0)
        {
            return address;
        }

        if (!Ascii.IsValid(display))
        {
            return string.Join(" ", EncodedWords.Encode(display, charsetForNonAscii, 'B')) + $" <{address}>";
        }

        bool needsQuotes = display.IndexOfAny("()<>[]:;@\\,.\"".ToCharArray()) >= 0;
        return (needsQuotes ? $"\"{display}\"" : display) + $" <{address}>";
    }

    private static void CheckLineEnds(byte[] bytes, string kind)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            bool bareCr = bytes[i] == '\r' && (i + 1 == bytes.Length || bytes[i + 1] != '\n');
            bool bareLf = bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r');
            if (bareCr || bareLf)
            {
                throw new InvalidOperationException($"A {kind} message has a bare CR or LF at offset {i}.");
            }
        }

        if (bytes.Length < 2 || bytes[^2] != '\r' || bytes[^1] != '\n')
        {
            throw new InvalidOperationException($"A {kind} message does not end in CRLF.");
        }
    }
}
