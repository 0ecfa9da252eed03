namespace Pop3Tools.Benchmarks.Measurement;

/// <summary>Counts what a client stored, in each of the layouts the clients use.</summary>
internal static class DeliveredMail
{
    private const int BufferSize = 256 * 1024;

    /// <summary>
    /// One file per message anywhere under <paramref name="directory"/> (maildir or flat); only names
    /// matching <paramref name="pattern"/> count, so an export folder's journal is not taken for mail.
    /// </summary>
    public static MailTally FilePerMessage(string directory, string pattern = "*")
    {
        if (!Directory.Exists(directory))
        {
            return default;
        }
        var messages = 0;
        long bytes = 0;
        var buffer = new byte[BufferSize];
        foreach (var file in Directory.EnumerateFiles(directory, pattern, SearchOption.AllDirectories))
        {
            messages++;
            using var stream = OpenRead(file);
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                var chunk = buffer.AsSpan(0, read);
                bytes += read - chunk.Count((byte)'\r');
            }
        }
        return new MailTally(messages, bytes);
    }

    /// <summary>
    /// A batch-SMTP file: each message ends with a line holding a single dot, which
    /// cannot occur inside a message because bodies are dot-stuffed.
    /// </summary>
    public static MailTally Bsmtp(string file)
    {
        if (!File.Exists(file))
        {
            return default;
        }
        var buffer = new byte[BufferSize];
        var terminators = 0;
        long bytes = 0;
        var lineStart = true;
        var dotOnly = false;
        using var stream = OpenRead(file);
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var b = buffer[i];
                if (b == (byte)'\r')
                {
                    continue;
                }
                bytes++;
                if (b == (byte)'\n')
                {
                    terminators += dotOnly ? 1 : 0;
                    lineStart = true;
                    dotOnly = false;
                    continue;
                }
                dotOnly = lineStart && b == (byte)'.';
                lineStart = false;
            }
        }
        return new MailTally(terminators, bytes);
    }

    private static FileStream OpenRead(string file) =>
        new(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
}
