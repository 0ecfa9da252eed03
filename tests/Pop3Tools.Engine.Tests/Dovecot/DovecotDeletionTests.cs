namespace Pop3Tools.Engine.Tests.Dovecot;

/// <summary>
/// What DELE does to the maildir: removed at QUIT, never before, and not at all after
/// RSET or a dropped link. Each test owns a fresh mailbox, so they run side by side.
/// </summary>
public sealed class DovecotDeletionTests
{
    private const string Password = "deletion-Pa55";
    private const int MessageCount = 6;
    private static readonly TimeSpan LogBound = TimeSpan.FromSeconds(30);

    private static DovecotLab Lab => DovecotLab.Shared;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Delete_then_quit_removes_exactly_those_messages(bool usePipelining)
    {
        var (user, files) = NewMailbox("delquit");
        using var client = LabClient.LogIn(Lab, user, Password, usePipelining);

        client.Delete(new[] { 2, 4, 5 }, (number, error) => Assert.Fail($"DELE {number}: {error.Message}"), CancellationToken.None);
        Assert.Equal(MessageCount, Lab.MaildirMessageCount(user));
        client.Quit(CancellationToken.None);

        Assert.Equal(new[] { files[0], files[2], files[5] }, Lab.MaildirFiles(user));
    }

    [Fact]
    public void Delete_then_reset_then_quit_removes_nothing()
    {
        var (user, files) = NewMailbox("delrset");
        using var client = LabClient.LogIn(Lab, user, Password);

        client.Delete(new[] { 1, 3 }, (number, error) => Assert.Fail($"DELE {number}: {error.Message}"), CancellationToken.None);
        // RFC 1939: STAT leaves out messages marked as deleted, so the marks are in place.
        Assert.Equal(MessageCount - 2, client.Stat(CancellationToken.None).Count);
        client.Reset(CancellationToken.None);
        Assert.Equal(MessageCount, client.Stat(CancellationToken.None).Count);
        client.Quit(CancellationToken.None);

        Assert.Equal(files, Lab.MaildirFiles(user));
    }

    [Fact]
    public void Delete_then_dropping_the_link_without_quit_removes_nothing()
    {
        var (user, files) = NewMailbox("deldrop");
        using var client = LabClient.LogIn(Lab, user, Password);

        client.Delete(new[] { 1, 2, 6 }, (number, error) => Assert.Fail($"DELE {number}: {error.Message}"), CancellationToken.None);
        Assert.Equal(MessageCount - 3, client.Stat(CancellationToken.None).Count);
        client.Dispose();

        // Only once Dovecot has closed the session could it have expunged anything.
        WaitForSessionEnd(user);
        Assert.Equal(files, Lab.MaildirFiles(user));
        using var again = LabClient.LogIn(Lab, user, Password);
        Assert.Equal(MessageCount, again.Stat(CancellationToken.None).Count);
    }

    private static (string User, IReadOnlyList<string> Files) NewMailbox(string prefix)
    {
        var user = DovecotLab.UniqueUserName(prefix);
        var files = Lab.AddMailbox(user, Password, new MailGenerator(prefix.Length).Bulk(MessageCount));
        return (user, files);
    }

    // Dovecot logs "pop3(<user>)<pid><session>: Info: Disconnected: ..." when a session ends.
    private static void WaitForSessionEnd(string user)
    {
        var deadline = DateTime.UtcNow + LogBound;
        var marker = $"pop3({user})";
        while (DateTime.UtcNow < deadline)
        {
            if (Lab.ReadLog().Split('\n').Any(line => line.Contains(marker, StringComparison.Ordinal) && line.Contains("Disconnected", StringComparison.Ordinal)))
            {
                return;
            }

            Thread.Sleep(50);
        }

        Assert.Fail($"Dovecot logged no end of {user}'s session within {LogBound.TotalSeconds} s.");
    }
}
