using Pop3Tools.Engine.Tests.Dovecot;
using static Pop3Tools.Engine.Tests.Mailbox.Export.ExportHarness;

namespace Pop3Tools.Engine.Tests.Mailbox.Export
{
    /// <summary>Object mode against the real Dovecot lab: each RETR stream parsed into a Pop3Message.</summary>
    public sealed class DovecotReceiveTests
    {
        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Receive_parses_each_message_in_order_and_keeps_the_exact_bytes_only_on_request(bool keepRaw)
        {
            var messages = new MailGenerator(1939).DefaultMailbox().Take(12).ToList();
            var user = DovecotLab.UniqueUserName("receive");
            Lab.AddMailbox(user, Password, messages);
            using var session = Open(user);
            var all = session.Resolve(Pop3MessageSelection.All, e => Assert.Fail(e.Message), Timeouts.Token());
            var received = new List<Pop3Message>();
            var errors = new List<Pop3Exception>();
            var last = default(Pop3Tools.Engine.Mailbox.Export.ExportProgress);

            session.Receive(all, keepRaw, received.Add, (m, e) => errors.Add(e), p => last = p, Timeouts.Token());

            Assert.Empty(errors);
            Assert.Equal(Enumerable.Range(1, messages.Count), received.Select(m => m.Number));
            Assert.Equal((messages.Count, messages.Count), (last.MessagesDone, last.MessagesTotal));
            for (var i = 0; i < messages.Count; i++)
            {
                Assert.Equal(messages[i].Subject, received[i].Subject);
                Assert.Equal(messages[i].Date, received[i].Date);
                if (keepRaw) ByteAssert.Equal(messages[i].Bytes, received[i].RawMessage!, $"raw bytes of message {i + 1}");
                else Assert.Null(received[i].RawMessage);
            }
            Assert.Contains(received, m => m.Attachments.Length > 0);
            session.Disconnect(Timeouts.Token());
        }
    }
}
