using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Pop3Tools.Engine.Tests.Dovecot;

/// <summary>Proves the lab with raw TCP, before any of the engine is trusted.</summary>
public sealed class DovecotLabTests
{
    private static DovecotLab Lab => DovecotLab.Shared;

    [Fact]
    public void Plain_port_greeting_carries_an_apop_timestamp()
    {
        using var pop = RawPop3.Connect(Lab, implicitTls: false);

        // Dovecot: "+OK Dovecot (Debian) ready. <1bca.1.6b021b24.CKEOWyACYmjuxwpJpqhTUQ==@vm>"
        Assert.Matches(new Regex(@"^\+OK .*<[^<>@\s]+@[^<>\s]+>$"), pop.Greeting);
    }

    [Fact]
    public void Capa_offers_stls_user_pipelining_and_the_configured_sasl_mechanisms()
    {
        using var pop = RawPop3.Connect(Lab, implicitTls: false);

        var capabilities = pop.MultiLineText("CAPA");

        Assert.Contains("STLS", capabilities);
        Assert.Contains("USER", capabilities);
        Assert.Contains("PIPELINING", capabilities);
        Assert.Contains("TOP", capabilities);
        Assert.Contains("UIDL", capabilities);
        var sasl = Assert.Single(capabilities, line => line.StartsWith("SASL ", StringComparison.Ordinal)).Split(' ').Skip(1).ToList();
        foreach (var mechanism in new[] { "PLAIN", "LOGIN", "CRAM-MD5", "DIGEST-MD5", "SCRAM-SHA-1", "SCRAM-SHA-256" })
        {
            Assert.Contains(mechanism, sasl);
        }

        // APOP is configured as a mechanism but appears only as the greeting's timestamp.
        Assert.DoesNotContain("APOP", sasl);
    }

    [Fact]
    public void Implicit_tls_port_presents_the_lab_certificate_and_greets()
    {
        using var pop = RawPop3.Connect(Lab, implicitTls: true);

        Assert.StartsWith("+OK", pop.Greeting);
        Assert.NotNull(pop.ServerCertificate);
        Assert.Equal(Lab.CertificateSha256Thumbprint, pop.ServerCertificate!.GetCertHashString(HashAlgorithmName.SHA256));
        Assert.Equal("CN=localhost", pop.ServerCertificate.Subject);
    }

    [Fact]
    public void Stls_on_the_plain_port_switches_to_the_lab_certificate()
    {
        using var pop = RawPop3.Connect(Lab, implicitTls: false);

        var reply = pop.StartTls(Lab.CertificateSha256Thumbprint);

        Assert.StartsWith("+OK", reply);
        Assert.Equal(Lab.CertificateSha256Thumbprint, pop.ServerCertificate!.GetCertHashString(HashAlgorithmName.SHA256));
        Assert.DoesNotContain("STLS", pop.MultiLineText("CAPA"));
    }

    [Fact]
    public void Stat_after_user_and_pass_counts_the_generated_messages_and_their_crlf_size()
    {
        using var pop = RawPop3.Connect(Lab, implicitTls: true);
        pop.Login(DovecotLab.AliceUser, DovecotLab.AlicePassword);

        var stat = pop.Command("STAT");

        var expected = DovecotLab.AliceMessages;
        Assert.Equal($"+OK {expected.Count} {expected.Sum(m => (long)m.Bytes.Length)}", stat);
    }

    [Fact]
    public void Retr_returns_the_generated_bytes_for_the_first_message_and_a_dot_lines_message()
    {
        using var pop = RawPop3.Connect(Lab, implicitTls: true);
        pop.Login(DovecotLab.AliceUser, DovecotLab.AlicePassword);
        var messages = DovecotLab.AliceMessages;
        var dotLines = messages.Select((message, index) => (message, index)).First(pair => pair.message.Kind == "dot-lines").index;

        Assert.Equal(messages[0].Bytes, pop.MultiLine("RETR 1"));
        Assert.Equal(messages[dotLines].Bytes, pop.MultiLine($"RETR {dotLines + 1}"));
    }

    [Fact]
    public void Top_with_zero_lines_returns_the_header_block_with_its_empty_line()
    {
        using var pop = RawPop3.Connect(Lab, implicitTls: true);
        pop.Login(DovecotLab.AliceUser, DovecotLab.AlicePassword);
        var empty = DovecotLab.AliceMessages.Select((message, index) => (message, index)).First(pair => pair.message.Kind == "empty-body").index;

        Assert.Equal(DovecotLab.AliceMessages[1].HeaderBytes, pop.MultiLine("TOP 2 0"));
        Assert.Equal(DovecotLab.AliceMessages[empty].HeaderBytes, pop.MultiLine($"TOP {empty + 1} 0"));
    }

    [Fact]
    public void A_mailbox_added_after_start_logs_in_because_dovecot_rereads_the_passwd_file()
    {
        var user = DovecotLab.UniqueUserName("late");
        var messages = new MailGenerator(11).Bulk(3);
        Lab.AddMailbox(user, "late-Pa55", messages);
        using var pop = RawPop3.Connect(Lab, implicitTls: true);

        pop.Login(user, "late-Pa55");

        Assert.Equal($"+OK 3 {messages.Sum(m => m.Bytes.Length)}", pop.Command("STAT"));
    }

    [Fact]
    public void Dele_then_quit_removes_that_file_from_the_maildir()
    {
        var user = DovecotLab.UniqueUserName("rawdele");
        var files = Lab.AddMailbox(user, "rawdele-Pa55", new MailGenerator(12).Bulk(3));
        using var pop = RawPop3.Connect(Lab, implicitTls: true);
        pop.Login(user, "rawdele-Pa55");

        Assert.StartsWith("+OK", pop.Command("DELE 2"));
        Assert.Equal(3, Lab.MaildirMessageCount(user));
        Assert.StartsWith("+OK", pop.Command("QUIT"));

        Assert.Equal(new[] { files[0], files[2] }, Lab.MaildirFiles(user));
    }
}
