using System.Text;
using Pop3Tools.Engine.Mime;

namespace Pop3Tools.Engine.Tests.Mime
{
    /// <summary>The Date column of the listing: MimeKit reads the field, null when it cannot.</summary>
    public class DateMappingTests
    {
        private static DateTimeOffset? Date(string value) =>
            MessageHeaders.Parse(new MemoryStream(Encoding.UTF8.GetBytes("Date: " + value + "\r\n\r\n"))).Date;

        [Theory]
        [InlineData("Fri, 21 Nov 1997 09:55:06 -0600", 1997, 11, 21, 9, 55, 6, -360)]
        [InlineData("Tue, 1 Jul 2003 10:52:37 +0200", 2003, 7, 1, 10, 52, 37, 120)]
        [InlineData("Thu, 13 Feb 1969 23:32:54 -0330", 1969, 2, 13, 23, 32, 54, -210)]
        [InlineData("21 Nov 97 09:55:06 GMT", 1997, 11, 21, 9, 55, 6, 0)]
        [InlineData("Fri, 21 Nov 1997 09:55:06 EST", 1997, 11, 21, 9, 55, 6, -300)]
        [InlineData("Mon, 15 Jan 2024 08:30:00 +0900 (JST)", 2024, 1, 15, 8, 30, 0, 540)]
        public void ReadableDates(string text, int year, int month, int day, int hour, int minute, int second, int offsetMinutes)
        {
            Assert.Equal(new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromMinutes(offsetMinutes)), Date(text));
        }

        [Theory]
        [InlineData("someday soon")]
        [InlineData("")]
        [InlineData("Fri, 31 Feb 2024 10:00:00 +0000")]
        public void UnreadableDates_AreNull(string text)
        {
            Assert.Null(Date(text));
        }

        [Fact]
        public void SecondDateField_IsUsedWhenTheFirstIsUnreadable()
        {
            var headers = MessageHeaders.Parse(new MemoryStream(Encoding.ASCII.GetBytes("Date: garbage\r\nDate: Tue, 1 Jul 2003 10:52:37 +0200\r\n\r\n")));

            Assert.Equal(new DateTimeOffset(2003, 7, 1, 10, 52, 37, TimeSpan.FromHours(2)), headers.Date);
        }
    }
}
