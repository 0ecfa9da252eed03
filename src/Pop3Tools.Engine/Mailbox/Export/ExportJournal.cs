using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace Pop3Tools.Engine.Mailbox.Export
{
    /// <summary>
    /// The export folder's record of what is durably saved, one line per saved message:
    /// <c>1 TAB mailbox TAB uid TAB file TAB size TAB sha256 LF</c>, text fields percent-encoded.
    /// Held open without sharing for the whole run, so two exports never write one folder at once.
    /// </summary>
    /// <remarks>
    /// Lines are only appended, and each batch is flushed to the device before the messages
    /// it names may be marked for deletion. A crash mid-append leaves a last line without its
    /// LF: reading ignores it (the message was not marked, so it is exported again) and the
    /// next append ends it first, so it never merges with a good line.
    /// </remarks>
    internal sealed class ExportJournal : IDisposable
    {
        public const string FileName = ".pop3tools-journal";

        private const string Version = "1";
        private static readonly Encoding Utf8 = new UTF8Encoding(false);

        private readonly FileStream _file;
        private readonly Dictionary<string, JournalEntry> _latest = new Dictionary<string, JournalEntry>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _ownerByName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        private ExportJournal(FileStream file)
        {
            _file = file;
        }

        /// <summary>Opens (or creates) the journal of <paramref name="folder"/> and reads it.</summary>
        /// <exception cref="IOException">Another export holds it, or it cannot be read.</exception>
        public static ExportJournal Open(string folder)
        {
            var file = new FileStream(Path.Combine(folder, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 4096);
            var journal = new ExportJournal(file);
            try
            {
                journal.Load();
                return journal;
            }
            catch
            {
                journal.Dispose();
                throw;
            }
        }

        /// <summary>The last save of <paramref name="uid"/> from <paramref name="mailbox"/>, if any.</summary>
        public JournalEntry? Find(string mailbox, string uid) =>
            _latest.TryGetValue(Key(mailbox, uid), out var entry) ? entry : null;

        /// <summary>
        /// Whether a journal line gives <paramref name="fileName"/> to a message other than
        /// <paramref name="mailbox"/>/<paramref name="uid"/>. Compared without case, since
        /// Windows and macOS folders are case-insensitive.
        /// </summary>
        public bool IsClaimedByAnother(string fileName, string mailbox, string uid) =>
            _ownerByName.TryGetValue(fileName, out var owner) && owner != Key(mailbox, uid);

        /// <summary>Appends the entries and flushes them to the device before returning.</summary>
        public void Append(IReadOnlyList<JournalEntry> entries)
        {
            if (entries.Count == 0) return;
            var text = new StringBuilder();
            _file.Seek(0, SeekOrigin.End);
            if (_file.Length > 0 && !EndsWithLineFeed()) text.Append('\n');
            foreach (var entry in entries) text.Append(Format(entry));
            var bytes = Utf8.GetBytes(text.ToString());
            _file.Seek(0, SeekOrigin.End);
            _file.Write(bytes, 0, bytes.Length);
            _file.Flush(flushToDisk: true);
            foreach (var entry in entries) Remember(entry);
        }

        public void Dispose() => _file.Dispose();

        private void Load()
        {
            var bytes = new byte[_file.Length];
            var read = 0;
            while (read < bytes.Length)
            {
                var n = _file.Read(bytes, read, bytes.Length - read);
                if (n == 0) break;
                read += n;
            }

            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (bytes[i] != (byte)'\n') continue;
                var entry = Parse(Utf8.GetString(bytes, start, i - start));
                if (entry != null) Remember(entry);
                start = i + 1;
            }
        }

        private bool EndsWithLineFeed()
        {
            _file.Seek(-1, SeekOrigin.End);
            return _file.ReadByte() == '\n';
        }

        private void Remember(JournalEntry entry)
        {
            var key = Key(entry.Mailbox, entry.Uid);
            _latest[key] = entry;
            _ownerByName[entry.FileName] = key;
        }

        private static string Key(string mailbox, string uid) => mailbox + "\t" + uid;

        private static string Format(JournalEntry entry) =>
            string.Join("\t", Version, Escape(entry.Mailbox), Escape(entry.Uid), Escape(entry.FileName),
                entry.Size.ToString(CultureInfo.InvariantCulture), entry.Sha256) + "\n";

        /// <summary>A line this version wrote, else null: unknown or damaged lines are skipped, never guessed at.</summary>
        private static JournalEntry? Parse(string line)
        {
            var fields = line.Split('\t');
            if (fields.Length != 6 || fields[0] != Version) return null;
            if (!long.TryParse(fields[4], NumberStyles.None, CultureInfo.InvariantCulture, out var size)) return null;
            var fileName = Uri.UnescapeDataString(fields[3]);
            // A journal is data in a folder others can write to: never let it point outside.
            if (fileName.Length == 0 || fileName != Path.GetFileName(fileName) || fileName == "." || fileName == "..") return null;
            return new JournalEntry(Uri.UnescapeDataString(fields[1]), Uri.UnescapeDataString(fields[2]), fileName, size, fields[5]);
        }

        private static string Escape(string text) => Uri.EscapeDataString(text);
    }
}
