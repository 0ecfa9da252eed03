namespace Pop3Tools.Engine.Tests.Dovecot;

/// <summary>
/// One message the generator made, with the values it chose as the independent
/// truth: what RETR must return byte for byte, and the decoded header values
/// a correct parser must find.
/// </summary>
public sealed class GeneratedMessage
{
    public GeneratedMessage(byte[] bytes, int headerLength, string kind, string subject,
        string fromDisplay, string fromAddress, DateTimeOffset date, string messageId)
    {
        Bytes = bytes;
        HeaderLength = headerLength;
        Kind = kind;
        Subject = subject;
        FromDisplay = fromDisplay;
        FromAddress = fromAddress;
        Date = date;
        MessageId = messageId;
    }

    /// <summary>The whole message, CRLF line ends, never a bare CR or LF, ending in CRLF.</summary>
    public byte[] Bytes { get; }

    /// <summary>Length of the header block including the empty line that ends it.</summary>
    public int HeaderLength { get; }

    /// <summary>The header block including the empty line: what TOP n 0 returns.</summary>
    public byte[] HeaderBytes => Bytes[..HeaderLength];

    /// <summary>What the message exercises, e.g. "iso-2022-jp", "dot-lines", "large".</summary>
    public string Kind { get; }

    /// <summary>The subject as the generator chose it, before RFC 2047 encoding and folding.</summary>
    public string Subject { get; }

    /// <summary>The From display name, decoded; empty when the header holds only the address.</summary>
    public string FromDisplay { get; }

    public string FromAddress { get; }

    /// <summary>The Date header's value (whole seconds, with its original offset).</summary>
    public DateTimeOffset Date { get; }

    /// <summary>The Message-ID header's value including the angle brackets.</summary>
    public string MessageId { get; }

    /// <summary>
    /// What the body holds, decoded, for the kinds that record it (null otherwise): the
    /// truth for a MIME parser's TextBody, HtmlBody and attachments.
    /// </summary>
    public GeneratedContent? Content { get; private set; }

    internal GeneratedMessage WithContent(GeneratedContent content)
    {
        Content = content;
        return this;
    }

    public override string ToString() => $"{Kind} {MessageId} ({Bytes.Length} bytes)";
}
