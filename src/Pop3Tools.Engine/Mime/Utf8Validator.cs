namespace Pop3Tools.Engine.Mime
{
    /// <summary>
    /// Strict UTF-8 well-formedness (no overlongs, surrogates or values past U+10FFFF),
    /// so that Latin-1 text which merely looks like UTF-8 is not taken for it.
    /// </summary>
    internal static class Utf8Validator
    {
        public static bool IsValid(byte[] bytes, int offset, int count)
        {
            var end = offset + count;
            var i = offset;
            while (i < end)
            {
                var b = bytes[i];
                if (b < 0x80)
                {
                    i++;
                    continue;
                }

                int length;
                int min;
                if (b >= 0xC2 && b <= 0xDF)
                {
                    length = 2;
                    min = 0x80;
                }
                else if (b >= 0xE0 && b <= 0xEF)
                {
                    length = 3;
                    min = 0x800;
                }
                else if (b >= 0xF0 && b <= 0xF4)
                {
                    length = 4;
                    min = 0x10000;
                }
                else
                {
                    return false;
                }

                if (i + length > end)
                {
                    return false;
                }

                var value = b & (0xFF >> (length + 1));
                for (var k = 1; k < length; k++)
                {
                    var next = bytes[i + k];
                    if ((next & 0xC0) != 0x80)
                    {
                        return false;
                    }

                    value = (value << 6) | (next & 0x3F);
                }

                if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
                {
                    return false;
                }

                i += length;
            }

            return true;
        }
    }
}
