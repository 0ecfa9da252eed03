using System.Collections.Generic;
using System.Text;

namespace Pop3Tools.Engine.Mime
{
    /// <summary>
    /// Parses RFC 5322 address lists (§3.4) into mailboxes, flattening groups. Built for
    /// the mail servers actually hold: unquoted commas and dots in display names, missing
    /// angle brackets, semicolons as separators and obsolete routes all give a sensible
    /// answer, and nothing throws.
    /// </summary>
    internal static class AddressParser
    {
        /// <summary>Parses the raw (undecoded) value of an address field.</summary>
        public static List<Pop3MailAddress> ParseList(string rawValue)
        {
            var items = SplitItems(AddressToken.Tokenize(rawValue ?? string.Empty));
            var addresses = new List<Pop3MailAddress>();
            string? carriedName = null;

            for (var k = 0; k < items.Count; k++)
            {
                var item = items[k];
                if (IsPhraseOnly(item) && k + 1 < items.Count && HasAngle(items[k + 1]))
                {
                    // "Doe, John <jdoe@example.com>": the comma was part of an unquoted name.
                    var phrase = PhraseText(item, 0, item.Count);
                    carriedName = carriedName == null ? phrase : carriedName + ", " + phrase;
                    continue;
                }

                var address = ParseMailbox(item);
                if (carriedName != null && address != null)
                {
                    var name = address.DisplayName.Length == 0 ? carriedName : carriedName + ", " + address.DisplayName;
                    address = new Pop3MailAddress(name, address.Address);
                }

                carriedName = null;
                if (address != null)
                {
                    addresses.Add(address);
                }
            }

            return addresses;
        }

        /// <summary>
        /// Splits at ',' and ';' outside angle brackets and drops group names ("Team:").
        /// A comma inside brackets separates only route domains ("&lt;@a,@b:u@h&gt;");
        /// any other ends an address whose '&gt;' is missing.
        /// </summary>
        private static List<List<AddressToken>> SplitItems(List<AddressToken> tokens)
        {
            var items = new List<List<AddressToken>>();
            var item = new List<AddressToken>();
            var inAngle = false;

            // Tracked as tokens arrive so a hostile run of ':' stays linear.
            var itemHasAddress = false;

            for (var i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i];
                var endsItem = false;
                if (token.IsSpecial('<'))
                {
                    inAngle = true;
                }
                else if (token.IsSpecial('>'))
                {
                    inAngle = false;
                }
                else if (token.IsSpecial(','))
                {
                    endsItem = !(inAngle && i + 1 < tokens.Count && tokens[i + 1].IsSpecial('@'));
                }
                else if (token.IsSpecial(';'))
                {
                    endsItem = true;
                }
                else if (token.IsSpecial(':') && !inAngle && !itemHasAddress)
                {
                    // A group's display name: its members follow, the name itself is no mailbox.
                    item.Clear();
                    continue;
                }

                if (endsItem)
                {
                    inAngle = false;
                    itemHasAddress = false;
                    items.Add(item);
                    item = new List<AddressToken>();
                    continue;
                }

                itemHasAddress |= token.IsSpecial('@') || token.IsSpecial('<');
                item.Add(token);
            }

            items.Add(item);
            return items;
        }

        private static Pop3MailAddress? ParseMailbox(List<AddressToken> item)
        {
            if (CountMeaningful(item) == 0)
            {
                return null;
            }

            var open = IndexOfSpecial(item, '<', 0);
            if (open >= 0)
            {
                var angle = ParseAngleAddress(item, open);
                return angle.Address.Length == 0 && angle.DisplayName.Length == 0 ? null : angle;
            }

            var at = IndexOfSpecial(item, '@', 0);
            if (at >= 0)
            {
                return ParseBareAddress(item, at);
            }

            // No '@' at all: a local mailbox ("root") or a name whose address is missing.
            var only = item[IndexOfFirstMeaningful(item)];
            return CountMeaningful(item) == 1 && only.Kind == AddressTokenKind.Atom
                ? new Pop3MailAddress(CommentText(item), only.Text)
                : new Pop3MailAddress(PhraseText(item, 0, item.Count), string.Empty);
        }

        private static Pop3MailAddress ParseAngleAddress(List<AddressToken> item, int open)
        {
            var close = IndexOfSpecial(item, '>', open + 1);
            var end = close < 0 ? item.Count : close;

            // Obsolete source route "<@relay1,@relay2:user@host>": the mailbox follows the colon.
            var start = open + 1;
            var first = start;
            while (first < end && item[first].Kind == AddressTokenKind.Comment)
            {
                first++;
            }

            if (first < end && item[first].IsSpecial('@'))
            {
                var colon = IndexOfSpecial(item, ':', first);
                if (colon >= 0 && colon < end)
                {
                    start = colon + 1;
                }
            }

            var address = AddrSpecText(item, start, end);
            var name = PhraseText(item, 0, open);
            if (name.Length == 0 && close >= 0)
            {
                name = PhraseText(item, close + 1, item.Count);
            }

            if (name.Length == 0)
            {
                name = CommentText(item);
            }

            return new Pop3MailAddress(name, address);
        }

        /// <summary>
        /// An addr-spec without brackets, possibly behind an unbracketed name
        /// ("John Doe jdoe@example.com"). Words belong to the address only when a dot
        /// binds them to it, whatever the spacing: that keeps obsolete "test . example"
        /// domains and the dotted local parts some carriers issue ("a..b.@example.jp"),
        /// and leaves the words of a name outside.
        /// </summary>
        private static Pop3MailAddress ParseBareAddress(List<AddressToken> item, int at)
        {
            var start = at;
            while (start > 0 && IsAddrSpecPart(item[start - 1]) && (item[start - 1].IsSpecial('.') || item[start].IsSpecial('.') || start == at))
            {
                start--;
            }

            var end = at + 1;
            while (end < item.Count && IsAddrSpecPart(item[end]) && (item[end].IsSpecial('.') || item[end - 1].IsSpecial('.') || end == at + 1))
            {
                end++;
            }

            var address = AddrSpecText(item, start, end);
            var name = (PhraseText(item, 0, start) + " " + PhraseText(item, end, item.Count)).Trim();
            if (name.Length == 0)
            {
                name = CommentText(item);
            }

            return new Pop3MailAddress(name, address);
        }

        private static bool IsAddrSpecPart(AddressToken token) =>
            token.IsWord || token.Kind == AddressTokenKind.DomainLiteral || token.IsSpecial('.');

        /// <summary>An addr-spec with whitespace and comments removed (obsolete CFWS around dots is allowed).</summary>
        private static string AddrSpecText(List<AddressToken> item, int start, int end)
        {
            var text = new StringBuilder();
            for (var i = start; i < end; i++)
            {
                var token = item[i];
                switch (token.Kind)
                {
                    case AddressTokenKind.QuotedString:
                        text.Append('"').Append(token.Text.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
                        break;
                    case AddressTokenKind.Atom:
                    case AddressTokenKind.DomainLiteral:
                        text.Append(token.Text);
                        break;
                    case AddressTokenKind.Special:
                        if (token.IsSpecial('.') || token.IsSpecial('@'))
                        {
                            text.Append(token.Text);
                        }

                        break;
                }
            }

            return text.ToString();
        }

        /// <summary>
        /// A display name: words joined as the sender spaced them, quoted strings unescaped,
        /// then encoded words decoded, including ones wrongly placed inside quotes.
        /// </summary>
        private static string PhraseText(List<AddressToken> item, int start, int end)
        {
            var text = new StringBuilder();
            for (var i = start; i < end; i++)
            {
                var token = item[i];
                if (token.Kind == AddressTokenKind.Comment)
                {
                    continue;
                }

                if (text.Length > 0 && token.SpaceBefore)
                {
                    text.Append(' ');
                }

                text.Append(token.Text);
            }

            return Tidy(EncodedWordDecoder.Decode(text.ToString()));
        }

        /// <summary>The old "jdoe@example.com (John Doe)" convention: a comment standing in for the name.</summary>
        private static string CommentText(List<AddressToken> item)
        {
            foreach (var token in item)
            {
                if (token.Kind == AddressTokenKind.Comment)
                {
                    var text = Tidy(EncodedWordDecoder.Decode(token.Text));
                    if (text.Length > 0)
                    {
                        return text;
                    }
                }
            }

            return string.Empty;
        }

        // Outlook-style 'John Doe' and doubly quoted names lose their extra quotes.
        private static string Tidy(string name)
        {
            name = name.Trim();
            while (name.Length >= 2 && (name[0] == '\'' || name[0] == '"') && name[name.Length - 1] == name[0])
            {
                name = name.Substring(1, name.Length - 2).Trim();
            }

            return name;
        }

        private static bool IsPhraseOnly(List<AddressToken> item) =>
            CountMeaningful(item) > 0 && !Contains(item, '@') && !HasAngle(item);

        private static bool HasAngle(List<AddressToken> item) => Contains(item, '<');

        private static bool Contains(List<AddressToken> item, char special) => IndexOfSpecial(item, special, 0) >= 0;

        private static int IndexOfSpecial(List<AddressToken> item, char special, int from)
        {
            for (var i = from; i < item.Count; i++)
            {
                if (item[i].IsSpecial(special))
                {
                    return i;
                }
            }

            return -1;
        }

        private static int CountMeaningful(List<AddressToken> item)
        {
            var count = 0;
            foreach (var token in item)
            {
                if (token.Kind != AddressTokenKind.Comment)
                {
                    count++;
                }
            }

            return count;
        }

        private static int IndexOfFirstMeaningful(List<AddressToken> item)
        {
            for (var i = 0; i < item.Count; i++)
            {
                if (item[i].Kind != AddressTokenKind.Comment)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
