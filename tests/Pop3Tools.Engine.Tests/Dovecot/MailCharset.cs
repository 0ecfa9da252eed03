using System.Text;

namespace Pop3Tools.Engine.Tests.Dovecot;

/// <summary>A MIME charset label with the .NET encoding behind it.</summary>
internal sealed class MailCharset
{
    static MailCharset()
    {
        // ISO-2022-JP and Shift_JIS come from the code pages provider, part of the shared framework.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Iso2022Jp = new("ISO-2022-JP", Encoding.GetEncoding(50220));
        ShiftJis = new("Shift_JIS", Encoding.GetEncoding(932));
    }

    private MailCharset(string label, Encoding encoding)
    {
        Label = label;
        Encoding = encoding;
    }

    public static MailCharset Ascii { get; } = new("US-ASCII", Encoding.ASCII);
    public static MailCharset Utf8 { get; } = new("UTF-8", new UTF8Encoding(false));
    public static MailCharset Latin1 { get; } = new("ISO-8859-1", Encoding.Latin1);
    public static MailCharset Iso2022Jp { get; }
    public static MailCharset ShiftJis { get; }

    public string Label { get; }
    public Encoding Encoding { get; }

    /// <summary>
    /// The bytes of <paramref name="text"/>; throws unless they decode back to the same
    /// text, so the generator can never claim a value its bytes do not carry.
    /// </summary>
    public byte[] GetBytes(string text)
    {
        var bytes = Encoding.GetBytes(text);
        if (Encoding.GetString(bytes) != text)
        {
            throw new InvalidOperationException($"'{text}' does not survive a round trip through {Label}.");
        }

        return bytes;
    }
}
