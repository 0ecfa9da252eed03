using System.Globalization;
using System.Text.RegularExpressions;

namespace Pop3Tools.Engine.Tests.Dovecot;

/// <summary>Every message of the default mailbox through RETR and TOP, pipelined and one at a time.</summary>
public sealed class DovecotRetrievalTests
{
    private static DovecotLab Lab => DovecotLab.Shared;

    private static IReadOnlyList<GeneratedMessage> Expected => DovecotLab.AliceMessages;

    private static IEnumerable<int> AllNumbers => Enumerable.Range(1, Expected.Count);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Retrieve_yields_exactly_the_generated_bytes_of_every_message(bool usePipelining)
    {
        using var client = LabClient.LogIn(Lab, DovecotLab.AliceUser, DovecotLab.AlicePassword, usePipelining);

        var (messages, errors) = LabClient.Collect((onMessage, onError) =>
            client.Retrieve(AllNumbers, onMessage, onError, CancellationToken.None));

        Assert.Empty(errors);
        Assert.Equal(AllNumbers, messages.Keys.Order());
        foreach (var number in AllNumbers)
        {
            ByteAssert.Equal(Expected[number - 1].Bytes, messages[number], $"RETR {number} ({Expected[number - 1]})");
        }
    }

    // Dovecot answers TOP n 0 with the header block and the empty line that ends it, for an
    // empty body too (observed with 2.3.19; RFC 1939 leaves the empty line implicit).
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Top_with_no_body_lines_yields_exactly_the_generated_header_block(bool usePipelining)
    {
        using var client = LabClient.LogIn(Lab, DovecotLab.AliceUser, DovecotLab.AlicePassword, usePipelining);

        var (headers, errors) = LabClient.Collect((onMessage, onError) =>
            client.Top(AllNumbers, 0, onMessage, onError, CancellationToken.None));

        Assert.Empty(errors);
        Assert.Equal(AllNumbers, headers.Keys.Order());
        foreach (var number in AllNumbers)
        {
            ByteAssert.Equal(Expected[number - 1].HeaderBytes, headers[number], $"TOP {number} 0 ({Expected[number - 1]})");
        }
    }

    [Fact]
    public void List_reports_each_messages_crlf_size_and_uidl_gives_distinct_uids()
    {
        using var client = LabClient.LogIn(Lab, DovecotLab.AliceUser, DovecotLab.AlicePassword);

        var list = client.List(CancellationToken.None);
        var uids = client.Uidl(CancellationToken.None) ?? throw new InvalidOperationException("Dovecot refused UIDL");

        Assert.Equal(Expected.Select((message, index) => (index + 1, (long)message.Bytes.Length)), list.Select(entry => (entry.Number, entry.Size)));
        Assert.Equal(AllNumbers, uids.Select(entry => entry.Number));
        Assert.Equal(uids.Count, uids.Select(entry => entry.Uid).Distinct().Count());
        // pop3_uidl_format = %08Xu%08Xv gives the IMAP UID and UIDVALIDITY as 8 hex digits each,
        // in LOWER case despite the X (observed with 2.3.19: "000000016b021dd1"). The lab names
        // its maildir files so that message i gets UID i.
        Assert.All(uids, entry => Assert.Matches(new Regex("^[0-9a-f]{16}$"), entry.Uid));
        Assert.All(uids, entry => Assert.Equal(entry.Number.ToString("x8", CultureInfo.InvariantCulture), entry.Uid[..8]));
    }

    [Fact]
    public void The_bulk_mailbox_lists_all_its_messages_with_their_sizes()
    {
        using var client = LabClient.LogIn(Lab, DovecotLab.BulkUser, DovecotLab.BulkPassword);

        var list = client.List(CancellationToken.None);

        Assert.Equal(DovecotLab.BulkMessages.Select(message => (long)message.Bytes.Length), list.Select(entry => entry.Size));
    }

    [Fact]
    public void A_number_past_the_end_goes_to_on_error_as_message_not_found_and_the_batch_goes_on()
    {
        using var client = LabClient.LogIn(Lab, DovecotLab.AliceUser, DovecotLab.AlicePassword);
        var pastTheEnd = Expected.Count + 1;

        var (messages, errors) = LabClient.Collect((onMessage, onError) =>
            client.Retrieve(new[] { 1, pastTheEnd, 2 }, onMessage, onError, CancellationToken.None));

        Assert.Equal(Pop3ErrorKind.MessageNotFound, Assert.Single(errors, pair => pair.Key == pastTheEnd).Value.Kind);
        ByteAssert.Equal(Expected[0].Bytes, messages[1], "RETR 1");
        ByteAssert.Equal(Expected[1].Bytes, messages[2], "RETR 2");
    }
}
