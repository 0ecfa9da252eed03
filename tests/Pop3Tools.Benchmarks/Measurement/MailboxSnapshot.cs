namespace Pop3Tools.Benchmarks.Measurement;

/// <summary>
/// What the server holds, taken from the generator's own bytes (CRLF, exactly what
/// RETR sends): the yardstick each client's download is checked against.
/// </summary>
internal sealed record MailboxSnapshot(MailTally Content, long WireBytes, long LargestWireBytes)
{
    public static MailboxSnapshot Of(IEnumerable<byte[]> messages)
    {
        var count = 0;
        long withoutCr = 0, wire = 0, largest = 0;
        foreach (var bytes in messages)
        {
            count++;
            withoutCr += bytes.Length - bytes.AsSpan().Count((byte)'\r');
            wire += bytes.Length;
            largest = Math.Max(largest, bytes.Length);
        }
        return new MailboxSnapshot(new MailTally(count, withoutCr), wire, largest);
    }
}
