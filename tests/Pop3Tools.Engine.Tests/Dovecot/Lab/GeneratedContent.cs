namespace Pop3Tools.Engine.Tests.Dovecot;

/// <summary>The decoded body of a generated message: text as lines (each ended by CRLF when sent), HTML likewise, attachments as bytes.</summary>
public sealed class GeneratedContent
{
    public GeneratedContent(IReadOnlyList<string>? textLines, IReadOnlyList<string>? htmlLines = null, IReadOnlyList<GeneratedAttachment>? attachments = null)
    {
        TextLines = textLines;
        HtmlLines = htmlLines;
        Attachments = attachments ?? Array.Empty<GeneratedAttachment>();
    }

    /// <summary>The text/plain body's lines; null when the message has none.</summary>
    public IReadOnlyList<string>? TextLines { get; }

    /// <summary>The text/html body's lines; null when the message has none.</summary>
    public IReadOnlyList<string>? HtmlLines { get; }

    public IReadOnlyList<GeneratedAttachment> Attachments { get; }
}

/// <summary>One attachment as generated: its decoded file name, media type and content.</summary>
public sealed record GeneratedAttachment(string FileName, string MediaType, byte[] Content);
