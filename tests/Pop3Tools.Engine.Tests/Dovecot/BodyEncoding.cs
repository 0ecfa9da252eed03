using System.Globalization;
using System.Text;

namespace Pop3Tools.Engine.Tests.Dovecot;

/// <summary>Turns text lines into body bytes: raw (7bit/8bit), base64 or quoted-printable, always CRLF.</summary>
internal static class BodyEncoding
{
    private static readonly byte[] Crlf = { (byte)'\r', (byte)'\n' };

    /// <summary>Each line encoded on its own (ISO-2022-JP lines then end in ASCII, RFC 1468) plus CRLF.</summary>
    public static byte[] Raw(IEnumerable<string> lines, MailCharset charset)
    {
        var body = new MemoryStream();
        foreach (var line in lines)
        {
            body.Write(charset.GetBytes(line));
            body.Write(Crlf);
        }

        return body.ToArray();
    }

    /// <summary>Base64 in 76-character lines, each ending in CRLF.</summary>
    public static byte[] Base64(byte[] content)
    {
        var text = Convert.ToBase64String(content, Base64FormattingOptions.InsertLineBreaks);
        return text.Length == 0 ? Array.Empty<byte>() : Encoding.ASCII.GetBytes(text + "\r\n");
    }

    /// <summary>Quoted-printable (RFC 2045 6.7): lines of at most 76 characters with soft breaks.</summary>
    public static byte[] QuotedPrintable(IEnumerable<string> lines, MailCharset charset)
    {
        var body = new StringBuilder();
        foreach (var line in lines)
        {
            var bytes = charset.GetBytes(line);
            int column = 0;
            for (int i = 0; i < bytes.Length; i++)
            {
                var b = bytes[i];
                bool last = i == bytes.Length - 1;
                var token = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !last)
                    ? ((char)b).ToString()
                    : "=" + b.ToString("X2", CultureInfo.InvariantCulture);
                // Leave room for the '=' of a soft break.
                if (column + token.Length > 75)
                {
                    body.Append("=\r\n");
                    column = 0;
                }

                body.Append(token);
                column += token.Length;
            }

            body.Append("\r\n");
        }

        return Encoding.ASCII.GetBytes(body.ToString());
    }
}
