using System.Diagnostics;
using System.Net;
using System.Text;
using Pop3Tools.Engine.Mailbox;
using Pop3Tools.Engine.Protocol;
using Pop3Tools.Engine.Tests.Dovecot;

namespace Pop3Tools.Engine.Tests.Mailbox
{
    /// <summary>
    /// Ctrl+C during a read-only listing: the call ends at once, the session stays with its
    /// marked deletions, and the replies still on the way are read before the next command.
    /// </summary>
    public class StoppedListingTests
    {
        private const string Password = "Stopped-Lab-Pw1";

        static StoppedListingTests()
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        }

        private static DovecotLab Lab => DovecotLab.Shared;

        private static Pop3Session Open(string user, int port) =>
            Pop3Session.Open(
                new Pop3ConnectionOptions(Lab.Host)
                {
                    Port = port,
                    Security = Pop3Security.Tls,
                    CertificateThumbprint = Lab.CertificateSha256Thumbprint,
                    Timeout = TimeSpan.FromSeconds(30),
                },
                new NetworkCredential(user, Password), Pop3AuthenticationMethod.Auto, Timeouts.Token());

        private static IReadOnlyList<Pop3MessageInfo> Resolve(Pop3Session session, Pop3MessageSelection selection) =>
            session.Resolve(selection, e => throw new Exception(e.Message), Timeouts.Token());

        [Fact]
        public void A_stop_mid_listing_keeps_the_session_its_deletions_and_the_dialogue_in_step()
        {
            var user = DovecotLab.UniqueUserName("stopped");
            var messages = new MailGenerator(31).Bulk(300);
            Lab.AddMailbox(user, Password, messages);
            var session = Open(user, Lab.TlsPort);
            session.MarkForDeletion(Resolve(session, Pop3MessageSelection.ByNumber(new[] { 1 })), _ => { }, (m, e) => throw e, Timeouts.Token());
            var rest = Resolve(session, Pop3MessageSelection.All);
            using var stop = new CancellationTokenSource();
            var seen = 0;
            var stopped = Stopwatch.StartNew();

            Assert.ThrowsAny<OperationCanceledException>(() => session.LoadHeaders(rest, _ =>
            {
                if (++seen == 3)
                {
                    stop.Cancel();
                    stopped.Restart();
                }
            }, (m, e) => throw e, null, stop.Token));

            // Ends at the next read, not after the pipelined window (generous bound).
            Assert.True(stopped.Elapsed < TimeSpan.FromSeconds(10), "took " + stopped.Elapsed);
            Assert.True(session.IsConnected);
            Assert.Equal(1, session.PendingDeletions);
            // The next exchange meets its own replies: later headers are the right ones.
            var later = Resolve(session, Pop3MessageSelection.ByNumber(new[] { 250, 251 }));
            var listed = new List<Pop3MessageInfo>();
            session.LoadHeaders(later, listed.Add, (m, e) => throw e, null, Timeouts.Token());
            Assert.Equal(messages[249].Subject, listed[0].Subject);
            Assert.Equal(messages[250].Subject, listed[1].Subject);
            Assert.Equal(1, session.Disconnect(Timeouts.Token()));
            using var after = Open(user, Lab.TlsPort);
            Assert.Equal(299, after.MessageCount);
        }

        [Fact]
        public void A_stop_while_the_server_is_silent_returns_at_once_and_a_failed_drain_says_why()
        {
            var user = DovecotLab.UniqueUserName("stalled");
            var messages = new MailGenerator(32).Bulk(20);
            Lab.AddMailbox(user, Password, messages);
            using var link = new CuttableLink(Lab.Host, Lab.TlsPort);
            var session = Open(user, link.Port);
            session.MarkForDeletion(Resolve(session, Pop3MessageSelection.ByNumber(new[] { 2 })), _ => { }, (m, e) => throw e, Timeouts.Token());
            var all = Resolve(session, Pop3MessageSelection.All);
            using var stop = new CancellationTokenSource();
            link.Stall();

            var listing = Task.Run(() => session.LoadHeaders(all, _ => { }, (m, e) => throw e, null, stop.Token));
            Thread.Sleep(500);
            var stopped = Stopwatch.StartNew();
            stop.Cancel();

            Assert.ThrowsAny<OperationCanceledException>(() => listing.GetAwaiter().GetResult());
            // Nothing arrived, and the call still ended (bound far below the 30 s read timeout).
            Assert.True(stopped.Elapsed < TimeSpan.FromSeconds(10), "took " + stopped.Elapsed);
            Assert.True(session.IsConnected);

            // The link dies before the owed replies arrive: the next command says so.
            link.Cut();
            var error = Assert.Throws<Pop3Exception>(() => session.Disconnect(Timeouts.Token()));
            Assert.Equal(Pop3ErrorKind.DeletionsNotCommitted, error.Kind);
            Assert.Contains("stopped command", error.InnerException!.Message);
        }
    }
}
