using System.Text;
using Pop3Tools.Engine.Mailbox.Export;

namespace Pop3Tools.Engine.Tests.Mailbox.Export
{
    public sealed class ExportJournalTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("p3t-journal-").FullName;

        private string JournalPath => Path.Combine(_folder, ExportJournal.FileName);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public void Entries_survive_a_reopen_and_the_latest_line_of_a_uid_wins()
        {
            using (var journal = ExportJournal.Open(_folder))
            {
                journal.Append(new[] { Entry("a@x", "u\t1", "u%091.eml", 10), Entry("b@y", "u\t1", "u%091~2.eml", 11) });
                journal.Append(new[] { Entry("a@x", "u\t1", "u%091.eml", 12) });
            }

            using var reopened = ExportJournal.Open(_folder);
            Assert.Equal(12, reopened.Find("a@x", "u\t1")!.Size);
            Assert.Equal("u%091~2.eml", reopened.Find("b@y", "u\t1")!.FileName);
            Assert.Null(reopened.Find("a@x", "other"));
            Assert.True(reopened.IsClaimedByAnother("U%091.EML", "b@y", "u\t1"));
            Assert.False(reopened.IsClaimedByAnother("u%091.eml", "a@x", "u\t1"));
        }

        [Fact]
        public void A_line_cut_by_a_crash_is_ignored_and_never_merges_with_the_next()
        {
            using (var journal = ExportJournal.Open(_folder))
            {
                journal.Append(new[] { Entry("a@x", "one", "one.eml", 1) });
            }
            File.AppendAllText(JournalPath, "1\ta%40x\ttwo\ttwo.eml\t2");

            using (var journal = ExportJournal.Open(_folder))
            {
                Assert.Null(journal.Find("a@x", "two"));
                journal.Append(new[] { Entry("a@x", "three", "three.eml", 3) });
            }

            using var reopened = ExportJournal.Open(_folder);
            Assert.NotNull(reopened.Find("a@x", "one"));
            Assert.Null(reopened.Find("a@x", "two"));
            Assert.Equal("three.eml", reopened.Find("a@x", "three")!.FileName);
        }

        [Fact]
        public void A_line_naming_a_file_outside_the_folder_is_ignored()
        {
            File.WriteAllText(JournalPath, "1\ta%40x\tevil\t..%2F..%2Fetc%2Fpasswd\t5\tAA\n1\ta%40x\tdots\t..\t5\tAA\n", new UTF8Encoding(false));

            using var journal = ExportJournal.Open(_folder);

            Assert.Null(journal.Find("a@x", "evil"));
            Assert.Null(journal.Find("a@x", "dots"));
        }

        [Fact]
        public void A_second_export_into_the_same_folder_is_refused_while_the_first_holds_it()
        {
            using var first = ExportJournal.Open(_folder);

            Assert.ThrowsAny<IOException>(() => ExportJournal.Open(_folder));
        }

        private static JournalEntry Entry(string mailbox, string uid, string file, long size) => new(mailbox, uid, file, size, new string('A', 64));
    }
}
