using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace Pop3Tools.Engine.Mailbox.Export
{
    /// <summary>
    /// An export folder: the .eml files, their journal, and the rules that make a save
    /// durable before anything may be deleted from the server.
    /// </summary>
    /// <remarks>
    /// A save goes: temporary file in the folder, size checked, file hashed and flushed to the device,
    /// renamed to its final name, folder flushed, journal line appended and flushed. Only
    /// then may the message be marked for deletion. <see cref="Commit"/> does those steps for
    /// a group of files at once, so a folder flush and a journal flush serve many messages.
    /// A crash at any point leaves a whole file or none under a final name; a file renamed
    /// but not yet journaled is recognised by its hash on the next run and adopted.
    /// </remarks>
    internal sealed class MessageStore : IDisposable
    {
        /// <summary>Flushes in flight at once; beyond a few, a disk queue gains nothing.</summary>
        private const int ConcurrentFlushes = 8;

        /// <summary>
        /// A flush slower than this waited on a device: measured here, a 50 KB file flushes in
        /// 2-9 microseconds on tmpfs and in 0.3-2 ms (median 0.4) on ext4 on the virtual disk.
        /// </summary>
        private static readonly TimeSpan WaitingFlush = TimeSpan.FromMilliseconds(0.2);

        /// <summary>Slow flushes in a row that mean a device, not a thread the scheduler put aside for a moment.</summary>
        private const int SlowFlushesForDevice = 3;

        private readonly ExportJournal _journal;
        private readonly HashSet<string> _namesTaken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Set once flushes wait on a device; the folder's device does not change during an export.</summary>
        private bool _flushesWait;

        private int _slowFlushesInARow;

        private MessageStore(string folder, string mailbox, ExportJournal journal)
        {
            Folder = folder;
            Mailbox = mailbox;
            _journal = journal;
        }

        public string Folder { get; }

        /// <summary>Which mailbox this run saves ("user@server"), as the journal records it.</summary>
        public string Mailbox { get; }

        /// <summary>
        /// Creates the folder if needed, takes its journal (one export per folder at a time)
        /// and removes temporary files an interrupted run left.
        /// </summary>
        /// <exception cref="Pop3Exception">SaveFailed: the folder cannot be used.</exception>
        public static MessageStore Open(string folder, string mailbox)
        {
            var full = Path.GetFullPath(folder);
            ExportJournal journal;
            try
            {
                Directory.CreateDirectory(full);
                journal = ExportJournal.Open(full);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new Pop3Exception(Pop3ErrorKind.SaveFailed, $"Cannot export into {full}: {e.Message}", e)
                {
                    Hint = "Check that the folder can be written and that no other Receive-Pop3Message is exporting into it.",
                };
            }
            RemoveStaleTemporaries(full);
            return new MessageStore(full, mailbox, journal);
        }

        /// <summary>
        /// The journal entry of <paramref name="uid"/> when its file is still there with the
        /// size the journal recorded; null means it must be downloaded.
        /// </summary>
        public JournalEntry? FindSaved(string uid)
        {
            var entry = _journal.Find(Mailbox, uid);
            if (entry == null) return null;
            var file = new FileInfo(Path.Combine(Folder, entry.FileName));
            return file.Exists && file.Length == entry.Size ? entry : null;
        }

        /// <exception cref="Pop3Exception">SaveFailed: the temporary file cannot be created.</exception>
        public ReceivedFile Begin(Pop3MessageInfo listing)
        {
            try
            {
                return new ReceivedFile(Folder, listing);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw ExportErrors.SaveFailed(listing, e);
            }
        }

        /// <summary>
        /// Makes complete files durable under their final names and journals them. A file that
        /// cannot be flushed or renamed goes to <paramref name="onError"/> and is removed; the
        /// others are returned, with their paths, only once the journal holds them.
        /// </summary>
        /// <exception cref="Pop3Exception">SaveFailed: the folder or the journal could not be flushed; nothing may be deleted.</exception>
        public List<KeyValuePair<ReceivedFile, string>> Commit(IReadOnlyList<ReceivedFile> files, Action<ReceivedFile, Pop3Exception> onError)
        {
            var placed = new List<KeyValuePair<ReceivedFile, string>>(files.Count);
            var sealFailures = SealAll(files);
            foreach (var file in files)
            {
                try
                {
                    if (sealFailures.TryGetValue(file, out var failure)) throw failure;
                    placed.Add(new KeyValuePair<ReceivedFile, string>(file, Place(file)));
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    file.Discard();
                    onError(file, ExportErrors.SaveFailed(file.Listing, e));
                }
            }
            if (placed.Count == 0) return placed;

            var entries = new List<JournalEntry>(placed.Count);
            foreach (var pair in placed)
            {
                var file = pair.Key;
                entries.Add(new JournalEntry(Mailbox, file.Listing.Uid, Path.GetFileName(pair.Value), file.Length, file.Sha256));
            }
            try
            {
                DirectorySync.Flush(Folder);
                _journal.Append(entries);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new Pop3Exception(Pop3ErrorKind.SaveFailed, $"The saved messages could not be recorded in {Folder}: {e.Message}", e)
                {
                    Hint = "Nothing was marked for deletion. Free space or fix the folder's permissions, then run the export again.",
                };
            }
            return placed;
        }

        public void Dispose() => _journal.Dispose();

        /// <summary>
        /// Hashes and flushes every file (<see cref="ReceivedFile.Seal"/>). On this thread, one after
        /// another, while flushes cost nothing (tmpfs, a write-back cache): waking thread-pool workers
        /// for every group cost more CPU than the flushes themselves, CPU the server and the download
        /// need. Once flushes wait on a device, the rest of the export flushes in parallel: the file
        /// system takes concurrent flushes into one journal commit and the device gets them as one
        /// queue, where one flush after another waits a full round trip each.
        /// Returns the files that failed, and why.
        /// </summary>
        private ConcurrentDictionary<ReceivedFile, Exception> SealAll(IReadOnlyList<ReceivedFile> files)
        {
            var failures = new ConcurrentDictionary<ReceivedFile, Exception>();
            var next = 0;
            while (!_flushesWait && next < files.Count)
            {
                var flush = SealOne(files[next++], failures);
                // A device is slow every time; a flush preempted on a busy machine only now and then.
                _slowFlushesInARow = flush > WaitingFlush ? _slowFlushesInARow + 1 : 0;
                if (_slowFlushesInARow >= SlowFlushesForDevice) _flushesWait = true;
            }
            if (next == files.Count) return failures;

            var parallel = new ParallelOptions { MaxDegreeOfParallelism = ConcurrentFlushes };
            Parallel.For(next, files.Count, parallel, i => SealOne(files[i], failures));
            return failures;
        }

        /// <summary>Seals one file; returns how long its device flush took (zero if it failed).</summary>
        private static TimeSpan SealOne(ReceivedFile file, ConcurrentDictionary<ReceivedFile, Exception> failures)
        {
            try
            {
                return file.Seal();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                failures[file] = e;
                return TimeSpan.Zero;
            }
        }

        /// <summary>
        /// Gives a flushed temporary file its final name: the one the journal already gives
        /// this UID (a -Force re-export replaces it), else the first free candidate. A file
        /// nobody journaled with the very same bytes is what a crash between rename and journal
        /// leaves: it is adopted rather than saved twice.
        /// </summary>
        private string Place(ReceivedFile file)
        {
            var uid = file.Listing.Uid;
            var previous = _journal.Find(Mailbox, uid);
            if (previous != null && !_namesTaken.Contains(previous.FileName))
            {
                var target = Path.Combine(Folder, previous.FileName);
                MoveOver(file.TemporaryPath, target);
                _namesTaken.Add(previous.FileName);
                return target;
            }

            var stem = ExportFileName.Stem(uid);
            for (var n = 1; ; n++)
            {
                var name = ExportFileName.Candidate(stem, n);
                if (_namesTaken.Contains(name) || _journal.IsClaimedByAnother(name, Mailbox, uid)) continue;
                var target = Path.Combine(Folder, name);
                if (!MovedToFreeName(file.TemporaryPath, target))
                {
                    if (!HoldsSameBytes(target, file)) continue;
                    file.Discard();
                }
                _namesTaken.Add(name);
                return target;
            }
        }

        /// <summary>
        /// Renames <paramref name="source"/> to <paramref name="target"/> unless that name is taken
        /// (false). File.Move refuses a taken name itself, so the usual case, a free name, costs no
        /// separate existence check.
        /// </summary>
        private static bool MovedToFreeName(string source, string target)
        {
            try
            {
                File.Move(source, target);
                return true;
            }
            catch (IOException) when (File.Exists(target))
            {
                return false;
            }
        }

        private static void MoveOver(string source, string target)
        {
            if (File.Exists(target)) File.Replace(source, target, null);
            else File.Move(source, target);
        }

        private static bool HoldsSameBytes(string path, ReceivedFile file)
        {
            var info = new FileInfo(path);
            if (info.Length != file.Length) return false;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024))
            using (var sha = System.Security.Cryptography.SHA256.Create())
            {
                return string.Equals(BitConverter.ToString(sha.ComputeHash(stream)).Replace("-", string.Empty), file.Sha256, StringComparison.Ordinal);
            }
        }

        private static void RemoveStaleTemporaries(string folder)
        {
            // Safe while we hold the journal: no other export can be writing into this folder.
            foreach (var path in Directory.GetFiles(folder, ReceivedFile.TemporaryPrefix + "*" + ReceivedFile.TemporaryExtension))
            {
                try
                {
                    File.Delete(path);
                }
                catch (IOException)
                {
                    // Still in use or gone: a temporary name is never read as a message anyway.
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }
    }
}
