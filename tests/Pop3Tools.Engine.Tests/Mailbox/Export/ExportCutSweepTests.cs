using Pop3Tools.Engine.Mailbox.Export;
using Pop3Tools.Engine.Tests.Dovecot;
using Xunit.Abstractions;
using static Pop3Tools.Engine.Tests.Mailbox.Export.ExportHarness;

namespace Pop3Tools.Engine.Tests.Mailbox.Export
{
    /// <summary>
    /// An export with Delete through a link cut at every command boundary and at many byte
    /// offsets of the server's replies (mostly message data), each followed by re-runs on an
    /// intact link: at every point each message is on the server or saved whole exactly once,
    /// and in the end every message is saved whole exactly once and gone from the server.
    /// </summary>
    public sealed class ExportCutSweepTests
    {
        private const int MessageCount = 5;
        private const int DataOffsets = 200;
        private const int Workers = 4;

        private readonly ITestOutputHelper _output;

        public ExportCutSweepTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void A_cut_at_any_point_loses_no_message_and_saves_none_twice() => Sweep(DataOffsets);

        /// <summary>Every server byte offset: minutes, not part of the default run (dotnet test --filter Category=FullSweep).</summary>
        [Fact]
        [Trait("Category", "FullSweep")]
        public void A_cut_at_every_byte_loses_no_message_and_saves_none_twice() => Sweep(int.MaxValue);

        private void Sweep(int dataOffsets)
        {
            var messages = new MailGenerator(1081).Bulk(MessageCount);
            long serverBytes;
            int commands;
            using (var link = new CuttableLink(Lab.Host, Lab.PlainPort))
            {
                // A clean run through the link measures what a cut can hit.
                var calibration = NewCycles(1, messages)[0];
                RunUntilDone(calibration, messages, link, cut: null);
                (serverBytes, commands) = link.LastConnection;
                calibration.AssertFinished(messages, Lab);
            }
            Assert.True(commands > 2 * MessageCount && serverBytes > messages.Sum(m => m.Bytes.Length), $"calibration run: {commands} commands, {serverBytes} bytes");

            var points = Enumerable.Range(1, commands).Select(CutPoint.BeforeCommand)
                .Concat(Offsets(serverBytes, dataOffsets).Select(CutPoint.AfterServerBytes))
                .ToList();
            var cycles = NewCycles(points.Count, messages);
            // Cycles share nothing (own mailbox, folder and link), so a few run side by side:
            // most of a cycle is waiting on the server and on the disk, not the processor.
            Parallel.ForEach(Enumerable.Range(0, Workers), worker =>
            {
                using var link = new CuttableLink(Lab.Host, Lab.PlainPort);
                for (var i = worker; i < points.Count; i += Workers)
                {
                    RunUntilDone(cycles[i], messages, link, points[i]);
                    cycles[i].AssertFinished(messages, Lab);
                }
            });
            _output.WriteLine($"{points.Count} cut points: {commands} command boundaries and {points.Count - commands} server byte offsets of {serverBytes}.");
            Assert.True(points.Count >= 200, $"only {points.Count} cut points");
        }

        /// <summary>Spread over the whole reply stream, ends included.</summary>
        private static IEnumerable<long> Offsets(long serverBytes, int count)
        {
            if (count >= serverBytes) return Enumerable.Range(1, (int)serverBytes - 1).Select(o => (long)o);
            return Enumerable.Range(0, count).Select(i => 1 + (serverBytes - 2) * i / (count - 1)).Distinct();
        }

        private static List<Cycle> NewCycles(int count, IReadOnlyList<GeneratedMessage> messages)
        {
            var users = Enumerable.Range(0, count).Select(_ => DovecotLab.UniqueUserName("cut")).ToList();
            var names = Lab.AddMailboxes(users, Password, messages);
            return users.Select((user, i) => new Cycle(user, names[i])).ToList();
        }

        /// <summary>The cut run, the check after it, then intact runs until the export completes.</summary>
        private static void RunUntilDone(Cycle cycle, IReadOnlyList<GeneratedMessage> messages, CuttableLink link, CutPoint? cut)
        {
            if (cut != null)
            {
                link.ArmCut(cut);
                cycle.TryRun(link.Port);
                cycle.AssertConsistent(cut, messages, Lab);
            }
            for (var attempt = 1; ; attempt++)
            {
                if (cycle.TryRun(link.Port)) return;
                Assert.True(attempt < 3, $"{cycle.User}: the export did not complete on an intact link after a cut {cut}.");
            }
        }

        private sealed class Cycle
        {
            public Cycle(string user, IReadOnlyList<string> maildirNames)
            {
                User = user;
                MaildirNames = maildirNames;
            }

            public string User { get; }

            /// <summary>The maildir file of message i+1, as the lab wrote it.</summary>
            public IReadOnlyList<string> MaildirNames { get; }

            public string Folder { get; } = NewFolder("cut");

            /// <summary>One export with Delete and QUIT; false when the link failed somewhere on the way.</summary>
            public bool TryRun(int port)
            {
                Pop3Session session;
                try
                {
                    session = Open(User, port);
                }
                catch (Pop3Exception)
                {
                    return false;
                }
                using (session)
                {
                    try
                    {
                        var result = ExportAll(session, new ExportOptions(Folder) { Delete = true, GroupSize = 2 });
                        Assert.Empty(result.Errors);
                        session.Disconnect(Timeouts.Token());
                        return true;
                    }
                    catch (Pop3Exception)
                    {
                        return false;
                    }
                }
            }

            /// <summary>Each message saved whole at most once, and any message not saved still on the server; nothing partial under a final name.</summary>
            public void AssertConsistent(CutPoint cut, IReadOnlyList<GeneratedMessage> messages, DovecotLab lab)
            {
                var saved = new HashSet<int>();
                foreach (var (name, bytes) in Files(Folder))
                {
                    var index = IndexOf(messages, bytes);
                    Assert.True(index >= 0, $"{User}, cut {cut}: {name} is not a whole message ({bytes.Length} bytes).");
                    Assert.True(saved.Add(index), $"{User}, cut {cut}: message {index + 1} saved twice.");
                }
                // Read at any moment this is safe: a session still ending can only expunge what was marked, which was saved first.
                var onServer = lab.MaildirFiles(User).Select(BaseName).ToHashSet();
                for (var i = 0; i < messages.Count; i++)
                {
                    Assert.True(saved.Contains(i) || onServer.Contains(BaseName(MaildirNames[i])),
                        $"{User}, cut {cut}: message {i + 1} is neither saved nor on the server.");
                }
            }

            public void AssertFinished(IReadOnlyList<GeneratedMessage> messages, DovecotLab lab)
            {
                var files = Files(Folder);
                Assert.Equal(messages.Count, files.Count);
                Assert.Equal(Enumerable.Range(0, messages.Count), files.Values.Select(bytes => IndexOf(messages, bytes)).Order());
                Assert.Empty(Temporaries(Folder));
                Assert.Equal(0, lab.MaildirMessageCount(User));
                Directory.Delete(Folder, recursive: true);
            }

            private static int IndexOf(IReadOnlyList<GeneratedMessage> messages, byte[] bytes) =>
                messages.ToList().FindIndex(m => m.Bytes.AsSpan().SequenceEqual(bytes));

            // Dovecot may rewrite a maildir file's flag suffix; the part before ':' names the message.
            private static string BaseName(string file) => file.Split(':')[0];
        }
    }
}
