using System.Security.Cryptography;
using Pop3Tools.Engine.Mailbox.Export;
using Pop3Tools.Engine.Tests.Dovecot;
using static Pop3Tools.Engine.Tests.Mailbox.Export.ExportHarness;

namespace Pop3Tools.Engine.Tests.Mailbox.Export
{
    /// <summary>Export against the real Dovecot lab: every byte as the server holds it, incremental, and deletion only after a durable save.</summary>
    public sealed class DovecotExportTests
    {
        private static readonly TimeSpan LogBound = TimeSpan.FromSeconds(30);

        [Fact]
        public void Exporting_2000_messages_writes_each_byte_identical_and_a_rerun_sends_no_retr()
        {
            var messages = DovecotLab.BulkMessages;
            var user = DovecotLab.UniqueUserName("export");
            Lab.AddMailbox(user, Password, messages);
            var folder = NewFolder("export2000");
            try
            {
                ExportResult first;
                using (var session = Open(user))
                {
                    first = ExportAll(session, new ExportOptions(folder));
                    session.Disconnect(Timeouts.Token());
                }

                Assert.Empty(first.Errors);
                Assert.Equal(messages.Count, first.Saved.Count);
                var files = Files(folder);
                Assert.Equal(messages.Count, files.Count);
                foreach (var saved in first.Saved)
                {
                    var expected = messages[saved.Number - 1];
                    ByteAssert.Equal(expected.Bytes, File.ReadAllBytes(saved.Path), $"file of message {saved.Number}");
                    Assert.Equal(folder, Path.GetDirectoryName(saved.Path));
                    Assert.Equal(Convert.ToHexString(SHA256.HashData(expected.Bytes)), saved.Sha256);
                    Assert.Equal(expected.Bytes.Length, saved.Size);
                    Assert.Equal(expected.Subject, saved.Subject);
                    Assert.Equal(expected.Date, saved.Date);
                    Assert.False(saved.Deleted);
                }

                ExportResult second;
                using (var session = Open(user))
                {
                    second = ExportAll(session, new ExportOptions(folder));
                    session.Disconnect(Timeouts.Token());
                }

                Assert.Empty(second.Errors);
                Assert.Empty(second.Saved);
                Assert.Equal(messages.Count, Files(folder).Count);
                var logouts = WaitForLogouts(user, 2);
                Assert.Contains($"retr={messages.Count}/", logouts[0]);
                Assert.Contains("retr=0/0", logouts[1]);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public void Two_mailboxes_exported_into_one_folder_keep_apart_and_rerun_nothing()
        {
            var messages = new MailGenerator(110).Bulk(5);
            var users = new[] { DovecotLab.UniqueUserName("twin"), DovecotLab.UniqueUserName("twin") };
            Lab.AddMailboxes(users, Password, messages);
            var folder = NewFolder("twins");
            try
            {
                var uids = new List<string>();
                foreach (var user in users)
                {
                    using var session = Open(user);
                    var result = ExportAll(session, new ExportOptions(folder));
                    Assert.Empty(result.Errors);
                    Assert.Equal(messages.Count, result.Saved.Count);
                    uids.AddRange(result.Saved.Select(s => s.Uid));
                    session.Disconnect(Timeouts.Token());
                }

                var files = Files(folder);
                Assert.Equal(2 * messages.Count, files.Count);
                Assert.Equal(2, files.Values.Count(bytes => bytes.SequenceEqual(messages[0].Bytes)));
                foreach (var user in users)
                {
                    using var session = Open(user);
                    Assert.Empty(ExportAll(session, new ExportOptions(folder)).Saved);
                    session.Disconnect(Timeouts.Token());
                }
                Assert.Equal(2 * messages.Count, Files(folder).Count);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public void Delete_marks_each_message_after_its_save_and_quit_removes_them()
        {
            var messages = new MailGenerator(120).Bulk(7);
            var user = DovecotLab.UniqueUserName("move");
            Lab.AddMailbox(user, Password, messages);
            var folder = NewFolder("move");
            try
            {
                using var session = Open(user);
                var result = ExportAll(session, new ExportOptions(folder) { Delete = true, GroupSize = 3 });

                Assert.Empty(result.Errors);
                Assert.All(result.Saved, saved => Assert.True(saved.Deleted));
                Assert.Equal(messages.Count, session.PendingDeletions);
                Assert.Equal(messages.Count, Lab.MaildirMessageCount(user));
                Assert.Equal(messages.Count, session.Disconnect(Timeouts.Token()));
                Assert.Equal(0, Lab.MaildirMessageCount(user));
                Assert.Equal(messages.Select(m => m.Bytes), Files(folder).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Value));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public void A_rerun_with_delete_marks_what_an_earlier_export_saved_without_downloading_it()
        {
            var messages = new MailGenerator(130).Bulk(4);
            var user = DovecotLab.UniqueUserName("later");
            Lab.AddMailbox(user, Password, messages);
            var folder = NewFolder("later");
            try
            {
                using (var session = Open(user))
                {
                    Assert.Equal(messages.Count, ExportAll(session, new ExportOptions(folder)).Saved.Count);
                    session.Disconnect(Timeouts.Token());
                }

                using (var session = Open(user))
                {
                    var rerun = ExportAll(session, new ExportOptions(folder) { Delete = true });
                    Assert.Empty(rerun.Saved);
                    Assert.Empty(rerun.Errors);
                    Assert.Equal(messages.Count, session.Disconnect(Timeouts.Token()));
                }

                Assert.Equal(0, Lab.MaildirMessageCount(user));
                Assert.Contains("retr=0/0", WaitForLogouts(user, 2)[1]);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public void Stopping_inside_a_large_message_leaves_no_file_for_it_and_keeps_what_arrived_whole()
        {
            var all = new MailGenerator(1939).DefaultMailbox();
            var large = all.Single(m => m.Kind == "large");
            var messages = new[] { all[0], large };
            var user = DovecotLab.UniqueUserName("stop");
            Lab.AddMailbox(user, Password, messages);
            var folder = NewFolder("stop");
            try
            {
                using (var session = Open(user))
                {
                    using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
                    Assert.ThrowsAny<OperationCanceledException>(() => ExportAll(session, new ExportOptions(folder), stop.Token, progress =>
                    {
                        if (progress.BytesDone > messages[0].Bytes.Length + 1024 * 1024) stop.Cancel();
                    }));
                }

                var files = Files(folder);
                ByteAssert.Equal(messages[0].Bytes, Assert.Single(files).Value, "the message that arrived whole before the stop");
                Assert.Empty(Temporaries(folder));

                using (var session = Open(user))
                {
                    var rerun = ExportAll(session, new ExportOptions(folder));
                    Assert.Equal(2, Assert.Single(rerun.Saved).Number);
                    ByteAssert.Equal(large.Bytes, File.ReadAllBytes(rerun.Saved[0].Path), "the large message, saved on the re-run");
                    session.Disconnect(Timeouts.Token());
                }
                Assert.Equal(2, Files(folder).Count);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public void Force_downloads_again_into_the_same_file()
        {
            var messages = new MailGenerator(140).Bulk(2);
            var user = DovecotLab.UniqueUserName("force");
            Lab.AddMailbox(user, Password, messages);
            var folder = NewFolder("force");
            try
            {
                using var session = Open(user);
                var first = ExportAll(session, new ExportOptions(folder));
                File.WriteAllText(first.Saved[0].Path, "damaged");
                var again = ExportAll(session, new ExportOptions(folder) { Force = true });

                Assert.Equal(first.Saved.Select(s => s.Path), again.Saved.Select(s => s.Path));
                ByteAssert.Equal(messages[0].Bytes, File.ReadAllBytes(first.Saved[0].Path), "the re-saved file");
                Assert.Equal(2, Files(folder).Count);
                session.Disconnect(Timeouts.Token());
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        /// <summary>Dovecot's logout lines for the user ("Disconnected: Logged out top=0/0, retr=R/B, ..."), oldest first.</summary>
        private static List<string> WaitForLogouts(string user, int count)
        {
            var deadline = DateTime.UtcNow + LogBound;
            var marker = $"pop3({user})";
            while (true)
            {
                var lines = Lab.ReadLog().Split('\n')
                    .Where(line => line.Contains(marker, StringComparison.Ordinal) && line.Contains("retr=", StringComparison.Ordinal))
                    .ToList();
                if (lines.Count >= count) return lines;
                if (DateTime.UtcNow > deadline) Assert.Fail($"Dovecot logged {lines.Count} of {count} logouts of {user} within {LogBound.TotalSeconds} s.");
                Thread.Sleep(50);
            }
        }
    }
}
