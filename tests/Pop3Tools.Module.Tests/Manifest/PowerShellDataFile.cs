using System.Globalization;
using System.Text;

namespace Pop3Tools.Module.Tests.Manifest;

/// <summary>
/// Parses the subset of PowerShell data-file syntax (.psd1) a module manifest uses:
/// @{ } hashtables, @( ) arrays and comma lists, '...' and "..." strings and their
/// here-string forms, numbers, $true/$false/$null, # and &lt;# #&gt; comments.
/// Hashtables become case-insensitive dictionaries, arrays lists of values.
/// Anything else (variables, expressions, commands) is rejected, as
/// Import-PowerShellDataFile would reject it.
/// </summary>
public sealed class PowerShellDataFile
{
    private readonly string _text;
    private int _at;

    private PowerShellDataFile(string text) { _text = text; }

    public static Dictionary<string, object?> ParseFile(string path) => Parse(File.ReadAllText(path));

    public static Dictionary<string, object?> Parse(string text)
    {
        var parser = new PowerShellDataFile(text);
        parser.SkipBlanks(newlines: true);
        if (!parser.TryTake("@{"))
            throw parser.Error("a data file holds one hashtable, @{ ... }");
        var table = parser.ReadHashtableBody();
        parser.SkipBlanks(newlines: true);
        if (parser._at != text.Length)
            throw parser.Error("text after the hashtable");
        return table;
    }

    private Dictionary<string, object?> ReadHashtableBody()
    {
        var table = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            SkipSeparators(';');
            if (TryTake("}"))
                return table;
            var key = Peek() is '\'' or '"' ? ReadString() : ReadBareWord();
            SkipBlanks(newlines: false);
            if (!TryTake("="))
                throw Error($"'=' after key {key}");
            SkipBlanks(newlines: true);
            if (!table.TryAdd(key, ReadValue()))
                throw Error($"duplicate key {key}");
            SkipBlanks(newlines: false);
            if (Peek() is not (';' or '\n' or '\r' or '}'))
                throw Error($"end of the entry {key}");
        }
    }

    /// <summary>A value, or a comma list of values (an array, as in PowerShell).</summary>
    private object? ReadValue()
    {
        var first = ReadSingleValue();
        SkipBlanks(newlines: false);
        if (Peek() != ',')
            return first;
        var items = new CommaList { first };
        while (TryTake(","))
        {
            SkipBlanks(newlines: true);
            items.Add(ReadSingleValue());
            SkipBlanks(newlines: false);
        }
        return items;
    }

    private object? ReadSingleValue()
    {
        if (TryTake("@{"))
            return ReadHashtableBody();
        if (TryTake("@("))
            return ReadArrayBody();
        if (Peek() == '@' && Peek(1) is '\'' or '"')
            return ReadHereString();
        if (Peek() is '\'' or '"')
            return ReadString();
        if (Peek() == '$')
        {
            _at++;
            var name = ReadBareWord();
            return name.ToLowerInvariant() switch
            {
                "true" => true,
                "false" => false,
                "null" => null,
                _ => throw Error($"variable ${name}: a data file allows only $true, $false and $null"),
            };
        }
        if (Peek() is '-' or '+' or '.' || char.IsDigit(Peek()))
            return ReadNumber();
        throw Error("a value");
    }

    /// <summary>@( ) items, separated by commas and/or new lines.</summary>
    private List<object?> ReadArrayBody()
    {
        var items = new List<object?>();
        while (true)
        {
            SkipSeparators(',');
            if (TryTake(")"))
                return items;
            var value = ReadValue();
            if (value is CommaList list)
                items.AddRange(list);
            else
                items.Add(value);
        }
    }

    private string ReadString()
    {
        var quote = _text[_at++];
        var value = new StringBuilder();
        while (true)
        {
            if (_at >= _text.Length)
                throw Error("the end of a string");
            var c = _text[_at++];
            if (c == quote)
            {
                if (Peek() != quote)
                    return value.ToString();
                _at++;
                value.Append(quote);
            }
            else if (quote == '"' && c == '`')
            {
                value.Append(Escape(_text[_at++]));
            }
            else if (quote == '"' && c == '$')
            {
                throw Error("no expansion: a double-quoted string with '$' needs a backtick");
            }
            else
            {
                value.Append(c);
            }
        }
    }

    /// <summary>@' ... '@ or @" ... "@: the text between the opening and closing lines.</summary>
    private string ReadHereString()
    {
        var quote = _text[_at + 1];
        _at += 2;
        SkipBlanks(newlines: false);
        if (!TryTake("\r\n") && !TryTake("\n"))
            throw Error("a new line after the here-string's opening");
        var terminator = _text.IndexOf("\n" + quote + "@", _at - 1, StringComparison.Ordinal);
        if (terminator < 0)
            throw Error("the here-string's closing line");
        var body = _text.Substring(_at, Math.Max(0, terminator - _at)).TrimEnd('\r');
        _at = terminator + 3;
        if (quote == '"' && body.Contains('$'))
            throw Error("no expansion in a double-quoted here-string");
        return body.Replace("\r\n", "\n");
    }

    private object ReadNumber()
    {
        var start = _at;
        while (_at < _text.Length && (char.IsLetterOrDigit(_text[_at]) || _text[_at] is '.' or '-' or '+'))
            _at++;
        var token = _text.Substring(start, _at - start);
        if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            return whole;
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
            return real;
        throw Error($"a number, not '{token}'");
    }

    private string ReadBareWord()
    {
        var start = _at;
        while (_at < _text.Length && (char.IsLetterOrDigit(_text[_at]) || _text[_at] is '_' or '-'))
            _at++;
        if (_at == start)
            throw Error("a name");
        return _text.Substring(start, _at - start);
    }

    private static char Escape(char c) => c switch
    {
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        '0' => '\0',
        _ => c,
    };

    private void SkipSeparators(char separator)
    {
        while (true)
        {
            SkipBlanks(newlines: true);
            if (Peek() != separator)
                return;
            _at++;
        }
    }

    private void SkipBlanks(bool newlines)
    {
        while (_at < _text.Length)
        {
            var c = _text[_at];
            if (c is ' ' or '\t' || (newlines && c is '\r' or '\n') || c == '\uFEFF')
            {
                _at++;
            }
            else if (c == '`' && Peek(1) is '\r' or '\n')
            {
                _at += Peek(1) == '\r' && Peek(2) == '\n' ? 3 : 2;
            }
            else if (TryTake("<#"))
            {
                var end = _text.IndexOf("#>", _at, StringComparison.Ordinal);
                if (end < 0)
                    throw Error("the end of a block comment");
                _at = end + 2;
            }
            else if (c == '#')
            {
                while (_at < _text.Length && _text[_at] is not ('\r' or '\n'))
                    _at++;
            }
            else
            {
                return;
            }
        }
    }

    private char Peek(int ahead = 0) => _at + ahead < _text.Length ? _text[_at + ahead] : '\0';

    private bool TryTake(string token)
    {
        if (string.CompareOrdinal(_text, _at, token, 0, token.Length) != 0)
            return false;
        _at += token.Length;
        return true;
    }

    /// <summary>'a', 'b' inside @( ) adds its items, not itself.</summary>
    private sealed class CommaList : List<object?>
    {
    }

    private FormatException Error(string expected)
    {
        var line = 1 + _text.Take(Math.Min(_at, _text.Length)).Count(c => c == '\n');
        return new FormatException($"Line {line}: expected {expected}.");
    }
}
