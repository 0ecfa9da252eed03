using System.Text;
using Pop3Tools.Engine.Mailbox.Export;
using static Pop3Tools.Engine.Tests.Mailbox.Export.ExportHarness;

namespace Pop3Tools.Engine.Tests.Mailbox.Export
{
    /// <summary>Export against the scripted mailbox, for what Dovecot never does: hostile UIDs, a LIST size that lies, files left by a crash.</summary>
    public sealed class ScriptedExportTests : IDisposable
    {
        private readonly string _folder = NewFolder("scripted");

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public void Hostile_uids_are_saved_under_unique_names_inside_the_folder()
        {
            var uids = new[] { "../escape", "..", "CON", "con", "a/b", "A%2Fb", "UPPER", "upper", "x" + new string('y', 300) };
            using var mailbox = new FakeMailbox(uids.Select((uid, i) => FakeMailbox.Message(uid, "Hostile " + i)).ToArray());
            using var session = mailbox.Open();

            var result = ExportAll(session, new ExportOptions(_folder));

            Assert.Empty(result.Errors);
            Assert.Equal(uids.Length, result.Saved.Count);
            Assert.All(result.Saved, saved => Assert.Equal(_folder, Path.GetDirectoryName(saved.Path)));
            Assert.Equal(uids.Length, result.Saved.Select(s => s.Path.ToUpperInvariant()).Distinct().Count());
            Assert.Equal(uids.Length, Files(_folder).Count);
            Assert.Equal(new[] { _folder }, Directory.GetDirectories(Path.GetDirectoryName(_folder)!, Path.GetFileName(_folder)));
            for (var i = 0; i < uids.Length; i++)
            {
                Assert.Equal("Hostile " + i, result.Saved[i].Subject);
                Assert.Equal("Sender <sender@example.org>", result.Saved[i].From);
            }
            session.Disconnect(Timeouts.Token());
        }

        [Fact]
        public void A_size_that_differs_from_list_is_a_per_message_error_and_that_message_is_neither_saved_nor_marked()
        {
            using var mailbox = new FakeMailbox(FakeMailbox.Message("one", "One"), FakeMailbox.Message("two", "Two"), FakeMailbox.Message("three", "Three"))
            {
                WrongListSizes = new HashSet<int> { 2 },
            };
            using var session = mailbox.Open();

            var result = ExportAll(session, new ExportOptions(_folder) { Delete = true });

            var error = Assert.Single(result.Errors);
            Assert.Equal(Pop3ErrorKind.SizeMismatch, error.Kind);
            Assert.Equal("two", error.Target);
            Assert.Equal(new[] { "one", "three" }, result.Saved.Select(s => s.Uid));
            Assert.Equal(new[] { "one.eml", "three.eml" }, Files(_folder).Keys.Order());
            Assert.Empty(Temporaries(_folder));
            Assert.Equal(2, session.Disconnect(Timeouts.Token()));
            Assert.Equal(new[] { 1, 3 }, mailbox.Committed.Order());
        }

        [Fact]
        public void A_size_listed_with_lf_line_ends_is_accepted_and_the_crlf_bytes_are_saved()
        {
            var messages = new[] { FakeMailbox.Message("one", "One"), FakeMailbox.Message("two", "Two") };
            using var mailbox = new FakeMailbox(messages) { LfListSizes = new HashSet<int> { 2 } };
            using var session = mailbox.Open();

            var result = ExportAll(session, new ExportOptions(_folder) { Delete = true });

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "one", "two" }, result.Saved.Select(s => s.Uid));
            Assert.Equal(messages[1].Text, File.ReadAllText(Path.Combine(_folder, "two.eml")));
            Assert.Equal(2, session.Disconnect(Timeouts.Token()));
        }

        [Fact]
        public void A_file_renamed_but_not_journaled_before_a_crash_is_adopted_not_saved_twice()
        {
            var message = FakeMailbox.Message("uid-1", "Crash");
            using var mailbox = new FakeMailbox(message, FakeMailbox.Message("uid-2", "Other"));
            File.WriteAllText(Path.Combine(_folder, "uid-1.eml"), message.Text, new UTF8Encoding(false));
            File.WriteAllText(Path.Combine(_folder, "uid-2.eml"), "a file that is not this message");
            File.WriteAllText(Path.Combine(_folder, ReceivedFile.TemporaryPrefix + "0123.tmp"), "half a message");
            using var session = mailbox.Open();

            var result = ExportAll(session, new ExportOptions(_folder));

            Assert.Empty(result.Errors);
            Assert.Equal(Path.Combine(_folder, "uid-1.eml"), result.Saved[0].Path);
            Assert.Equal(Path.Combine(_folder, "uid-2~2.eml"), result.Saved[1].Path);
            Assert.Equal("a file that is not this message", File.ReadAllText(Path.Combine(_folder, "uid-2.eml")));
            Assert.Equal(new[] { "uid-1.eml", "uid-2.eml", "uid-2~2.eml" }, Files(_folder).Keys.Order());
            Assert.Empty(Temporaries(_folder));
            session.Disconnect(Timeouts.Token());
        }

        [Fact]
        public void A_journaled_message_whose_file_was_removed_is_downloaded_again()
        {
            using var mailbox = new FakeMailbox(FakeMailbox.Message("kept", "Kept"), FakeMailbox.Message("lost", "Lost"));
            using (var session = mailbox.Open())
            {
                Assert.Equal(2, ExportAll(session, new ExportOptions(_folder)).Saved.Count);
                session.Disconnect(Timeouts.Token());
            }
            File.Delete(Path.Combine(_folder, "lost.eml"));

            using (var session = mailbox.Open())
            {
                var rerun = ExportAll(session, new ExportOptions(_folder));
                Assert.Equal("lost", Assert.Single(rerun.Saved).Uid);
                Assert.Equal(Path.Combine(_folder, "lost.eml"), rerun.Saved[0].Path);
                session.Disconnect(Timeouts.Token());
            }
            Assert.Equal(2, mailbox.Commands.Count(c => c == "RETR 2"));
            Assert.Equal(1, mailbox.Commands.Count(c => c == "RETR 1"));
        }

        [Fact]
        public void A_server_without_uidl_gets_an_error_per_message_and_nothing_is_saved()
        {
            using var mailbox = new FakeMailbox(FakeMailbox.Message("a", "A")) { OffersUidl = false };
            using var session = mailbox.Open();

            var result = ExportAll(session, new ExportOptions(_folder));

            Assert.Equal(Pop3ErrorKind.ProtocolError, Assert.Single(result.Errors).Kind);
            Assert.Empty(Files(_folder));
            Assert.DoesNotContain(mailbox.Commands, c => c.StartsWith("RETR", StringComparison.Ordinal));
            session.Disconnect(Timeouts.Token());
        }
    }
}
