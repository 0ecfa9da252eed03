using Pop3Tools.Engine.Mailbox;
using Pop3Tools.Engine.Protocol;

namespace Pop3Tools.Engine.Tests.Mailbox
{
    public class MessageIndexTests
    {
        private static readonly Func<int, bool> NoneMarked = _ => false;

        private static MessageIndex Index(params (int Number, string? Uid, long Size)[] messages)
        {
            var list = messages.Select(m => new Pop3ListEntry(m.Number, m.Size)).ToList();
            var uids = messages.Where(m => m.Uid != null).Select(m => new Pop3UidEntry(m.Number, m.Uid!)).ToList();
            return new MessageIndex(list, uids);
        }

        private static (IReadOnlyList<IndexedMessage> Resolved, List<Pop3Exception> Rejected) Resolve(
            MessageIndex index, Pop3MessageSelection selection, Func<int, bool>? isMarked = null)
        {
            var rejected = new List<Pop3Exception>();
            var resolved = index.Resolve(selection, isMarked ?? NoneMarked, rejected.Add);
            return (resolved, rejected);
        }

        [Fact]
        public void All_lists_every_message_in_number_order_with_uid_and_size()
        {
            var index = Index((2, "b", 20), (1, "a", 10), (3, "c", 30));

            var (resolved, rejected) = Resolve(index, Pop3MessageSelection.All);

            Assert.Empty(rejected);
            Assert.Equal(new[] { 1, 2, 3 }, resolved.Select(m => m.Number));
            Assert.Equal(new[] { "a", "b", "c" }, resolved.Select(m => m.Uid));
            Assert.Equal(new long[] { 10, 20, 30 }, resolved.Select(m => m.Size));
        }

        [Fact]
        public void Uids_resolve_in_requested_order_and_unknown_ones_are_reported_not_found()
        {
            var index = Index((1, "a", 10), (2, "b", 20), (3, "c", 30));

            var (resolved, rejected) = Resolve(index, Pop3MessageSelection.ByUid(new[] { "c", "zz", "a", "c" }));

            Assert.Equal(new[] { 3, 1 }, resolved.Select(m => m.Number));
            var error = Assert.Single(rejected);
            Assert.Equal(Pop3ErrorKind.MessageNotFound, error.Kind);
            Assert.Contains("'zz'", error.Message);
        }

        [Fact]
        public void Uids_compare_case_sensitively()
        {
            var index = Index((1, "AbC", 10));

            var (resolved, rejected) = Resolve(index, Pop3MessageSelection.ByUid(new[] { "abc" }));

            Assert.Empty(resolved);
            Assert.Equal(Pop3ErrorKind.MessageNotFound, Assert.Single(rejected).Kind);
        }

        [Fact]
        public void Numbers_resolve_in_requested_order_and_unknown_ones_are_reported_not_found()
        {
            var index = Index((1, "a", 10), (2, "b", 20));

            var (resolved, rejected) = Resolve(index, Pop3MessageSelection.ByNumber(new[] { 2, 0, 7, 1, 2 }));

            Assert.Equal(new[] { 2, 1 }, resolved.Select(m => m.Number));
            Assert.Equal(2, rejected.Count);
            Assert.All(rejected, e => Assert.Equal(Pop3ErrorKind.MessageNotFound, e.Kind));
            Assert.Contains(rejected, e => e.Message.Contains("number 0 "));
            Assert.Contains(rejected, e => e.Message.Contains("number 7 "));
        }

        [Fact]
        public void Marked_messages_are_left_out_of_all_and_reported_when_named()
        {
            var index = Index((1, "a", 10), (2, "b", 20), (3, "c", 30));
            Func<int, bool> twoMarked = n => n == 2;

            var all = Resolve(index, Pop3MessageSelection.All, twoMarked);
            var byUid = Resolve(index, Pop3MessageSelection.ByUid(new[] { "b", "c" }), twoMarked);
            var byNumber = Resolve(index, Pop3MessageSelection.ByNumber(new[] { 2 }), twoMarked);

            Assert.Equal(new[] { 1, 3 }, all.Resolved.Select(m => m.Number));
            Assert.Empty(all.Rejected);
            Assert.Equal(new[] { 3 }, byUid.Resolved.Select(m => m.Number));
            Assert.Contains("marked for deletion", Assert.Single(byUid.Rejected).Message);
            Assert.Empty(byNumber.Resolved);
            Assert.Equal(Pop3ErrorKind.MessageNotFound, Assert.Single(byNumber.Rejected).Kind);
        }

        [Fact]
        public void A_shared_uid_is_reported_once_and_its_messages_left_out_of_all_and_uid_selections()
        {
            var index = Index((1, "a", 10), (2, "dup", 20), (3, "b", 30), (4, "dup", 40));

            var all = Resolve(index, Pop3MessageSelection.All);
            var byUid = Resolve(index, Pop3MessageSelection.ByUid(new[] { "dup", "b" }));

            Assert.Equal(new[] { 1, 3 }, all.Resolved.Select(m => m.Number));
            var error = Assert.Single(all.Rejected);
            Assert.Equal(Pop3ErrorKind.ProtocolError, error.Kind);
            Assert.Contains("'dup'", error.Message);
            Assert.Contains("2, 4", error.Message);
            Assert.Equal(new[] { 3 }, byUid.Resolved.Select(m => m.Number));
            Assert.Equal(Pop3ErrorKind.ProtocolError, Assert.Single(byUid.Rejected).Kind);
        }

        [Fact]
        public void A_message_with_a_shared_uid_is_still_reachable_by_the_number_the_user_names()
        {
            var index = Index((1, "dup", 10), (2, "dup", 20));

            var (resolved, rejected) = Resolve(index, Pop3MessageSelection.ByNumber(new[] { 2 }));

            Assert.Empty(rejected);
            var message = Assert.Single(resolved);
            Assert.Equal(2, message.Number);
            Assert.Equal("dup", message.Uid);
        }

        [Fact]
        public void A_listed_message_missing_from_uidl_is_reported_and_left_out_of_all()
        {
            var index = Index((1, "a", 10), (2, null, 20));

            var (resolved, rejected) = Resolve(index, Pop3MessageSelection.All);

            Assert.Equal(new[] { 1 }, resolved.Select(m => m.Number));
            var error = Assert.Single(rejected);
            Assert.Equal(Pop3ErrorKind.ProtocolError, error.Kind);
            Assert.Contains("message 2", error.Message);
        }

        [Fact]
        public void Uidl_entries_for_unlisted_numbers_are_ignored()
        {
            var index = new MessageIndex(
                new[] { new Pop3ListEntry(1, 10) },
                new[] { new Pop3UidEntry(1, "a"), new Pop3UidEntry(9, "ghost") });

            var (resolved, rejected) = Resolve(index, Pop3MessageSelection.ByUid(new[] { "ghost" }));

            Assert.Empty(resolved);
            Assert.Equal(Pop3ErrorKind.MessageNotFound, Assert.Single(rejected).Kind);
            Assert.Equal(1, index.Count);
        }

        [Fact]
        public void Without_uidl_numbers_and_all_work_with_empty_uids_but_a_uid_selection_is_refused()
        {
            var index = new MessageIndex(new[] { new Pop3ListEntry(1, 10), new Pop3ListEntry(2, 20) }, null);

            var all = Resolve(index, Pop3MessageSelection.All);
            var byNumber = Resolve(index, Pop3MessageSelection.ByNumber(new[] { 2 }));
            var refused = Assert.Throws<Pop3Exception>(() => Resolve(index, Pop3MessageSelection.ByUid(new[] { "a" })));

            Assert.False(index.HasUids);
            Assert.Equal(new[] { 1, 2 }, all.Resolved.Select(m => m.Number));
            Assert.All(all.Resolved, m => Assert.Equal(string.Empty, m.Uid));
            Assert.Empty(all.Rejected);
            Assert.Equal(2, Assert.Single(byNumber.Resolved).Number);
            Assert.Equal(Pop3ErrorKind.ProtocolError, refused.Kind);
            Assert.Contains("does not support UIDL", refused.Message);
        }
    }
}
