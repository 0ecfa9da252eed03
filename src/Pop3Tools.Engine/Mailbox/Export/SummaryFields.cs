using System;
using System.IO;
using System.Text;

namespace Pop3Tools.Engine.Mailbox.Export
{
    /// <summary>
    /// Cuts a header block down to its Subject, From and Date fields (folded lines included, in
    /// their order) before MimeKit reads them: an exported message's object shows only those,
    /// and MimeKit's objects for every field of every message (headers, list entries, event
    /// handlers) were about a fifth of an export's allocations.
    /// </summary>
    internal static class SummaryFields
    {
        private static readonly byte[][] Wanted = { Ascii("subject"), Ascii("from"), Ascii("date") };
        private static readonly byte[] LineEnd = { (byte)'\r', (byte)'\n' };

        /// <summary>
        /// Writes the wanted fields of <paramref name="block"/>'s first <paramref name="length"/> bytes
        /// into <paramref name="into"/> (emptied first) as a header block of their own, ended by an
        /// empty line, and rewinds it.
        /// </summary>
        public static void Select(byte[] block, int length, MemoryStream into)
        {
            into.SetLength(0);
            var keep = false;
            var endsLine = true;
            for (var start = 0; start < length;)
            {
                var newline = Array.IndexOf(block, (byte)'\n', start, length - start);
                var next = newline < 0 ? length : newline + 1;
                var end = newline < 0 ? length : newline;
                if (end > start && block[end - 1] == (byte)'\r') end--;
                if (end == start) break;
                // A line opening with white space folds into the field above; any other opens a field.
                if (block[start] != (byte)' ' && block[start] != (byte)'\t') keep = IsWanted(block, start, end);
                if (keep)
                {
                    into.Write(block, start, next - start);
                    endsLine = newline >= 0;
                }
                start = next;
            }
            if (!endsLine) into.Write(LineEnd, 0, LineEnd.Length);
            into.Write(LineEnd, 0, LineEnd.Length);
            into.Position = 0;
        }

        /// <summary>True when the line names a wanted field: its name, maybe blanks, then a colon.</summary>
        private static bool IsWanted(byte[] line, int start, int end)
        {
            foreach (var name in Wanted)
            {
                if (end - start <= name.Length || !SameLetters(line, start, name)) continue;
                var i = start + name.Length;
                while (i < end && (line[i] == (byte)' ' || line[i] == (byte)'\t')) i++;
                if (i < end && line[i] == (byte)':') return true;
            }
            return false;
        }

        private static bool SameLetters(byte[] line, int start, byte[] lowerName)
        {
            for (var i = 0; i < lowerName.Length; i++)
            {
                if ((line[start + i] | 0x20) != lowerName[i]) return false;
            }
            return true;
        }

        private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
    }
}
