using System.Text;

namespace Pop3Tools.Engine.Tests.Robustness;

/// <summary>One seeded mutation: the bytes it made and what it did, for replay.</summary>
public sealed record Mutation(byte[] Bytes, string Description);

/// <summary>
/// Seeded byte mutations of protocol replies and mail: the same seed always gives the same
/// bytes, so a failure's seed replays it exactly.
/// </summary>
public static class Mutator
{
    public static readonly string[] Kinds = { "bitflip", "truncate", "duplicate", "delete", "boundary", "nesting", "hugeheader", "specials" };

    /// <summary>Mutates <paramref name="input"/> with the kind chosen by <paramref name="random"/>.</summary>
    public static Mutation Mutate(byte[] input, Random random)
    {
        var kind = Kinds[random.Next(Kinds.Length)];
        var bytes = new List<byte>(input);
        string what;
        switch (kind)
        {
            case "bitflip":
                var flips = 1 + random.Next(8);
                for (var i = 0; i < flips && bytes.Count > 0; i++)
                {
                    var at = random.Next(bytes.Count);
                    bytes[at] ^= (byte)(1 << random.Next(8));
                }
                what = flips + " bit flips";
                break;
            case "truncate":
                var keep = random.Next(bytes.Count + 1);
                bytes.RemoveRange(keep, bytes.Count - keep);
                what = "truncated to " + keep;
                break;
            case "duplicate":
                var (start, length) = Span(bytes.Count, random);
                var copies = random.Next(4) == 0 ? 1 + random.Next(200) : 1;
                var span = bytes.GetRange(start, length);
                var into = random.Next(bytes.Count + 1);
                for (var i = 0; i < copies; i++) bytes.InsertRange(into, span);
                what = "span " + start + "+" + length + " x" + copies + " at " + into;
                break;
            case "delete":
                var (from, count) = Span(bytes.Count, random);
                bytes.RemoveRange(from, count);
                what = "deleted " + from + "+" + count;
                break;
            case "boundary":
                what = Boundary(bytes, random);
                break;
            case "nesting":
                var levels = 1 + random.Next(random.Next(2) == 0 ? 40 : 400);
                var wrapper = random.Next(2) == 0 ? "multipart" : "message";
                bytes = new List<byte>(Nest(bytes.ToArray(), levels, wrapper == "multipart"));
                what = wrapper + " nested " + levels;
                break;
            case "hugeheader":
                what = HugeHeader(bytes, random);
                break;
            default:
                var specials = new byte[] { 0, 0xFF, 0x80, (byte)'\r', (byte)'\n', (byte)'.', (byte)'-', (byte)'=', (byte)'"', (byte)'\\', (byte)' ', (byte)'\t' };
                var n = 1 + random.Next(16);
                for (var i = 0; i < n; i++) bytes.Insert(random.Next(bytes.Count + 1), specials[random.Next(specials.Length)]);
                what = n + " special bytes";
                break;
        }
        return new Mutation(bytes.ToArray(), kind + ": " + what);
    }

    private static (int Start, int Length) Span(int total, Random random)
    {
        if (total == 0) return (0, 0);
        var start = random.Next(total);
        return (start, random.Next(Math.Min(total - start, 4096) + 1));
    }

    /// <summary>Games with line ends, dot lines and MIME boundaries: the places parsers split input.</summary>
    private static string Boundary(List<byte> bytes, Random random)
    {
        var text = Encoding.Latin1.GetString(bytes.ToArray());
        string what;
        switch (random.Next(6))
        {
            case 0:
                text = text.Replace("\r\n", random.Next(2) == 0 ? "\n" : "\r");
                what = "bare line ends";
                break;
            case 1:
                var at = random.Next(text.Length + 1);
                text = text.Insert(at, random.Next(2) == 0 ? "\r\n.\r\n" : "\r\n..\r\n");
                what = "dot line at " + at;
                break;
            case 2:
                // Every boundary delimiter loses or gains its closing "--".
                text = text.Replace("--\r\n", "\r\n");
                what = "close delimiters opened";
                break;
            case 3:
                var boundary = FindBoundary(text) ?? "b";
                var where = random.Next(text.Length + 1);
                text = text.Insert(where, "\r\n--" + boundary + (random.Next(2) == 0 ? "--" : string.Empty) + "\r\n");
                what = "delimiter --" + boundary + " at " + where;
                break;
            case 4:
                text = text.Replace("boundary=", "boundary=" + new string('x', random.Next(2000)));
                what = "long boundary parameters";
                break;
            default:
                text = text.Replace("boundary=\"", "boundary=\"\"");
                what = "empty boundary parameters";
                break;
        }
        bytes.Clear();
        bytes.AddRange(Encoding.Latin1.GetBytes(text));
        return what;
    }

    private static string? FindBoundary(string text)
    {
        var at = text.IndexOf("boundary=\"", StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        var end = text.IndexOf('"', at + 10);
        return end < 0 ? null : text.Substring(at + 10, end - at - 10);
    }

    /// <summary>Wraps the input in <paramref name="levels"/> multiparts or attached messages.</summary>
    public static byte[] Nest(byte[] inner, int levels, bool multipart)
    {
        var head = new StringBuilder();
        var tail = new StringBuilder();
        for (var i = 0; i < levels; i++)
        {
            if (multipart)
            {
                head.Append("Content-Type: multipart/mixed; boundary=\"n").Append(i).Append("\"\r\n\r\n--n").Append(i).Append("\r\n");
                tail.Insert(0, "\r\n--n" + i + "--\r\n");
            }
            else
            {
                head.Append("Subject: level ").Append(i).Append("\r\nContent-Type: message/rfc822\r\n\r\n");
            }
        }
        var result = new List<byte>(Encoding.ASCII.GetBytes(head.ToString()));
        result.AddRange(inner);
        result.AddRange(Encoding.ASCII.GetBytes(tail.ToString()));
        return result.ToArray();
    }

    private static string HugeHeader(List<byte> bytes, Random random)
    {
        var at = random.Next(bytes.Count + 1);
        string text;
        string what;
        switch (random.Next(3))
        {
            case 0:
                var length = random.Next(2_000_000);
                text = "X-Huge: " + new string('A', length) + "\r\n";
                what = "one line of " + length;
                break;
            case 1:
                var folds = random.Next(100_000);
                text = "X-Folded: a" + string.Concat(Enumerable.Repeat("\r\n b", folds)) + "\r\n";
                what = folds + " folds";
                break;
            default:
                var fields = random.Next(20_000);
                text = string.Concat(Enumerable.Repeat("X-Many: v\r\n", fields));
                what = fields + " fields";
                break;
        }
        bytes.InsertRange(at, Encoding.ASCII.GetBytes(text));
        return what + " at " + at;
    }

    /// <summary>How many mutations of each kind a run makes: POP3TOOLS_FUZZ_ITERATIONS, else the CI default.</summary>
    public static int Iterations(int ciDefault)
    {
        var set = Environment.GetEnvironmentVariable("POP3TOOLS_FUZZ_ITERATIONS");
        return int.TryParse(set, out var n) && n > 0 ? n : ciDefault;
    }

    /// <summary>The first seed of a run: POP3TOOLS_FUZZ_SEED replays a reported seed.</summary>
    public static int FirstSeed()
    {
        var set = Environment.GetEnvironmentVariable("POP3TOOLS_FUZZ_SEED");
        return int.TryParse(set, out var n) ? n : 1;
    }
}
