using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pop3Tools.Engine.Mime
{
    /// <summary>
    /// Parses RFC 5322 §3.3 dates with the obsolete syntax of §4.3 and the broken
    /// forms real mail carries: comments, missing day names or seconds, ctime order
    /// ("Mon Jan 1 10:00:00 2024"), ISO 8601, month names in any case.
    /// </summary>
    internal static class MailDateParser
    {
        private static readonly string[] Months =
        {
            "january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december",
        };

        private static readonly string[] Days = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" };

        // RFC 5322 §4.3 obsolete zone names, in minutes east of UTC.
        private static readonly Dictionary<string, int> ZoneNames = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
        {
            ["UT"] = 0, ["UTC"] = 0, ["GMT"] = 0, ["Z"] = 0,
            ["EST"] = -5 * 60, ["EDT"] = -4 * 60,
            ["CST"] = -6 * 60, ["CDT"] = -5 * 60,
            ["MST"] = -7 * 60, ["MDT"] = -6 * 60,
            ["PST"] = -8 * 60, ["PDT"] = -7 * 60,
        };

        // [0-9], not \d: .NET's \d matches every Unicode digit, which int.Parse then rejects.
        private static readonly Regex Iso = new Regex(
            @"^(?<y>[0-9]{4})-(?<mo>[0-9]{1,2})-(?<d>[0-9]{1,2})(?:[Tt ]+(?<h>[0-9]{1,2}):(?<mi>[0-9]{2})(?::(?<s>[0-9]{2})(?:[.,][0-9]+)?)?)?\s*(?<zone>[Zz]|UTC|GMT|[+-][0-9]{2}(?::?[0-9]{2})?)?$",
            RegexOptions.CultureInvariant);

        private static readonly Regex Time = new Regex(
            @"^(?<h>[0-9]{1,2}):(?<mi>[0-9]{1,2})(?::(?<s>[0-9]{1,2})(?:[.,][0-9]+)?)?(?<zone>[+-][0-9]{2}:?[0-9]{2}|[A-Za-z]+)?$",
            RegexOptions.CultureInvariant);

        private static readonly Regex NumericZone = new Regex(@"^(?<sign>[+-])(?<h>[0-9]{2})(?::?(?<m>[0-9]{2}))?$", RegexOptions.CultureInvariant);

        private static readonly Regex DashedDate = new Regex(@"^(?<d>[0-9]{1,2})-(?<mo>[A-Za-z]+)-(?<y>[0-9]{2,4})$", RegexOptions.CultureInvariant);

        public static bool TryParse(string? text, out DateTimeOffset value)
        {
            value = default;
            if (string.IsNullOrWhiteSpace(text))
            {
                return false;
            }

            var cleaned = StripComments(text!).Trim();
            return TryParseIso(cleaned, out value) || TryParseRfc(cleaned, out value);
        }

        private static bool TryParseIso(string text, out DateTimeOffset value)
        {
            value = default;
            var match = Iso.Match(text);
            if (!match.Success)
            {
                return false;
            }

            var fields = new DateFields
            {
                Year = Number(match, "y"),
                Month = Number(match, "mo"),
                Day = Number(match, "d"),
                Hour = match.Groups["h"].Success ? Number(match, "h") : 0,
                Minute = match.Groups["mi"].Success ? Number(match, "mi") : 0,
                Second = match.Groups["s"].Success ? Number(match, "s") : 0,
            };
            ApplyZone(match.Groups["zone"].Value, fields);
            return fields.TryBuild(out value);
        }

        private static bool TryParseRfc(string text, out DateTimeOffset value)
        {
            value = default;
            var fields = new DateFields();
            foreach (var token in Tokens(text))
            {
                Classify(token, fields);
            }

            if (fields.Year < 0 || fields.Month < 0 || fields.Day < 0)
            {
                return false;
            }

            if (fields.Hour < 0)
            {
                // A date without a time: midnight, rather than losing the day.
                fields.Hour = fields.Minute = fields.Second = 0;
            }

            return fields.TryBuild(out value);
        }

        private static void Classify(string token, DateFields fields)
        {
            var dashed = DashedDate.Match(token);
            if (dashed.Success)
            {
                Classify(dashed.Groups["d"].Value, fields);
                Classify(dashed.Groups["mo"].Value, fields);
                Classify(dashed.Groups["y"].Value, fields);
                return;
            }

            var time = Time.Match(token);
            if (time.Success)
            {
                if (fields.Hour < 0)
                {
                    fields.Hour = Number(time, "h");
                    fields.Minute = Number(time, "mi");
                    fields.Second = time.Groups["s"].Success ? Number(time, "s") : 0;
                    ApplyZone(time.Groups["zone"].Value, fields);
                }

                return;
            }

            if (token[0] == '+' || token[0] == '-')
            {
                ApplyZone(token, fields);
                return;
            }

            if (char.IsDigit(token[0]))
            {
                ClassifyNumber(token, fields);
                return;
            }

            ClassifyWord(token, fields);
        }

        private static void ClassifyNumber(string token, DateFields fields)
        {
            if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return;
            }

            if (token.Length <= 2 && fields.Day < 0)
            {
                fields.Day = number;
            }
            else if (fields.Year < 0)
            {
                fields.Year = ExpandYear(number, token.Length);
            }
        }

        /// <summary>RFC 5322 §4.3: 00-49 are 2000-2049; 50-99 and any three-digit year add 1900.</summary>
        private static int ExpandYear(int year, int digits)
        {
            if (digits == 2)
            {
                return year < 50 ? 2000 + year : 1900 + year;
            }

            return digits == 3 ? 1900 + year : year;
        }

        private static void ClassifyWord(string token, DateFields fields)
        {
            var word = token.TrimEnd('.');
            if (word.Length >= 3)
            {
                var month = PrefixIndex(Months, word);
                if (month >= 0 && fields.Month < 0)
                {
                    fields.Month = month + 1;
                    return;
                }

                if (PrefixIndex(Days, word) >= 0)
                {
                    // The day name is redundant; a wrong one must not void the date.
                    return;
                }
            }

            ApplyZone(word, fields);
        }

        /// <summary>
        /// Numeric zones win over names. Names other than those of RFC 5322 §4.3, the
        /// military letters among them, mean "-0000": the time is UTC and the local zone unknown.
        /// </summary>
        private static void ApplyZone(string zone, DateFields fields)
        {
            if (zone.Length == 0)
            {
                return;
            }

            var numeric = NumericZone.Match(zone);
            if (!numeric.Success)
            {
                // "GMT+0100", "UTC-05:00": a name glued to a numeric offset.
                var sign = zone.IndexOfAny(new[] { '+', '-' });
                if (sign > 0 && ZoneNames.ContainsKey(zone.Substring(0, sign)))
                {
                    ApplyZone(zone.Substring(sign), fields);
                    return;
                }
            }

            if (numeric.Success)
            {
                var hours = Number(numeric, "h");
                var minutes = numeric.Groups["m"].Success ? Number(numeric, "m") : 0;
                var offset = hours * 60 + minutes;
                if (minutes < 60 && offset <= 14 * 60)
                {
                    fields.Offset = numeric.Groups["sign"].Value == "-" ? -offset : offset;
                    fields.NumericZone = true;
                }

                return;
            }

            if (!fields.NumericZone && fields.Offset == null && IsAlphabetic(zone))
            {
                fields.Offset = ZoneNames.TryGetValue(zone, out var named) ? named : 0;
            }
        }

        private static int PrefixIndex(string[] names, string word)
        {
            for (var i = 0; i < names.Length; i++)
            {
                if (names[i].StartsWith(word, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            return -1;
        }

        private static IEnumerable<string> Tokens(string text)
        {
            foreach (var token in text.Split(new[] { ' ', '\t', '\r', '\n', ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                yield return token;
            }
        }

        private static string StripComments(string text)
        {
            if (text.IndexOf('(') < 0)
            {
                return text;
            }

            var result = new StringBuilder(text.Length);
            var depth = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\\' && depth > 0)
                {
                    i++;
                }
                else if (c == '(')
                {
                    depth++;
                }
                else if (c == ')' && depth > 0)
                {
                    depth--;
                    result.Append(' ');
                }
                else if (depth == 0)
                {
                    result.Append(c);
                }
            }

            return result.ToString();
        }

        private static bool IsAlphabetic(string text)
        {
            foreach (var c in text)
            {
                if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
                {
                    return false;
                }
            }

            return true;
        }

        private static int Number(Match match, string group) =>
            int.Parse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture);

        /// <summary>What the tokens have told so far; -1 means not seen yet.</summary>
        private sealed class DateFields
        {
            public int Year = -1;
            public int Month = -1;
            public int Day = -1;
            public int Hour = -1;
            public int Minute = -1;
            public int Second = -1;
            public int? Offset;
            public bool NumericZone;

            public bool TryBuild(out DateTimeOffset value)
            {
                value = default;
                if (Year < 1 || Year > 9999 || Month < 1 || Month > 12 || Day < 1 || Day > DateTime.DaysInMonth(Year, Month))
                {
                    return false;
                }

                // A leap second has no DateTime; 60 becomes 59 rather than losing the date.
                var second = Second == 60 ? 59 : Second;
                if (Hour > 23 || Minute > 59 || second > 59)
                {
                    return false;
                }

                // No zone at all: taken as UTC, the RFC's "-0000" meaning "local zone unknown".
                var offset = TimeSpan.FromMinutes(Offset ?? 0);
                try
                {
                    value = new DateTimeOffset(Year, Month, Day, Hour, Minute, second, offset);
                    return true;
                }
                catch (ArgumentOutOfRangeException)
                {
                    // The zone pushed the instant outside DateTimeOffset's range (year 1 or 9999).
                    return false;
                }
            }
        }
    }
}
