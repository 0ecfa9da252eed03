namespace Pop3Tools.Engine.Tests.Dovecot;

public sealed class MailGeneratorTests
{
    [Fact]
    public void The_same_seed_gives_the_same_messages()
    {
        var first = new MailGenerator(5).Bulk(20);
        var second = new MailGenerator(5).Bulk(20);

        Assert.Equal(first.Select(m => m.Bytes), second.Select(m => m.Bytes));
        Assert.Equal(first.Select(m => m.Subject), second.Select(m => m.Subject));
    }

    [Fact]
    public void The_default_mailbox_covers_every_kind_within_the_promised_sizes()
    {
        var messages = DovecotLab.AliceMessages;

        Assert.Equal(MailGenerator.DefaultMailboxSize, messages.Count);
        Assert.Equal(
            new[] { "alternative", "attachment", "dot-lines", "empty-body", "folded-subject", "iso-2022-jp", "large", "long-lines", "plain", "q-encoded", "shift_jis", "utf-8" },
            messages.Select(m => m.Kind).Distinct().Order(StringComparer.Ordinal));
        Assert.InRange(Assert.Single(messages, m => m.Kind == "large").Bytes.Length, 5_000_000, 6_000_000);
        Assert.All(messages.Where(m => m.Kind is not "large" and not "empty-body"), m => Assert.InRange(m.Bytes.Length, 1024, 210 * 1024));
        Assert.Equal(Assert.Single(messages, m => m.Kind == "empty-body").HeaderLength, Assert.Single(messages, m => m.Kind == "empty-body").Bytes.Length);
    }

    [Fact]
    public void Every_header_block_ends_with_an_empty_line_and_the_message_with_crlf()
    {
        Assert.All(DovecotLab.AliceMessages.Concat(new MailGenerator(6).Bulk(50)), message =>
        {
            Assert.Equal("\r\n\r\n"u8.ToArray(), message.HeaderBytes[^4..]);
            Assert.Equal("\r\n"u8.ToArray(), message.Bytes[^2..]);
        });
    }
}
