using System.Collections.Generic;
using System.Text;

namespace Pop3Tools.Engine.Mime
{
    internal enum AddressTokenKind
    {
        Atom,
        QuotedString,
        Comment,
        DomainLiteral,
        Special,
    }

    /// <summary>One lexical unit of an address header (RFC 5322 §3.2): text plus whether whitespace preceded it.</summary>
    internal sealed class AddressToken
    {
        public AddressToken(AddressTokenKind kind, string text, bool spaceBefore)
        {
            Kind = kind;
            Text = text;
            SpaceBefore = spaceBefore;
        }

        public AddressTokenKind Kind { get; }

        /// <summary>Atom text, unescaped quoted/comment content, a domain literal with brackets, or the special character.</summary>
        public string Text { get; }

        public bool SpaceBefore { get; }

        public bool IsSpecial(char c) => Kind == AddressTokenKind.Special && Text[0] == c;

        public bool IsWord => Kind == AddressTokenKind.Atom || Kind == AddressTokenKind.QuotedString;

        /// <summary>
        /// Splits an address header. Never fails: unterminated quotes, comments and
        /// literals run to the end, and stray characters become atoms. Encoded words are
        /// kept whole even when they hold specials (commas, dots) that broken mailers leave
        /// unencoded inside them.
        /// </summary>
        public static List<AddressToken> Tokenize(string text)
        {
            var tokens = new List<AddressToken>();
            var space = false;
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                {
                    space = true;
                    i++;
                    continue;
                }

                if (c == '(')
                {
                    tokens.Add(new AddressToken(AddressTokenKind.Comment, ReadComment(text, ref i), space));
                    space = true;
                    continue;
                }

                if (c == '"')
                {
                    tokens.Add(new AddressToken(AddressTokenKind.QuotedString, ReadQuoted(text, ref i), space));
                }
                else if (c == '[')
                {
                    var close = text.IndexOf(']', i + 1);
                    var end = close < 0 ? text.Length : close + 1;
                    tokens.Add(new AddressToken(AddressTokenKind.DomainLiteral, text.Substring(i, end - i), space));
                    i = end;
                }
                else if (IsSpecialChar(c))
                {
                    tokens.Add(new AddressToken(AddressTokenKind.Special, c.ToString(), space));
                    i++;
                }
                else
                {
                    var word = EncodedWordDecoder.MatchAt(text, i);
                    var end = i + (word > 0 ? word : 1);
                    while (end < text.Length && IsAtomChar(text[end]) && !(text[end] == '=' && EncodedWordDecoder.MatchAt(text, end) > 0))
                    {
                        end++;
                    }

                    tokens.Add(new AddressToken(AddressTokenKind.Atom, text.Substring(i, end - i), space));
                    i = end;
                }

                space = false;
            }

            return tokens;
        }

        private static string ReadComment(string text, ref int i)
        {
            var content = new StringBuilder();
            var depth = 0;
            while (i < text.Length)
            {
                var c = text[i++];
                if (c == '\\' && i < text.Length)
                {
                    content.Append(text[i++]);
                    continue;
                }

                if (c == '(')
                {
                    if (depth++ == 0)
                    {
                        continue;
                    }
                }
                else if (c == ')' && --depth == 0)
                {
                    break;
                }

                content.Append(c);
            }

            return content.ToString();
        }

        private static string ReadQuoted(string text, ref int i)
        {
            var content = new StringBuilder();
            i++;
            while (i < text.Length)
            {
                var c = text[i++];
                if (c == '"')
                {
                    break;
                }

                if (c == '\\' && i < text.Length)
                {
                    c = text[i++];
                }

                content.Append(c);
            }

            return content.ToString();
        }

        private static bool IsSpecialChar(char c) => c == '<' || c == '>' || c == ',' || c == ':' || c == ';' || c == '@' || c == '.';

        private static bool IsAtomChar(char c) =>
            !(c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '(' || c == ')' || c == '"' || c == '[' || c == ']' || IsSpecialChar(c));
    }
}
