namespace Pop3Tools.Engine.Tests.Mailbox
{
    public class MessageSelectionTests
    {
        [Fact]
        public void Selections_copy_their_input_so_later_changes_do_not_leak_in()
        {
            var numbers = new List<int> { 1, 2 };
            var uids = new List<string> { "a" };

            var byNumber = Pop3MessageSelection.ByNumber(numbers);
            var byUid = Pop3MessageSelection.ByUid(uids);
            numbers.Add(3);
            uids.Clear();

            Assert.Equal(new[] { 1, 2 }, byNumber.Numbers);
            Assert.Equal(new[] { "a" }, byUid.Uids);
        }

        [Fact]
        public void Null_input_is_rejected()
        {
            Assert.Throws<ArgumentNullException>(() => Pop3MessageSelection.ByNumber(null!));
            Assert.Throws<ArgumentNullException>(() => Pop3MessageSelection.ByUid(null!));
            Assert.Throws<ArgumentException>(() => Pop3MessageSelection.ByUid(new[] { "a", null! }));
        }
    }
}
