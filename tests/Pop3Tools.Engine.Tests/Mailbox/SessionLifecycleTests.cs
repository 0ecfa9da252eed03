using Pop3Tools.Engine.Mailbox;

namespace Pop3Tools.Engine.Tests.Mailbox
{
    /// <summary>The session against the scripted fake mailbox: index, deletion state, closing, faults.</summary>
    public class SessionLifecycleTests
    {
        private static readonly (string Uid, string Text)[] Three =
        {
            FakeMailbox.Message("uid-a", "First"),
            FakeMailbox.Message("uid-b", "Second"),
            FakeMailbox.Message("uid-c", "Third"),
        };

        private static IReadOnlyList<Pop3MessageInfo> ResolveAll(Pop3Session session, Pop3MessageSelection selection, List<Pop3Exception>? rejected = null) =>
            session.Resolve(selection, e => (rejected ?? throw new Exception("unexpected rejection: " + e.Message)).Add(e), Timeouts.Token());

        private static List<Pop3MessageInfo> Mark(Pop3Session session, IReadOnlyList<Pop3MessageInfo> messages)
        {
            var marked = new List<Pop3MessageInfo>();
            session.MarkForDeletion(messages, marked.Add, (m, e) => throw new Exception($"DELE {m.Number} refused: {e.Message}"), Timeouts.Token());
            return marked;
        }

        [Fact]
        public void Open_reports_the_mailbox_as_stat_and_capa_describe_it()
        {
            using var mailbox = new FakeMailbox(Three);
            using var session = mailbox.Open();

            Assert.True(session.IsConnected);
            Assert.Equal(3, session.MessageCount);
            Assert.Equal(Three.Sum(m => FakeMailbox.SizeOf(m.Text)), session.MailboxSize);
            Assert.Equal("alice", session.UserName);
            Assert.Equal(Pop3Security.None, session.Security);
            Assert.Contains("UIDL", session.Capabilities);
            Assert.Equal("FakeMailbox", session.Implementation);
            Assert.Equal(0, session.PendingDeletions);
        }

        [Fact]
        public void Unknown_uids_go_to_onNotFound_and_the_rest_resolve_in_the_requested_order()
        {
            using var mailbox = new FakeMailbox(Three);
            using var session = mailbox.Open();
            var rejected = new List<Pop3Exception>();

            var infos = ResolveAll(session, Pop3MessageSelection.ByUid(new[] { "uid-c", "nope", "uid-a" }), rejected);

            Assert.Equal(new[] { "uid-c", "uid-a" }, infos.Select(i => i.Uid));
            Assert.Equal(new[] { 3, 1 }, infos.Select(i => i.Number));
            Assert.Equal(FakeMailbox.SizeOf(Three[2].Text), infos[0].Size);
            Assert.All(infos, i => Assert.Same(session, i.Session));
            Assert.All(infos, i => Assert.Null(i.Subject));
            var error = Assert.Single(rejected);
            Assert.Equal(Pop3ErrorKind.MessageNotFound, error.Kind);
            Assert.Equal("Pop3.MessageNotFound", error.ErrorId);
            Assert.Equal("nope", error.Target);
        }

        [Fact]
        public void Marked_messages_leave_later_resolutions_and_the_counts()
        {
            using var mailbox = new FakeMailbox(Three);
            using var session = mailbox.Open();

            var marked = Mark(session, ResolveAll(session, Pop3MessageSelection.ByUid(new[] { "uid-b" })));
            var rejected = new List<Pop3Exception>();
            var again = ResolveAll(session, Pop3MessageSelection.ByUid(new[] { "uid-b", "uid-c" }), rejected);
            var all = ResolveAll(session, Pop3MessageSelection.All);

            Assert.Equal("uid-b", Assert.Single(marked).Uid);
            Assert.Equal(new[] { "uid-c" }, again.Select(i => i.Uid));
            Assert.Equal(Pop3ErrorKind.MessageNotFound, Assert.Single(rejected).Kind);
            Assert.Equal(new[] { "uid-a", "uid-c" }, all.Select(i => i.Uid));
            Assert.Equal(1, session.PendingDeletions);
            Assert.Equal(2, session.MessageCount);
            Assert.Equal(FakeMailbox.SizeOf(Three[0].Text) + FakeMailbox.SizeOf(Three[2].Text), session.MailboxSize);
        }

        [Fact]
        public void Marking_a_message_twice_sends_one_DELE()
        {
            using var mailbox = new FakeMailbox(Three);
            using var session = mailbox.Open();
            var infos = ResolveAll(session, Pop3MessageSelection.ByNumber(new[] { 2 }));

            var first = Mark(session, infos);
            var second = Mark(session, infos.Concat(infos).ToList());

            Assert.Single(first);
            Assert.Equal(2, second.Count);
            Assert.Equal(1, session.PendingDeletions);
            Assert.Single(mailbox.Commands, c => c.StartsWith("DELE", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Disconnect_commits_the_marked_messages_and_reports_how_many(bool pipelining)
        {
            using var mailbox = new FakeMailbox(Three) { OffersPipelining = pipelining };
            var session = mailbox.Open();
            Mark(session, ResolveAll(session, Pop3MessageSelection.ByUid(new[] { "uid-a", "uid-c" })));

            var deleted = session.Disconnect(Timeouts.Token());

            Assert.Equal(2, deleted);
            Assert.Equal(2, session.DeletedCount);
            Assert.Equal(0, session.PendingDeletions);
            Assert.False(session.IsConnected);
            Assert.Equal(new[] { 1, 3 }, mailbox.Committed.OrderBy(n => n));
        }

        [Fact]
        public void Discard_sends_RSET_and_commits_nothing()
        {
            using var mailbox = new FakeMailbox(Three);
            var session = mailbox.Open();
            Mark(session, ResolveAll(session, Pop3MessageSelection.All));

            session.Discard(Timeouts.Token());

            Assert.Empty(mailbox.Committed);
            Assert.Contains("RSET", mailbox.Commands);
            Assert.Contains("QUIT", mailbox.Commands);
            Assert.Equal(0, session.DeletedCount);
            Assert.Equal(0, session.PendingDeletions);
            Assert.False(session.IsConnected);
        }

        [Fact]
        public void A_drop_before_QUIT_is_answered_reports_the_deletions_as_not_committed()
        {
            using var mailbox = new FakeMailbox(Three) { DropOn = "QUIT" };
            var session = mailbox.Open();
            Mark(session, ResolveAll(session, Pop3MessageSelection.ByUid(new[] { "uid-a", "uid-b" })));

            var error = Assert.Throws<Pop3Exception>(() => session.Disconnect(Timeouts.Token()));

            Assert.Equal(Pop3ErrorKind.DeletionsNotCommitted, error.Kind);
            Assert.Contains("2 marked messages", error.Message);
            Assert.Empty(mailbox.Committed);
            Assert.False(session.IsConnected);
            Assert.Equal(0, session.DeletedCount);
            Assert.Equal(Pop3ErrorKind.SessionClosed, Assert.Throws<Pop3Exception>(() => ResolveAll(session, Pop3MessageSelection.All)).Kind);
        }

        [Fact]
        public void A_drop_before_QUIT_with_nothing_marked_just_closes()
        {
            using var mailbox = new FakeMailbox(Three) { DropOn = "QUIT" };
            var session = mailbox.Open();

            var deleted = session.Disconnect(Timeouts.Token());

            Assert.Equal(0, deleted);
            Assert.False(session.IsConnected);
        }

        [Fact]
        public void A_link_lost_mid_session_is_never_reconnected_and_its_deletions_are_reported_lost()
        {
            using var mailbox = new FakeMailbox(Three);
            var session = mailbox.Open();
            var infos = ResolveAll(session, Pop3MessageSelection.All);
            Mark(session, new[] { infos[0] });
            mailbox.DropOn = "TOP";

            var lost = Assert.Throws<Pop3Exception>(() => session.LoadHeaders(infos.Skip(1).ToList(), _ => { }, (_, _) => { }, null, Timeouts.Token()));
            var afterwards = Assert.Throws<Pop3Exception>(() => ResolveAll(session, Pop3MessageSelection.All));
            var disconnect = Assert.Throws<Pop3Exception>(() => session.Disconnect(Timeouts.Token()));
            var closed = Assert.Throws<Pop3Exception>(() => session.Disconnect(Timeouts.Token()));

            Assert.Contains("not committed", lost.Message);
            Assert.False(session.IsConnected);
            Assert.Equal(Pop3ErrorKind.SessionClosed, afterwards.Kind);
            Assert.Contains("not committed", afterwards.Message);
            Assert.Equal(Pop3ErrorKind.DeletionsNotCommitted, disconnect.Kind);
            Assert.Contains("1 marked message ", disconnect.Message);
            Assert.Equal(Pop3ErrorKind.SessionClosed, closed.Kind);
            Assert.Equal(1, mailbox.ConnectionCount);
            Assert.Empty(mailbox.Committed);
        }

        [Fact]
        public void Every_operation_on_a_closed_session_says_SessionClosed_and_points_to_Connect_Pop3()
        {
            using var mailbox = new FakeMailbox(Three);
            var session = mailbox.Open();
            var infos = ResolveAll(session, Pop3MessageSelection.All);
            session.Disconnect(Timeouts.Token());

            var errors = new[]
            {
                Assert.Throws<Pop3Exception>(() => ResolveAll(session, Pop3MessageSelection.All)),
                Assert.Throws<Pop3Exception>(() => session.LoadHeaders(infos, _ => { }, (_, _) => { }, null, Timeouts.Token())),
                Assert.Throws<Pop3Exception>(() => session.MarkForDeletion(infos, _ => { }, (_, _) => { }, Timeouts.Token())),
                Assert.Throws<Pop3Exception>(() => session.Disconnect(Timeouts.Token())),
                Assert.Throws<Pop3Exception>(() => session.Discard(Timeouts.Token())),
            };

            Assert.All(errors, e => Assert.Equal(Pop3ErrorKind.SessionClosed, e.Kind));
            Assert.All(errors, e => Assert.Contains("Connect-Pop3", e.Message));
            Assert.Equal(1, mailbox.ConnectionCount);
        }

        [Fact]
        public void Dispose_drops_without_QUIT_so_nothing_is_committed()
        {
            using var mailbox = new FakeMailbox(Three);
            var session = mailbox.Open();
            Mark(session, ResolveAll(session, Pop3MessageSelection.All));

            session.Abort();
            // The server thread may still be reading: let it see the drop before looking at what it got.
            mailbox.WaitUntilServed();

            Assert.False(session.IsConnected);
            Assert.Equal(Pop3ErrorKind.SessionClosed, Assert.Throws<Pop3Exception>(() => session.Disconnect(Timeouts.Token())).Kind);
            Assert.Contains("DELE 3", mailbox.Commands);
            Assert.DoesNotContain("QUIT", mailbox.Commands);
            Assert.Empty(mailbox.Committed);
        }

        [Theory]
        [InlineData(true)]  // CAPA omits UIDL: never asked
        [InlineData(false)] // no CAPA at all: UIDL is asked and refused
        public void Without_UIDL_numbers_work_and_a_UID_selection_says_why_it_cannot(bool offersCapa)
        {
            using var mailbox = new FakeMailbox(Three) { OffersUidl = false, OffersCapa = offersCapa };
            using var session = mailbox.Open();

            var byNumber = ResolveAll(session, Pop3MessageSelection.ByNumber(new[] { 2 }));
            var all = ResolveAll(session, Pop3MessageSelection.All);
            var error = Assert.Throws<Pop3Exception>(() => ResolveAll(session, Pop3MessageSelection.ByUid(new[] { "uid-a" })));

            Assert.Equal(2, Assert.Single(byNumber).Number);
            Assert.Equal(3, all.Count);
            Assert.All(all, i => Assert.Equal(string.Empty, i.Uid));
            Assert.Equal(Pop3ErrorKind.ProtocolError, error.Kind);
            Assert.Contains("does not support UIDL", error.Message);
            Assert.True(session.IsConnected);
        }

        [Fact]
        public void Messages_sharing_a_uid_are_reported_and_never_deleted_by_an_all_selection()
        {
            using var mailbox = new FakeMailbox(
                FakeMailbox.Message("same", "One"), FakeMailbox.Message("unique", "Two"), FakeMailbox.Message("same", "Three"));
            var session = mailbox.Open();
            var rejected = new List<Pop3Exception>();

            var all = ResolveAll(session, Pop3MessageSelection.All, rejected);
            Mark(session, all);
            var deleted = session.Disconnect(Timeouts.Token());

            Assert.Equal(new[] { "unique" }, all.Select(i => i.Uid));
            Assert.Equal(Pop3ErrorKind.ProtocolError, Assert.Single(rejected).Kind);
            Assert.Equal(1, deleted);
            Assert.Equal(new[] { 2 }, mailbox.Committed);
        }

        [Fact]
        public void Headers_from_TOP_arrive_as_new_messages_and_the_selection_keeps_none()
        {
            using var mailbox = new FakeMailbox(Three);
            using var session = mailbox.Open();
            var infos = ResolveAll(session, Pop3MessageSelection.All);
            var arrived = new List<Pop3MessageInfo>();
            var progress = new List<(int Done, int Total)>();

            session.LoadHeaders(infos, arrived.Add, (m, e) => throw new Exception(e.Message), (d, t) => progress.Add((d, t)), Timeouts.Token());

            Assert.Equal(infos.Select(i => (i.Number, i.Uid, i.Size)), arrived.Select(a => (a.Number, a.Uid, a.Size)));
            // The selection itself keeps no headers: a listing of any size holds only what is not yet written.
            Assert.All(infos, i => Assert.Null(i.Headers));
            Assert.Equal(new[] { "First", "Second", "Third" }, arrived.Select(i => i.Subject));
            Assert.All(arrived, i => Assert.Equal("Sender <sender@example.org>", i.From));
            Assert.All(arrived, i => Assert.Equal(new[] { "alice@example.org" }, i.To));
            Assert.All(arrived, i => Assert.Equal(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), i.Date));
            Assert.Equal(new[] { "uid-a@example.org", "uid-b@example.org", "uid-c@example.org" }, arrived.Select(i => i.MessageId));
            Assert.Equal("First", arrived[0].Headers!["subject"]);
            Assert.Equal(new[] { (1, 3), (2, 3), (3, 3) }, progress);
        }

        [Fact]
        public void A_server_whose_CAPA_lacks_TOP_is_told_once_without_sending_TOP()
        {
            using var mailbox = new FakeMailbox(Three) { OffersTop = false };
            using var session = mailbox.Open();
            var infos = ResolveAll(session, Pop3MessageSelection.All);

            var error = Assert.Throws<Pop3Exception>(() => session.LoadHeaders(infos, _ => { }, (_, _) => { }, null, Timeouts.Token()));

            Assert.Equal(Pop3ErrorKind.ProtocolError, error.Kind);
            Assert.Contains("TOP", error.Message);
            Assert.Contains("-NoHeaders", error.Hint);
            Assert.DoesNotContain(mailbox.Commands, c => c.StartsWith("TOP", StringComparison.Ordinal));
            Assert.True(session.IsConnected);
        }

        [Fact]
        public void A_callback_that_starts_another_exchange_on_the_session_is_refused_and_the_session_stays_usable()
        {
            using var mailbox = new FakeMailbox(Three);
            using var session = mailbox.Open();
            var infos = ResolveAll(session, Pop3MessageSelection.All);

            var busy = Assert.Throws<InvalidOperationException>(() => session.LoadHeaders(infos,
                _ => session.MarkForDeletion(infos, _ => { }, (_, _) => { }, Timeouts.Token()), (_, _) => { }, null, Timeouts.Token()));

            // What the user of Get-Pop3Message | ForEach-Object { Remove-Pop3Message } reads.
            Assert.Contains("busy", busy.Message);
            Assert.Contains("collect them first", busy.Message);
            Assert.DoesNotContain(mailbox.Commands, c => c.StartsWith("DELE", StringComparison.Ordinal));
            Assert.Equal(0, session.PendingDeletions);
            Assert.True(session.IsConnected);
            Assert.Equal(3, ResolveAll(session, Pop3MessageSelection.All).Count);
        }

        [Fact]
        public void A_callback_may_resolve_against_the_loaded_index_as_a_downstream_cmdlet_does()
        {
            // Get-Pop3Message | Remove-Pop3Message: Remove resolves each piped UID while
            // Get is still reading headers on the same session.
            using var mailbox = new FakeMailbox(Three);
            using var session = mailbox.Open();
            var infos = ResolveAll(session, Pop3MessageSelection.All);
            var resolvedInside = new List<string>();

            session.LoadHeaders(infos,
                info => resolvedInside.AddRange(ResolveAll(session, Pop3MessageSelection.ByUid(new[] { info.Uid })).Select(i => i.Uid)),
                (_, error) => throw error, null, Timeouts.Token());

            Assert.Equal(new[] { "uid-a", "uid-b", "uid-c" }, resolvedInside);
            Assert.True(session.IsConnected);
        }

        [Fact]
        public void Messages_of_another_session_are_refused_for_deletion()
        {
            using var mailbox = new FakeMailbox(Three);
            using var first = mailbox.Open();
            using var second = mailbox.Open();
            var infos = ResolveAll(first, Pop3MessageSelection.All);

            Assert.Throws<ArgumentException>(() => second.MarkForDeletion(infos, _ => { }, (_, _) => { }, Timeouts.Token()));
            Assert.Equal(0, second.PendingDeletions);
        }

        [Fact]
        public async Task Operations_from_several_threads_are_serialised_on_the_one_connection()
        {
            using var mailbox = new FakeMailbox(Three);
            using var session = mailbox.Open();

            var results = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            {
                var counts = new List<int>();
                for (var i = 0; i < 5; i++)
                {
                    var infos = ResolveAll(session, Pop3MessageSelection.All);
                    var listed = new List<Pop3MessageInfo>();
                    session.LoadHeaders(infos, listed.Add, (m, e) => throw new Exception(e.Message), null, Timeouts.Token());
                    counts.Add(listed.Count(m => m.Subject != null));
                }
                return counts;
            })).ToArray();
            var all = await Task.WhenAll(results).WaitAsync(TimeSpan.FromSeconds(60));

            Assert.All(all, counts => Assert.All(counts, count => Assert.Equal(3, count)));
            Assert.True(session.IsConnected);
        }

        [Fact]
        public void The_log_goes_to_whichever_target_is_set_now()
        {
            using var mailbox = new FakeMailbox(Three);
            using var session = mailbox.Open();
            var first = new RecordingProtocolLog();
            var second = new RecordingProtocolLog();

            session.Log = first;
            ResolveAll(session, Pop3MessageSelection.All);
            session.Log = second;
            session.LoadHeaders(ResolveAll(session, Pop3MessageSelection.All), _ => { }, (_, _) => { }, null, Timeouts.Token());

            Assert.Contains(first.Lines, l => l.StartsWith("C: LIST", StringComparison.Ordinal));
            Assert.DoesNotContain(first.Lines, l => l.StartsWith("C: TOP", StringComparison.Ordinal));
            Assert.Contains(second.Lines, l => l.StartsWith("C: TOP", StringComparison.Ordinal));
            Assert.DoesNotContain(second.Lines, l => l.StartsWith("C: LIST", StringComparison.Ordinal));
        }

        [Fact]
        public void A_link_lost_while_marking_counts_the_whole_batch_as_not_deleted()
        {
            using var mailbox = new FakeMailbox(Three) { DropOn = "DELE" };
            var session = mailbox.Open();
            var infos = ResolveAll(session, Pop3MessageSelection.All);

            var lost = Assert.Throws<Pop3Exception>(() => session.MarkForDeletion(infos, _ => { }, (_, _) => { }, Timeouts.Token()));
            var disconnect = Assert.Throws<Pop3Exception>(() => session.Disconnect(Timeouts.Token()));

            Assert.Contains("3 deletions", lost.Message);
            Assert.Equal(Pop3ErrorKind.DeletionsNotCommitted, disconnect.Kind);
            Assert.Contains("3 marked messages", disconnect.Message);
            Assert.Empty(mailbox.Committed);
        }
    }
}
