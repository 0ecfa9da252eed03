using Pop3Tools.Engine.Mailbox;

namespace Pop3Tools.Engine.Tests.Mailbox
{
    public class SessionRegistryTests
    {
        private static readonly (string Uid, string Text)[] Two =
        {
            FakeMailbox.Message("uid-a", "First"),
            FakeMailbox.Message("uid-b", "Second"),
        };

        [Fact]
        public void Each_scope_keeps_its_own_default()
        {
            using var mailbox = new FakeMailbox(Two);
            using var first = mailbox.Open();
            using var second = mailbox.Open();
            var registry = new SessionRegistry();
            object scopeA = new(), scopeB = new();

            registry.SetDefault(scopeA, first);
            registry.SetDefault(scopeB, second);

            Assert.Same(first, registry.GetDefault(scopeA));
            Assert.Same(second, registry.GetDefault(scopeB));
            Assert.Null(registry.GetDefault(new object()));
            Assert.Equal(2, registry.OpenSessions.Count);
        }

        [Fact]
        public void Each_scope_lists_the_open_sessions_it_opened_and_forgets_closed_ones()
        {
            using var mailbox = new FakeMailbox(Two);
            using var first = mailbox.Open();
            using var second = mailbox.Open();
            using var third = mailbox.Open();
            var registry = new SessionRegistry();
            object scopeA = new(), scopeB = new();

            registry.SetDefault(scopeA, first);
            registry.SetDefault(scopeA, second);
            registry.SetDefault(scopeB, third);
            // Made the default elsewhere, it still belongs to the scope that opened it.
            registry.SetDefault(scopeB, first);

            Assert.Equal(new[] { first, second }, registry.SessionsOf(scopeA));
            Assert.Equal(new[] { third }, registry.SessionsOf(scopeB));
            Assert.Empty(registry.SessionsOf(new object()));
            // IsDefault speaks for the scope that opened the session.
            Assert.False(first.IsDefault);
            Assert.True(second.IsDefault);
            Assert.False(third.IsDefault);

            second.Discard(CancellationToken.None);

            Assert.Equal(new[] { first }, registry.SessionsOf(scopeA));
            Assert.False(second.IsDefault);
        }

        [Fact]
        public void A_new_default_replaces_the_old_one_in_that_scope_only()
        {
            using var mailbox = new FakeMailbox(Two);
            using var first = mailbox.Open();
            using var second = mailbox.Open();
            var registry = new SessionRegistry();
            object scopeA = new(), scopeB = new();

            registry.SetDefault(scopeA, first);
            registry.SetDefault(scopeB, first);
            registry.SetDefault(scopeA, second);

            Assert.Same(second, registry.GetDefault(scopeA));
            Assert.Same(first, registry.GetDefault(scopeB));
        }

        [Fact]
        public void Forget_clears_the_session_from_every_scope_that_had_it_as_default()
        {
            using var mailbox = new FakeMailbox(Two);
            using var first = mailbox.Open();
            using var second = mailbox.Open();
            var registry = new SessionRegistry();
            object scopeA = new(), scopeB = new(), scopeC = new();
            registry.SetDefault(scopeA, first);
            registry.SetDefault(scopeB, first);
            registry.SetDefault(scopeC, second);

            registry.Forget(first);

            Assert.Null(registry.GetDefault(scopeA));
            Assert.Null(registry.GetDefault(scopeB));
            Assert.Same(second, registry.GetDefault(scopeC));
            Assert.Equal(new[] { second }, registry.OpenSessions);
        }

        [Fact]
        public void A_session_that_closes_forgets_itself()
        {
            using var mailbox = new FakeMailbox(Two);
            var session = mailbox.Open();
            var registry = new SessionRegistry();
            object scope = new();
            registry.SetDefault(scope, session);

            session.Disconnect(Timeouts.Token());

            Assert.Null(registry.GetDefault(scope));
            Assert.Empty(registry.OpenSessions);
        }

        [Fact]
        public void A_dropped_session_stays_the_default_so_its_lost_deletions_can_be_reported()
        {
            using var mailbox = new FakeMailbox(Two);
            using var session = mailbox.Open();
            var registry = new SessionRegistry();
            object scope = new();
            registry.SetDefault(scope, session);
            var infos = session.Resolve(Pop3MessageSelection.All, _ => { }, Timeouts.Token());
            session.MarkForDeletion(infos, _ => { }, (_, _) => { }, Timeouts.Token());
            mailbox.DropOn = "TOP";
            Assert.Throws<Pop3Exception>(() => session.LoadHeaders(infos, _ => { }, (_, _) => { }, null, Timeouts.Token()));

            var fromDefault = registry.GetDefault(scope);

            Assert.Same(session, fromDefault);
            Assert.False(fromDefault!.IsConnected);
            Assert.Equal(Pop3ErrorKind.DeletionsNotCommitted, Assert.Throws<Pop3Exception>(() => fromDefault.Disconnect(Timeouts.Token())).Kind);
            Assert.Null(registry.GetDefault(scope));
        }

        [Fact]
        public void A_closed_session_is_not_tracked_nor_made_a_default()
        {
            using var mailbox = new FakeMailbox(Two);
            var session = mailbox.Open();
            session.Abort();
            var registry = new SessionRegistry();
            object scope = new();

            registry.Track(session);
            registry.SetDefault(scope, session);

            Assert.Empty(registry.OpenSessions);
            Assert.Null(registry.GetDefault(scope));
        }

        [Fact]
        public void CloseAll_drops_every_session_without_QUIT_so_nothing_is_committed()
        {
            using var mailbox = new FakeMailbox(Two);
            var first = mailbox.Open();
            var second = mailbox.Open();
            var registry = new SessionRegistry();
            object scope = new();
            registry.SetDefault(scope, first);
            registry.Track(second);
            var infos = first.Resolve(Pop3MessageSelection.All, _ => { }, Timeouts.Token());
            first.MarkForDeletion(infos, _ => { }, (_, _) => { }, Timeouts.Token());

            registry.CloseAll();

            Assert.False(first.IsConnected);
            Assert.False(second.IsConnected);
            Assert.Empty(registry.OpenSessions);
            Assert.Null(registry.GetDefault(scope));
            Assert.DoesNotContain("QUIT", mailbox.Commands);
            Assert.Empty(mailbox.Committed);
        }
    

        [Fact]
        public void CloseScope_drops_that_scopes_sessions_without_QUIT_and_leaves_the_others_open()
        {
            using var mailbox = new FakeMailbox(Two);
            var mine = mailbox.Open();
            var mineToo = mailbox.Open();
            var theirs = mailbox.Open();
            var registry = new SessionRegistry();
            object closing = new(), other = new();
            registry.SetDefault(closing, mineToo);
            registry.SetDefault(closing, mine);
            registry.SetDefault(other, theirs);
            var infos = mine.Resolve(Pop3MessageSelection.All, _ => { }, Timeouts.Token());
            mine.MarkForDeletion(infos, _ => { }, (_, _) => { }, Timeouts.Token());

            registry.CloseScope(closing);

            Assert.False(mine.IsConnected);
            Assert.False(mineToo.IsConnected);
            Assert.Empty(registry.SessionsOf(closing));
            Assert.Null(registry.GetDefault(closing));
            Assert.True(theirs.IsConnected);
            Assert.Same(theirs, registry.GetDefault(other));
            Assert.Equal(new[] { theirs }, registry.OpenSessions);
            // Only the session left open ends with QUIT, and it had nothing marked.
            theirs.Discard(Timeouts.Token());
            mailbox.WaitUntilServed();
            Assert.Single(mailbox.Commands, command => command == "QUIT");
            Assert.Empty(mailbox.Committed);
        }

        [Fact]
        public async Task CloseAll_stops_an_operation_in_flight_on_another_thread()
        {
            using var mailbox = new FakeMailbox(Two) { HangOn = "TOP" };
            var session = mailbox.Open(timeout: TimeSpan.FromSeconds(60));
            var registry = new SessionRegistry();
            registry.Track(session);
            var infos = session.Resolve(Pop3MessageSelection.All, _ => { }, Timeouts.Token());
            var loading = Task.Run(() => session.LoadHeaders(infos, _ => { }, (_, _) => { }, null, Timeouts.Token(120)));
            for (var i = 0; i < 300 && !mailbox.Commands.Any(c => c.StartsWith("TOP", StringComparison.Ordinal)); i++) await Task.Delay(100);

            registry.CloseAll();
            var error = await Assert.ThrowsAsync<Pop3Exception>(() => loading.WaitAsync(TimeSpan.FromSeconds(30)));

            Assert.Equal(Pop3ErrorKind.SessionClosed, error.Kind);
            Assert.False(session.IsConnected);
            Assert.Empty(registry.OpenSessions);
        }
    }
}
