namespace Pop3Tools.Benchmarks.Measurement;

/// <summary>
/// What the server holds, read straight from its maildir: the yardstick each client's
/// download is checked against, independent of any POP3 implementation.
/// </summary>
internal sealed record MailboxSnapshot(MailTally Content, long WireBytes, long LargestWireBytes)
{
    /// <summary>Reads every message file under the maildir's cur/ and new/.</summary>
    public static MailboxSnapshot FromMaildir(string maildir)
    {
        var messages = 0;
        long withoutCr = 0, wire = 0, largest = 0;
        foreach (var sub in new[] { "cur", "new" })
        {
            var dir = Path.Combine(maildir, sub);
            if (!Directory.Exists(dir))
            {
                continue;
            }
            foreach (var file in Directory.EnumerateFiles(dir))
            {
                var bytes = File.ReadAllBytes(file);
                var crs = bytes.AsSpan().Count((byte)'\r');
                var lfs = bytes.AsSpan().Count((byte)'\n');
                // RETR sends every line with CRLF, whatever the file holds.
                var onWire = (long)bytes.Length - crs + lfs;
                messages++;
                withoutCr += bytes.Length - crs;
                wire += onWire;
                largest = Math.Max(largest, onWire);
            }
        }
        return new MailboxSnapshot(new MailTally(messages, withoutCr), wire, largest);
    }
}
