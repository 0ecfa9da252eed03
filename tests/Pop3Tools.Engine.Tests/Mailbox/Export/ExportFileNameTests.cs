using Pop3Tools.Engine.Mailbox.Export;

namespace Pop3Tools.Engine.Tests.Mailbox.Export
{
    /// <summary>UIDs come from the server: whatever they hold, the file they name stays in the folder and is unique.</summary>
    public sealed class ExportFileNameTests
    {
        private static readonly string[] Hostile =
        {
            "../../etc/passwd", "..\\..\\Windows\\win.ini", "/absolute", "C:\\x", "a/b", ".", "..", "...", ".hidden",
            "trailing.", "CON", "con", "NUL.eml", "Com1", "lpt9.txt", "AUX.", "a\u0000b", "tab\there", "line\r\nbreak",
            "100%", "~1", "a~2", "a:b", "a*b?c\"d<e>f|g", "日本語", "x" + new string('y', 400), "white space ",
        };

        public static TheoryData<string> HostileUids => new(Hostile);

        [Theory]
        [MemberData(nameof(HostileUids))]
        public void A_hostile_uid_names_a_plain_bounded_file_inside_the_folder(string uid)
        {
            var name = ExportFileName.Candidate(ExportFileName.Stem(uid), 1);
            var folder = Path.Combine(Path.GetTempPath(), "export-folder");

            Assert.Equal(Path.Combine(folder, name), Path.GetFullPath(Path.Combine(folder, name)));
            Assert.Equal(name, Path.GetFileName(name));
            Assert.DoesNotContain('/', name);
            Assert.DoesNotContain('\\', name);
            Assert.DoesNotContain(name, c => c < 0x20 || c >= 0x7f || "<>:\"|?* ".Contains(c));
            Assert.False(name.StartsWith('.'), name);
            Assert.EndsWith(".eml", name);
            Assert.True(ExportFileName.Stem(uid).Length <= ExportFileName.MaxStemLength, name);
            var device = name.Split('.')[0].ToUpperInvariant();
            Assert.DoesNotContain(device, new[] { "CON", "PRN", "AUX", "NUL", "COM1", "LPT9" });
        }

        [Fact]
        public void Distinct_uids_give_distinct_names_even_when_cut_to_length()
        {
            var uids = Hostile
                .Concat(new[] { "con.", "CON%", "%43ON", "x" + new string('y', 401), "x" + new string('y', 399) + "z" })
                .Concat(Enumerable.Range(0, 500).Select(i => "uid-" + i))
                .Distinct()
                .ToList();

            var names = uids.Select(ExportFileName.Stem).ToList();

            Assert.Equal(uids.Count, names.Distinct(StringComparer.Ordinal).Count());
        }

        [Fact]
        public void An_ordinary_uid_keeps_its_name_and_later_candidates_get_a_suffix()
        {
            Assert.Equal("000000016b021dd1.eml", ExportFileName.Candidate(ExportFileName.Stem("000000016b021dd1"), 1));
            Assert.Equal("abc~2.eml", ExportFileName.Candidate("abc", 2));
        }
    }
}
