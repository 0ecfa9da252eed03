using System.Net;
using System.Text;
using Pop3Tools.Engine.Mailbox;
using Pop3Tools.Engine.Protocol;
using Pop3Tools.Engine.Tests.Dovecot;

namespace Pop3Tools.Engine.Tests.Mailbox
{
    /// <summary>The session's acceptance tests against the real Dovecot lab and real maildirs.</summary>
    public class DovecotSessionTests
    {
        private const string Password = "Session-Lab-Pw1";

        static DovecotSessionTests()
        {
            // Japanese charsets (ISO-2022-JP, Shift_JIS): the module registers this on import.
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        }

        private static DovecotLab Lab => DovecotLab.Shared;

        private static Pop3ConnectionOptions TlsOptions(bool pipelining = true) =>
            new Pop3ConnectionOptions(Lab.Host)
            {
                Port = Lab.TlsPort,
                Security = Pop3Security.Tls,
                CertificateThumbprint = Lab.CertificateSha256Thumbprint,
                UsePipelining = pipelining,
                Timeout = TimeSpan.FromSeconds(60),
            };

        private static Pop3Session Open(string user, Pop3ConnectionOptions? options = null) =>
            Pop3Session.Open(options ?? TlsOptions(), new NetworkCredential(user, Password), Pop3AuthenticationMethod.Auto, Timeouts.Token());

        private static (string User, IReadOnlyList<GeneratedMessage> Messages, IReadOnlyList<string> Files) NewMailbox(string prefix, IReadOnlyList<GeneratedMessage> messages)
        {
            var user = DovecotLab.UniqueUserName(prefix);
            var files = Lab.AddMailbox(user, Password, messages);
            return (user, messages, files);
        }

        private static IReadOnlyList<Pop3MessageInfo> ResolveAll(Pop3Session session, Pop3MessageSelection selection) =>
            session.Resolve(selection, e => throw new Exception("unexpected rejection: " + e.Message), Timeouts.Token());

        private static void Mark(Pop3Session session, IReadOnlyList<Pop3MessageInfo> messages) =>
            session.MarkForDeletion(messages, _ => { }, (m, e) => throw new Exception($"DELE {m.Number} refused: {e.Message}"), Timeouts.Token());

        // Dovecot may rewrite a maildir file's flag suffix; the part before ':' names the message.
        private static string BaseName(string file) => file.Split(':')[0];

        private static string[] BaseNames(IEnumerable<string> files) => files.Select(BaseName).OrderBy(f => f, StringComparer.Ordinal).ToArray();

        private static string Expected(GeneratedMessage message) =>
            message.FromDisplay.Length == 0 ? message.FromAddress : $"{message.FromDisplay} <{message.FromAddress}>";

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void Listing_2000_messages_with_headers_returns_what_the_generator_wrote(bool pipelining)
        {
            var generator = new MailGenerator(pipelining ? 2000 : 2001);
            var messages = generator.Bulk(2000 - MailGenerator.DefaultMailboxSize).Concat(generator.DefaultMailbox()).ToList();
            Assert.Contains(messages, m => m.Subject.Any(c => c >= '\u3040' && c <= '\u9fff'));
            var (user, _, _) = NewMailbox("list", messages);
            using var session = Open(user, TlsOptions(pipelining));
            var infos = ResolveAll(session, Pop3MessageSelection.All);
            var arrived = new List<Pop3MessageInfo>();
            var errors = new List<string>();
            var lastProgress = (Done: 0, Total: 0);

            session.LoadHeaders(infos, arrived.Add, (m, e) => errors.Add($"{m.Number}: {e.Message}"), (d, t) => lastProgress = (d, t), Timeouts.Token(300));

            Assert.Empty(errors);
            Assert.Equal(2000, infos.Count);
            Assert.Equal(infos.Select(i => i.Number), arrived.Select(a => a.Number));
            Assert.All(infos, info => Assert.Null(info.Headers));
            Assert.Equal((2000, 2000), lastProgress);
            for (var i = 0; i < messages.Count; i++)
            {
                var info = arrived[i];
                Assert.Equal(i + 1, info.Number);
                Assert.Equal(messages[i].Bytes.Length, info.Size);
                Assert.Equal(messages[i].Subject, info.Subject);
                Assert.Equal(Expected(messages[i]), info.From);
                Assert.Equal(messages[i].Date, info.Date);
                Assert.Equal(messages[i].MessageId.Trim('<', '>'), info.MessageId);
            }
            Assert.Equal(2000, infos.Select(i => i.Uid).Distinct().Count());
        }

        [Fact]
        public void Removing_a_selection_by_uid_deletes_exactly_those_files_at_disconnect()
        {
            var (user, messages, files) = NewMailbox("remove", new MailGenerator(7).Bulk(20));
            var session = Open(user);
            var all = ResolveAll(session, Pop3MessageSelection.All);
            var chosen = new[] { 3, 7, 8, 15 };
            var selection = Pop3MessageSelection.ByUid(chosen.Select(n => all[n - 1].Uid));

            Mark(session, ResolveAll(session, selection));
            var pendingBefore = session.PendingDeletions;
            var countBefore = session.MessageCount;
            var deleted = session.Disconnect(Timeouts.Token());

            Assert.Equal(4, pendingBefore);
            Assert.Equal(16, countBefore);
            Assert.Equal(4, deleted);
            Assert.Equal(4, session.DeletedCount);
            var kept = files.Where((_, i) => !chosen.Contains(i + 1));
            Assert.Equal(BaseNames(kept), BaseNames(Lab.MaildirFiles(user)));
            using var after = Open(user);
            Assert.Equal(16, after.MessageCount);
            var remaining = ResolveAll(after, Pop3MessageSelection.All).Select(i => i.Uid);
            Assert.Equal(all.Where(i => !chosen.Contains(i.Number)).Select(i => i.Uid), remaining);
            Assert.Equal(messages.Count, files.Count);
        }

        [Fact]
        public void Discard_deletes_nothing()
        {
            var (user, _, files) = NewMailbox("discard", new MailGenerator(11).Bulk(10));
            var session = Open(user);
            Mark(session, ResolveAll(session, Pop3MessageSelection.All));

            session.Discard(Timeouts.Token());

            Assert.Equal(0, session.DeletedCount);
            Assert.False(session.IsConnected);
            Assert.Equal(BaseNames(files), BaseNames(Lab.MaildirFiles(user)));
            using var after = Open(user);
            Assert.Equal(10, after.MessageCount);
        }

        [Fact]
        public void Dispose_deletes_nothing()
        {
            var (user, _, files) = NewMailbox("dispose", new MailGenerator(12).Bulk(10));
            var session = Open(user);
            Mark(session, ResolveAll(session, Pop3MessageSelection.All));

            session.Abort();

            using var after = Open(user);
            Assert.Equal(10, after.MessageCount);
            Assert.Equal(BaseNames(files), BaseNames(Lab.MaildirFiles(user)));
        }

        [Fact]
        public void A_link_cut_with_deletions_pending_deletes_nothing_and_Disconnect_says_so()
        {
            var (user, _, files) = NewMailbox("cut", new MailGenerator(13).Bulk(10));
            using var link = new CuttableLink(Lab.Host, Lab.TlsPort);
            var options = TlsOptions();
            options.Port = link.Port;
            var session = Open(user, options);
            Mark(session, ResolveAll(session, Pop3MessageSelection.ByNumber(new[] { 1, 2, 3 })));

            link.Cut();
            var error = Assert.Throws<Pop3Exception>(() => session.Disconnect(Timeouts.Token()));

            Assert.Equal(Pop3ErrorKind.DeletionsNotCommitted, error.Kind);
            Assert.Contains("3 marked messages", error.Message);
            Assert.False(session.IsConnected);
            using var after = Open(user);
            Assert.Equal(10, after.MessageCount);
            Assert.Equal(BaseNames(files), BaseNames(Lab.MaildirFiles(user)));
        }

        [Fact]
        public void CloseAll_drops_without_committing()
        {
            var (user, _, files) = NewMailbox("closeall", new MailGenerator(14).Bulk(5));
            var registry = new SessionRegistry();
            var session = Open(user);
            registry.SetDefault(new object(), session);
            Mark(session, ResolveAll(session, Pop3MessageSelection.All));

            registry.CloseAll();

            Assert.False(session.IsConnected);
            using var after = Open(user);
            Assert.Equal(5, after.MessageCount);
            Assert.Equal(BaseNames(files), BaseNames(Lab.MaildirFiles(user)));
        }
    }
}
