namespace Pop3Tools.Benchmarks.Measurement;

/// <summary>
/// How many messages and how many bytes a client left on disk. Bytes are counted
/// without CR so that clients storing LF (maildir) and CRLF (raw RETR) compare.
/// </summary>
internal readonly record struct MailTally(int Messages, long BytesWithoutCr);
