using System.Text;

namespace Pop3Tools.Engine.Tests.Dovecot;

/// <summary>Byte-for-byte equality with a message that says where and how two large buffers part.</summary>
internal static class ByteAssert
{
    public static void Equal(byte[] expected, byte[] actual, string what)
    {
        int common = Math.Min(expected.Length, actual.Length);
        int offset = 0;
        while (offset < common && expected[offset] == actual[offset])
        {
            offset++;
        }

        if (offset == common && expected.Length == actual.Length)
        {
            return;
        }

        Assert.Fail($"{what}: expected {expected.Length} bytes, got {actual.Length}; first difference at offset {offset}.\n" +
            $"expected: {Excerpt(expected, offset)}\nactual:   {Excerpt(actual, offset)}");
    }

    private static string Excerpt(byte[] bytes, int offset)
    {
        int start = Math.Max(0, offset - 20);
        int length = Math.Min(bytes.Length - start, 60);
        var text = Encoding.Latin1.GetString(bytes, start, Math.Max(0, length));
        return "\"" + text.Replace("\r", "\\r").Replace("\n", "\\n") + "\"";
    }
}
