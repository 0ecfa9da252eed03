using Pop3Tools.Engine.Mime;

namespace Pop3Tools.Engine.Tests.Mime
{
    public class MailDateParserTests
    {
        private static DateTimeOffset Parse(string text)
        {
            Assert.True(MailDateParser.TryParse(text, out var value), "not parsed: " + text);
            return value;
        }

        private static DateTimeOffset At(int year, int month, int day, int hour, int minute, int second, int offsetMinutes) =>
            new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromMinutes(offsetMinutes));

        // RFC 5322 Appendix A.
        [Fact]
        public void AppendixA_Dates()
        {
            Assert.Equal(At(1997, 11, 21, 9, 55, 6, -6 * 60), Parse("Fri, 21 Nov 1997 09:55:06 -0600"));
            Assert.Equal(At(2003, 7, 1, 10, 52, 37, 2 * 60), Parse("Tue, 1 Jul 2003 10:52:37 +0200"));
            Assert.Equal(At(1969, 2, 13, 23, 32, 54, -(3 * 60 + 30)), Parse("Thu, 13 Feb 1969 23:32:54 -0330"));
            Assert.Equal(At(1997, 11, 21, 9, 55, 6, 0), Parse("21 Nov 97 09:55:06 GMT"));
            Assert.Equal(
                At(1969, 2, 13, 23, 32, 0, -(3 * 60 + 30)),
                Parse("Thu,\r\n      13\r\n        Feb\r\n          1969\r\n      23:32\r\n               -0330 (Newfoundland Time)"));
        }

        // RFC 5322 §4.3 obsolete zone names.
        [Theory]
        [InlineData("UT", 0)]
        [InlineData("GMT", 0)]
        [InlineData("EST", -5)]
        [InlineData("EDT", -4)]
        [InlineData("CST", -6)]
        [InlineData("CDT", -5)]
        [InlineData("MST", -7)]
        [InlineData("MDT", -6)]
        [InlineData("PST", -8)]
        [InlineData("PDT", -7)]
        [InlineData("est", -5)]
        public void ObsoleteZoneNames(string zone, int hours)
        {
            Assert.Equal(At(2024, 3, 5, 10, 0, 0, hours * 60), Parse("Tue, 5 Mar 2024 10:00:00 " + zone));
        }

        // RFC 5322 §4.3: military zones are to be taken as "-0000" (no information).
        [Theory]
        [InlineData("A")]
        [InlineData("I")]
        [InlineData("K")]
        [InlineData("M")]
        [InlineData("N")]
        [InlineData("Y")]
        [InlineData("Z")]
        [InlineData("z")]
        public void MilitaryZones_AreMinusZero(string zone)
        {
            var value = Parse("Tue, 5 Mar 2024 10:00:00 " + zone);

            Assert.Equal(At(2024, 3, 5, 10, 0, 0, 0), value);
            Assert.Equal(TimeSpan.Zero, value.Offset);
        }

        // RFC 5322 §4.3: 00-49 → 2000-2049, 50-99 → 1950-1999, three digits + 1900.
        [Theory]
        [InlineData("00", 2000)]
        [InlineData("24", 2024)]
        [InlineData("49", 2049)]
        [InlineData("50", 1950)]
        [InlineData("99", 1999)]
        [InlineData("103", 2003)]
        [InlineData("2024", 2024)]
        public void Years(string year, int expected)
        {
            Assert.Equal(expected, Parse("1 Jan " + year + " 00:00:00 +0000").Year);
        }

        [Theory]
        [InlineData("Mon, 1 Jan 2024 10:00:00 +0000 (UTC)")]
        [InlineData("1 Jan 2024 10:00:00 +0000")]
        [InlineData("Mon,  1   Jan  2024   10:00:00   +0000")]
        [InlineData("Mon, 01 JAN 2024 10:00:00 +0000")]
        [InlineData("mon, 1 january 2024 10:00:00 +0000")]
        [InlineData("Mon, 1 Jan. 2024 10:00:00 +0000")]
        [InlineData("Mon, 1 Jan 2024 10:00 +0000")]
        [InlineData("Mon, 1 Jan 2024 10:00:00 GMT+0000")]
        [InlineData("Mon, 1 Jan 2024 10:00:00 +00:00")]
        [InlineData("Mon, 1 Jan 2024 10:00:00 +0000 GMT")]
        [InlineData("Mon 1 Jan 2024 10:00:00 UTC")]
        [InlineData("Mon Jan  1 10:00:00 2024")]
        [InlineData("Mon, 1-Jan-2024 10:00:00 +0000")]
        [InlineData("2024-01-01T10:00:00Z")]
        [InlineData("2024-01-01T10:00:00+00:00")]
        [InlineData("2024-01-01 10:00:00")]
        [InlineData("(comment first) Mon, 1 Jan 2024 10:00:00 (nested (comment)) +0000")]
        [InlineData("Tue, 1 Jan 2024 10:00:00 +0000")]
        [InlineData("Mon, 1 Jan 2024 10:00:00.123 +0000")]
        public void CommonForms_AllMeanTheSameInstant(string text)
        {
            Assert.Equal(At(2024, 1, 1, 10, 0, 0, 0), Parse(text));
        }

        [Fact]
        public void MissingZone_IsUtc()
        {
            var value = Parse("Mon, 1 Jan 2024 10:00:00");

            Assert.Equal(TimeSpan.Zero, value.Offset);
            Assert.Equal(At(2024, 1, 1, 10, 0, 0, 0), value);
        }

        [Fact]
        public void UnknownZoneName_IsMinusZero()
        {
            Assert.Equal(At(2024, 1, 1, 10, 0, 0, 0), Parse("Mon, 1 Jan 2024 10:00:00 CEST"));
        }

        [Fact]
        public void NumericZoneWithMinutes()
        {
            Assert.Equal(At(2024, 1, 1, 10, 0, 0, 5 * 60 + 45), Parse("Mon, 1 Jan 2024 10:00:00 +0545"));
            Assert.Equal(At(2024, 1, 1, 10, 0, 0, 9 * 60), Parse("2024-01-01T10:00:00+09:00"));
        }

        [Fact]
        public void LeapSecond_IsKeptAsTheSameMinute()
        {
            Assert.Equal(At(2016, 12, 31, 23, 59, 59, 0), Parse("Sat, 31 Dec 2016 23:59:60 +0000"));
        }

        [Fact]
        public void MissingTime_IsMidnight()
        {
            Assert.Equal(At(2024, 1, 1, 0, 0, 0, 0), Parse("1 Jan 2024"));
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData(null)]
        [InlineData("not a date")]
        [InlineData("31 Feb 2024 10:00:00 +0000")]
        [InlineData("1 Foo 2024 10:00:00 +0000")]
        [InlineData("1 Jan 2024 25:00:00 +0000")]
        [InlineData("1 Jan 2024 10:61:00 +0000")]
        [InlineData("Jan 2024")]
        [InlineData("99999999999999999999 Jan 2024")]
        public void Unparseable_ReturnsFalse(string? text)
        {
            Assert.False(MailDateParser.TryParse(text, out _));
        }

        // Regex \d also matches non-ASCII digits, which int.Parse rejects: such text must
        // read as "no date", never throw out of header parsing.
        [Theory]
        [InlineData("\u0662\u0660\u0662\u0664-\u0660\u0661-\u0660\u0661")]
        [InlineData("\u0661 Jan 2024 \u0661\u0660:\u0660\u0660:\u0660\u0660")]
        [InlineData("\uFF11\uFF10:\uFF10\uFF10")]
        public void NonAsciiDigits_AreNotADate(string text)
        {
            Assert.False(MailDateParser.TryParse(text, out _));
        }

        [Fact]
        public void NonAsciiDigitsInTheZone_LeaveTheZoneUnknown()
        {
            Assert.Equal(At(2024, 1, 1, 10, 0, 0, 0), Parse("Mon, 1 Jan 2024 10:00:00 +\u0660\u0661\u0660\u0660"));
        }

        [Fact]
        public void OutOfRangeOffset_IsIgnoredNotThrown()
        {
            Assert.Equal(At(2024, 1, 1, 10, 0, 0, 0), Parse("Mon, 1 Jan 2024 10:00:00 +9959"));
        }
    }
}
