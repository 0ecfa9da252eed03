using System.Globalization;
using System.Text;

namespace Pop3Tools.Engine.Tests.Dovecot;

/// <summary>
/// Deterministic, seeded mail for the lab. Every expected value (bytes, decoded
/// subject, sender, date, id) comes from the generator's own inputs, which makes
/// it the independent truth the engine's parsers are checked against.
/// </summary>
public sealed class MailGenerator
{
    public const int DefaultMailboxSize = 60;

    private const string Domain = "lab.pop3tools.test";

    // What each message of the default mailbox exercises, in turn.
    private static readonly string[] Cycle =
    {
        "plain", "utf-8", "iso-2022-jp", "shift_jis", "q-encoded",
        "folded-subject", "alternative", "attachment", "dot-lines", "long-lines",
    };

    private readonly Random random;
    private readonly int seed;
    private int sequence;

    public MailGenerator(int seed)
    {
        this.seed = seed;
        random = new Random(seed);
    }

    /// <summary>
    /// A realistic mailbox: plain and multipart mail, attachments, Japanese in three
    /// charsets, RFC 2047 B and Q subjects (folded, adjacent words), dot lines, long
    /// lines, an empty body, sizes of 1 KB to 200 KB and one message of about 5 MB.
    /// </summary>
    public IReadOnlyList<GeneratedMessage> DefaultMailbox()
    {
        var messages = new List<GeneratedMessage>(DefaultMailboxSize);
        for (int i = 0; i < DefaultMailboxSize; i++)
        {
            var kind = i switch
            {
                13 => "empty-body",
                41 => "large",
                _ => Cycle[i % Cycle.Length],
            };
            messages.Add(Make(kind));
        }

        return messages;
    }

    /// <summary>Many small messages (1-4 KB) with varied subjects, senders and increasing dates.</summary>
    public IReadOnlyList<GeneratedMessage> Bulk(int count)
    {
        var messages = new List<GeneratedMessage>(count);
        var date = new DateTimeOffset(2023, 1, 2, 8, 0, 0, TimeSpan.FromHours(9));
        for (int i = 0; i < count; i++)
        {
            date = date.AddMinutes(random.Next(5, 180)).AddSeconds(random.Next(60));
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            var (subjectValue, subject) = (i % 5) switch
            {
                0 => PlainSubject($"{Pick(MailText.EnglishSubjects)} #{number}"),
                1 => EncodedSubject(string.Empty, $"{Pick(MailText.JapaneseSubjects)} #{number}", MailCharset.Utf8, 'B', fold: true),
                2 => EncodedSubject(string.Empty, $"{Pick(MailText.JapaneseSubjects)} #{number}", MailCharset.Iso2022Jp, 'B', fold: true),
                3 => EncodedSubject("Re: ", $"{Pick(MailText.JapaneseSubjects)} #{number}", MailCharset.ShiftJis, 'B', fold: false),
                _ => EncodedSubject(string.Empty, $"{Pick(MailText.AccentedSubjects)} #{number}", MailCharset.Utf8, 'Q', fold: true),
            };
            var japanese = i % 5 is 1 or 2 or 3;
            var charset = i % 5 == 2 ? MailCharset.Iso2022Jp : MailCharset.Utf8;
            var lines = japanese ? JapaneseLines(random.Next(1000, 4000), charset) : EnglishLines(random.Next(1000, 4000));
            var body = BodyEncoding.Raw(lines, charset);
            var cte = charset == MailCharset.Utf8 && japanese ? "8bit" : "7bit";
            messages.Add(Compose("bulk", subjectValue, subject, date, $"text/plain; charset={charset.Label}", cte, body));
        }

        return messages;
    }

    /// <summary>
    /// Attachments named every way mail names them: RFC 2231 with continuations and a
    /// charset, RFC 2231 in Shift_JIS, RFC 2047 in the Content-Type name only, a plain
    /// ASCII name; bodies in base64 and quoted-printable; and an HTML-only message.
    /// </summary>
    public IReadOnlyList<GeneratedMessage> AttachmentNames()
    {
        var date = new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.FromHours(9));
        var longName = "会議資料_2024年度_第3四半期_最終版.pdf";
        var escaped = Uri.EscapeDataString(longName);
        var cut = escaped.IndexOf('%', escaped.Length / 2);
        var sjisName = string.Concat(MailCharset.ShiftJis.GetBytes("請求書.xlsx").Select(b => "%" + b.ToString("X2", CultureInfo.InvariantCulture)));
        // The CRLF before a boundary belongs to the boundary: the decoded text ends without one.
        var qpText = new[] { "Notes = minutes of the meeting", "Second line with trailing text", "Grüße aus Köln" };
        var htmlLines = new[] { "<html><body>", "<p>お世話になっております。</p>", "<p>資料を添付いたします。</p>", "</body></html>" };
        var messages = new List<GeneratedMessage>
        {
            NamedAttachment(date, longName, "application/pdf", "application/pdf",
                $"attachment;\r\n filename*0*=UTF-8''{escaped.Substring(0, cut)};\r\n filename*1*={escaped.Substring(cut)}", "base64", Bytes(30000)),
            NamedAttachment(date, "請求書.xlsx", "application/vnd.ms-excel", "application/vnd.ms-excel",
                "attachment; filename*=Shift_JIS''" + sjisName, "base64", Bytes(12345)),
            NamedAttachment(date, "報告書.docx", "application/msword",
                "application/msword; name=\"" + string.Join(" ", EncodedWords.Encode("報告書.docx", MailCharset.Iso2022Jp, 'B')) + "\"", "attachment", "base64", Bytes(777)),
            NamedAttachment(date, "notes.txt", "text/plain", "text/plain; charset=UTF-8; name=\"notes.txt\"",
                "attachment; filename=\"notes.txt\"", "quoted-printable", Encoding.UTF8.GetBytes(string.Join("\r\n", qpText)),
                BodyEncoding.QuotedPrintable(qpText, MailCharset.Utf8)),
        };
        var (value, subject) = EncodedSubject(string.Empty, "HTMLだけのお知らせ", MailCharset.Iso2022Jp, 'B', fold: true);
        messages.Add(Compose("html-only", value, subject, date, "text/html; charset=ISO-2022-JP", "7bit", BodyEncoding.Raw(htmlLines, MailCharset.Iso2022Jp))
            .WithContent(new GeneratedContent(null, htmlLines)));
        return messages;
    }

    private byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private GeneratedMessage NamedAttachment(DateTimeOffset date, string fileName, string mediaType, string contentType, string disposition,
        string transferEncoding, byte[] content, byte[]? encoded = null)
    {
        var (value, subject) = EncodedSubject("Attached: ", fileName, MailCharset.Utf8, 'B', fold: true);
        var boundary = Boundary();
        var text = new[] { "Please find the file attached." };
        var body = new MemoryStream();
        WriteAscii(body, $"--{boundary}\r\nContent-Type: text/plain; charset=US-ASCII\r\n\r\n");
        body.Write(BodyEncoding.Raw(text, MailCharset.Ascii));
        WriteAscii(body, $"--{boundary}\r\nContent-Type: {contentType}\r\nContent-Disposition: {disposition}\r\nContent-Transfer-Encoding: {transferEncoding}\r\n\r\n");
        body.Write(encoded ?? BodyEncoding.Base64(content));
        WriteAscii(body, $"--{boundary}--\r\n");
        return Compose("named-attachment", value, subject, date, $"multipart/mixed; boundary=\"{boundary}\"", null, body.ToArray())
            .WithContent(new GeneratedContent(text, attachments: new[] { new GeneratedAttachment(fileName, mediaType, content) }));
    }

    private GeneratedMessage Make(string kind)
    {
        var date = RandomDate();
        switch (kind)
        {
            case "plain":
            {
                var (value, subject) = PlainSubject(Pick(MailText.EnglishSubjects));
                var lines = EnglishLines(TargetSize());
                return Compose(kind, value, subject, date, "text/plain; charset=US-ASCII", "7bit",
                    BodyEncoding.Raw(lines, MailCharset.Ascii)).WithContent(new GeneratedContent(lines));
            }

            case "utf-8":
            {
                var (value, subject) = EncodedSubject(string.Empty, Pick(MailText.JapaneseSubjects), MailCharset.Utf8, 'B', fold: true);
                if (random.Next(2) == 0)
                {
                    var lines = JapaneseLines(TargetSize(), MailCharset.Utf8);
                    return Compose(kind, value, subject, date, "text/plain; charset=UTF-8", "8bit",
                        BodyEncoding.Raw(lines, MailCharset.Utf8)).WithContent(new GeneratedContent(lines));
                }

                var encodedLines = JapaneseLines(TargetSize() * 3 / 4, MailCharset.Utf8);
                return Compose(kind, value, subject, date, "text/plain; charset=UTF-8", "base64",
                    BodyEncoding.Base64(BodyEncoding.Raw(encodedLines, MailCharset.Utf8))).WithContent(new GeneratedContent(encodedLines));
            }

            case "iso-2022-jp":
            {
                var (value, subject) = EncodedSubject(string.Empty, Pick(MailText.JapaneseSubjects), MailCharset.Iso2022Jp, 'B', fold: true);
                var lines = JapaneseLines(TargetSize(), MailCharset.Iso2022Jp);
                return Compose(kind, value, subject, date, "text/plain; charset=ISO-2022-JP", "7bit",
                    BodyEncoding.Raw(lines, MailCharset.Iso2022Jp)).WithContent(new GeneratedContent(lines));
            }

            case "shift_jis":
            {
                var (value, subject) = EncodedSubject(string.Empty, Pick(MailText.JapaneseSubjects), MailCharset.ShiftJis, 'B', fold: true);
                var lines = JapaneseLines(TargetSize(), MailCharset.ShiftJis);
                return Compose(kind, value, subject, date, "text/plain; charset=Shift_JIS", "8bit",
                    BodyEncoding.Raw(lines, MailCharset.ShiftJis)).WithContent(new GeneratedContent(lines));
            }

            case "q-encoded":
            {
                var japanese = random.Next(2) == 0;
                var (value, subject) = japanese
                    ? EncodedSubject(string.Empty, Pick(MailText.JapaneseSubjects), MailCharset.Utf8, 'Q', fold: true)
                    : EncodedSubject(string.Empty, Pick(MailText.AccentedSubjects), MailCharset.Latin1, 'Q', fold: false);
                // Quoted-printable turns each UTF-8 byte of Japanese into three characters.
                var size = TargetSize();
                var lines = EnglishLines(size / 2).Concat(JapaneseLines(size / 6, MailCharset.Utf8)).ToList();
                return Compose(kind, value, subject, date, "text/plain; charset=UTF-8", "quoted-printable",
                    BodyEncoding.QuotedPrintable(lines, MailCharset.Utf8)).WithContent(new GeneratedContent(lines));
            }

            case "folded-subject":
            {
                // Long text cut into short words: several adjacent encoded-words, folded or side by side.
                var charset = Pick(new[] { MailCharset.Utf8, MailCharset.Iso2022Jp, MailCharset.ShiftJis });
                var text = string.Join("と", Pick(MailText.JapaneseSubjects), Pick(MailText.JapaneseSubjects), Pick(MailText.JapaneseSubjects));
                var (value, subject) = EncodedSubject(Pick(new[] { "Re: ", "Fwd: ", "" }), text, charset, 'B',
                    fold: random.Next(3) > 0, maxWordLength: random.Next(30, EncodedWords.MaxLength));
                var lines = JapaneseLines(TargetSize(), charset);
                return Compose(kind, value, subject, date, $"text/plain; charset={charset.Label}",
                    charset == MailCharset.ShiftJis ? "8bit" : charset == MailCharset.Utf8 ? "8bit" : "7bit",
                    BodyEncoding.Raw(lines, charset)).WithContent(new GeneratedContent(lines));
            }

            case "alternative":
                return Alternative(kind, date);

            case "attachment":
                return WithAttachment(kind, date, TargetSize());

            case "large":
                return WithAttachment(kind, date, 5 * 1024 * 1024);

            case "dot-lines":
            {
                var (value, subject) = PlainSubject("Lines that begin with a dot");
                var lines = new List<string>();
                foreach (var special in new[] { ".", "..", ".hidden line", "...ellipsis first", ". ", ".\t", "a line between" })
                {
                    lines.AddRange(EnglishLines(random.Next(100, 800)));
                    lines.Add(special);
                }

                // The body's last line is a lone dot: stuffed as "..", right before the terminator.
                lines.Add(".");
                return Compose(kind, value, subject, date, "text/plain; charset=US-ASCII", "7bit", BodyEncoding.Raw(lines, MailCharset.Ascii))
                    .WithContent(new GeneratedContent(lines));
            }

            case "long-lines":
            {
                var (value, subject) = PlainSubject("Very long lines without any folding at all");
                var lines = new List<string>();
                foreach (var length in new[] { random.Next(2000, 3000), random.Next(5000, 7000), random.Next(9000, 10000) })
                {
                    lines.AddRange(EnglishLines(random.Next(200, 1000)));
                    lines.Add(LongLine(length));
                }

                return Compose(kind, value, subject, date, "text/plain; charset=US-ASCII", "7bit", BodyEncoding.Raw(lines, MailCharset.Ascii))
                    .WithContent(new GeneratedContent(lines));
            }

            case "empty-body":
            {
                var (value, subject) = PlainSubject("Nothing below this line");
                return Compose(kind, value, subject, date, "text/plain; charset=US-ASCII", "7bit", Array.Empty<byte>())
                    .WithContent(new GeneratedContent(Array.Empty<string>()));
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such message kind.");
        }
    }

    private GeneratedMessage Alternative(string kind, DateTimeOffset date)
    {
        var (value, subject) = EncodedSubject(string.Empty, Pick(MailText.JapaneseSubjects), MailCharset.Utf8, 'B', fold: true);
        var boundary = Boundary();
        // The text goes out twice: base64 (4/3) and as quoted-printable HTML (about 3x plus markup).
        var text = JapaneseLines(TargetSize() / 6, MailCharset.Utf8);
        var html = new[] { "<!DOCTYPE html>", "<html><head><meta charset=\"UTF-8\"></head><body>" }
            .Concat(text.Select(line => $"<p style=\"font-family: sans-serif; margin: 0 0 1em 0\">{line}</p>"))
            .Append("</body></html>")
            .ToList();

        var body = new MemoryStream();
        WriteAscii(body, "This is a multi-part message in MIME format.\r\n\r\n");
        WriteAscii(body, $"--{boundary}\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        body.Write(BodyEncoding.Base64(BodyEncoding.Raw(text, MailCharset.Utf8)));
        WriteAscii(body, $"--{boundary}\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n");
        body.Write(BodyEncoding.QuotedPrintable(html, MailCharset.Utf8));
        WriteAscii(body, $"--{boundary}--\r\n");
        return Compose(kind, value, subject, date, $"multipart/alternative; boundary=\"{boundary}\"", null, body.ToArray())
            .WithContent(new GeneratedContent(text, html));
    }

    private GeneratedMessage WithAttachment(string kind, DateTimeOffset date, int targetSize)
    {
        var (value, subject) = random.Next(2) == 0
            ? PlainSubject("Documents for review")
            : EncodedSubject(string.Empty, "資料送付の件", MailCharset.Iso2022Jp, 'B', fold: true);
        var boundary = Boundary();
        var text = EnglishLines(random.Next(300, 2000));

        // Base64 grows content by 4/3; aim the whole message near the target.
        var content = new byte[Math.Max(256, targetSize * 3 / 4 - 2000)];
        random.NextBytes(content);
        var (contentType, disposition, fileName) = random.Next(3) switch
        {
            0 => ("application/pdf; name=\"report-2024.pdf\"", "attachment; filename=\"report-2024.pdf\"", "report-2024.pdf"),
            1 => ("image/png; name=\"photo.png\"", "attachment; filename=\"photo.png\"", "photo.png"),
            _ => ($"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; name=\"{string.Join(" ", EncodedWords.Encode("見積書.xlsx", MailCharset.Utf8, 'B'))}\"",
                  "attachment; filename*=UTF-8''" + Uri.EscapeDataString("見積書.xlsx"), "見積書.xlsx"),
        };

        var body = new MemoryStream();
        WriteAscii(body, "This is a multi-part message in MIME format.\r\n\r\n");
        WriteAscii(body, $"--{boundary}\r\nContent-Type: text/plain; charset=US-ASCII\r\nContent-Transfer-Encoding: 7bit\r\n\r\n");
        body.Write(BodyEncoding.Raw(text, MailCharset.Ascii));
        WriteAscii(body, $"--{boundary}\r\nContent-Type: {contentType}\r\nContent-Disposition: {disposition}\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        body.Write(BodyEncoding.Base64(content));
        WriteAscii(body, $"--{boundary}--\r\n");
        var attachment = new GeneratedAttachment(fileName, contentType.Split(';')[0], content);
        return Compose(kind, value, subject, date, $"multipart/mixed; boundary=\"{boundary}\"", null, body.ToArray())
            .WithContent(new GeneratedContent(text, attachments: new[] { attachment }));
    }

    private GeneratedMessage Compose(string kind, string subjectValue, string subject, DateTimeOffset date,
        string contentType, string? transferEncoding, byte[] body)
    {
        sequence++;
        var (display, address) = Pick(MailText.Senders);
        var displayCharset = IsJapanese(display) && random.Next(2) == 0 ? MailCharset.Iso2022Jp : MailCharset.Utf8;
        var messageId = $"<{kind}.{seed}.{sequence:D5}.{random.Next():x8}@{Domain}>";
        var composer = new MessageComposer()
            .Field("Return-Path", $"<{address}>")
            .Field("Received", $"from mx.example.net (mx.example.net [192.0.2.25])\r\n\tby {Domain} with ESMTPS id {random.Next():X8}\r\n\tfor <user@{Domain}>; {MessageComposer.FormatDate(date)}")
            .Field("Date", MessageComposer.FormatDate(date))
            .Field("From", MessageComposer.Mailbox(display, address, displayCharset))
            .Field("To", $"Lab User <user@{Domain}>")
            .Field("Subject", subjectValue)
            .Field("Message-ID", messageId)
            .Field("MIME-Version", "1.0")
            .Field("Content-Type", contentType);
        if (transferEncoding != null)
        {
            composer.Field("Content-Transfer-Encoding", transferEncoding);
        }

        return composer.Build(body, kind, subject, display, address, date, messageId);
    }

    private static (string Value, string Decoded) PlainSubject(string text) =>
        (MessageComposer.FoldPlain("Subject", text), text);

    private static (string Value, string Decoded) EncodedSubject(string prefix, string text, MailCharset charset,
        char encoding, bool fold, int maxWordLength = EncodedWords.MaxLength) =>
        (MessageComposer.EncodedText(prefix, EncodedWords.Encode(text, charset, encoding, maxWordLength), fold), prefix + text);

    private List<string> EnglishLines(int targetBytes)
    {
        var lines = new List<string>();
        int total = 0;
        while (total < targetBytes)
        {
            var line = new StringBuilder();
            while (line.Length < 60)
            {
                if (line.Length > 0)
                {
                    line.Append(' ');
                }

                line.Append(Pick(MailText.EnglishWords));
            }

            lines.Add(line.ToString());
            total += line.Length + 2;
            if (random.Next(8) == 0)
            {
                lines.Add(string.Empty);
                total += 2;
            }
        }

        return lines;
    }

    private List<string> JapaneseLines(int targetBytes, MailCharset charset)
    {
        var lines = new List<string>();
        int total = 0;
        while (total < targetBytes)
        {
            var line = Pick(MailText.JapaneseSentences);
            if (random.Next(2) == 0)
            {
                line += Pick(MailText.JapaneseSentences);
            }

            lines.Add(line);
            total += charset.Encoding.GetByteCount(line) + 2;
            if (random.Next(6) == 0)
            {
                lines.Add(string.Empty);
                total += 2;
            }
        }

        return lines;
    }

    private string LongLine(int length)
    {
        var line = new StringBuilder(length + 16);
        while (line.Length < length)
        {
            line.Append(Pick(MailText.EnglishWords)).Append(' ');
        }

        return line.ToString(0, length).TrimEnd();
    }

    // Log-uniform between 1 KB and 200 KB: mostly small mail, now and then a big one.
    private int TargetSize() => (int)Math.Exp(random.NextDouble() * (Math.Log(200 * 1024) - Math.Log(1024)) + Math.Log(1024));

    private DateTimeOffset RandomDate()
    {
        var offsets = new[] { 9.0, 0.0, -5.0, 5.5, -8.0, 1.0 };
        var offset = TimeSpan.FromHours(Pick(offsets));
        var start = new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var utc = start.AddSeconds(random.NextInt64(0, 6L * 365 * 24 * 3600));
        return utc.ToOffset(offset);
    }

    private string Boundary() => $"=_p3t_{sequence + 1}_{random.Next():x8}";

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static bool IsJapanese(string text) => text.Any(c => c >= '\u3000' && c <= '\u9FFF');

    private static void WriteAscii(Stream stream, string text) => stream.Write(Encoding.ASCII.GetBytes(text));
}
