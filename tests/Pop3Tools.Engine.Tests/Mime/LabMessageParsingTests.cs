using System.Text;
using Pop3Tools.Engine.Mime;
using Pop3Tools.Engine.Tests.Dovecot;

namespace Pop3Tools.Engine.Tests.Mime
{
    /// <summary>
    /// Whole messages RETR'd from the Dovecot lab and parsed straight from the socket
    /// stream: every field must be what the generator wrote.
    /// </summary>
    public class LabMessageParsingTests
    {
        private const string Password = "Mime-Lab-Pw1";

        public LabMessageParsingTests() => CodePages.Register();

        private static DovecotLab Lab => DovecotLab.Shared;

        // The parser hands text out with this platform's line ends; the boundary owns the last CRLF of a part.
        private static string Normalize(string? text) => (text ?? string.Empty).Replace("\r\n", "\n").TrimEnd('\n');

        private static string Lines(IReadOnlyList<string> lines) => Normalize(string.Join("\r\n", lines));

        private static List<Pop3Message> RetrieveAll(string user, string password, int count, bool keepRaw)
        {
            using var client = LabClient.LogIn(Lab, user, password);
            var parsed = new Pop3Message?[count];
            var errors = new List<string>();
            client.Retrieve(Enumerable.Range(1, count), (number, stream) =>
                parsed[number - 1] = MessageParser.Parse(stream, new Pop3MessageInfo(null!, number, "uid-" + number, 0), keepRaw, CancellationToken.None),
                (number, error) => errors.Add(number + ": " + error.Message), CancellationToken.None);
            Assert.Empty(errors);
            return parsed.Select(m => m!).ToList();
        }

        private static void AssertMatches(GeneratedMessage expected, Pop3Message actual)
        {
            Assert.Equal(expected.Subject, actual.Subject);
            Assert.Equal(expected.FromDisplay.Length == 0 ? expected.FromAddress : $"{expected.FromDisplay} <{expected.FromAddress}>", actual.From);
            Assert.Equal(expected.Date, actual.Date);
            Assert.Equal(expected.MessageId.Trim('<', '>'), actual.MessageId);
            var content = expected.Content!;
            if (content.TextLines == null) Assert.Null(actual.TextBody);
            else Assert.Equal(Lines(content.TextLines), Normalize(actual.TextBody));
            if (content.HtmlLines == null) Assert.Null(actual.HtmlBody);
            else Assert.Equal(Lines(content.HtmlLines), Normalize(actual.HtmlBody));
            Assert.Equal(content.Attachments.Select(a => (a.FileName, a.MediaType, (long)a.Content.Length)),
                actual.Attachments.Select(a => (a.FileName!, a.ContentType, a.Size)));
        }

        [Fact]
        public void DefaultMailbox_ParsesToWhatTheGeneratorWrote()
        {
            var expected = DovecotLab.AliceMessages;

            var messages = RetrieveAll(DovecotLab.AliceUser, DovecotLab.AlicePassword, expected.Count, keepRaw: false);

            Assert.Contains(expected, m => m.Content!.Attachments.Any(a => a.FileName == "見積書.xlsx"));
            Assert.Contains(expected, m => m.Kind == "iso-2022-jp");
            Assert.Contains(expected, m => m.Kind == "alternative");
            for (var i = 0; i < expected.Count; i++)
            {
                AssertMatches(expected[i], messages[i]);
                Assert.Null(messages[i].RawMessage);
            }
        }

        [Fact]
        public void AttachmentNames_Rfc2231AndRfc2047_AreDecoded_AndSaveAsWritesTheDecodedBytes()
        {
            var expected = new MailGenerator(4711).AttachmentNames();
            var user = DovecotLab.UniqueUserName("mimenames");
            Lab.AddMailbox(user, Password, expected);

            var messages = RetrieveAll(user, Password, expected.Count, keepRaw: true);

            var folder = Directory.CreateTempSubdirectory("pop3tools-saveas-");
            try
            {
                for (var i = 0; i < expected.Count; i++)
                {
                    AssertMatches(expected[i], messages[i]);
                    Assert.Equal(expected[i].Bytes, messages[i].RawMessage);
                    for (var a = 0; a < messages[i].Attachments.Length; a++)
                    {
                        var path = Path.Combine(folder.FullName, i + "-" + a + ".bin");
                        messages[i].Attachments[a].SaveAs(path);
                        Assert.Equal(expected[i].Content!.Attachments[a].Content, File.ReadAllBytes(path));
                    }
                }
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }
    }
}
