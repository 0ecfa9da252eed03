namespace Pop3Tools.Engine.Tests.Dovecot;

public sealed partial class DovecotLab
{
    public const string AliceUser = "alice";
    public const string AlicePassword = "alice-Pa55word!";
    public const string BulkUser = "bulk";
    public const string BulkPassword = "bulk-Pa55word!";
    public const int BulkCount = 2000;

    private static readonly Lazy<IReadOnlyList<GeneratedMessage>> AliceMailbox = new(() => new MailGenerator(1939).DefaultMailbox());
    private static readonly Lazy<IReadOnlyList<GeneratedMessage>> BulkMailbox = new(() => new MailGenerator(2449).Bulk(BulkCount));

    // A failed start is cached too: every test then reports the same start-up failure at once.
    private static readonly Lazy<DovecotLab> SharedLab = new(StartShared, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// One lab for the whole process, started on first use and stopped at process
    /// exit, holding <see cref="AliceUser"/> (the default mailbox) and <see cref="BulkUser"/>
    /// (<see cref="BulkCount"/> small messages). Never change those two mailboxes: tests
    /// that delete add their own user with <see cref="UniqueUserName"/>.
    /// </summary>
    public static DovecotLab Shared => SharedLab.Value;

    /// <summary>What <see cref="AliceUser"/>'s mailbox holds, message 1 first.</summary>
    public static IReadOnlyList<GeneratedMessage> AliceMessages => AliceMailbox.Value;

    /// <summary>What <see cref="BulkUser"/>'s mailbox holds, message 1 first.</summary>
    public static IReadOnlyList<GeneratedMessage> BulkMessages => BulkMailbox.Value;

    private static DovecotLab StartShared()
    {
        var lab = Start();
        try
        {
            lab.AddMailbox(AliceUser, AlicePassword, AliceMessages);
            lab.AddMailbox(BulkUser, BulkPassword, BulkMessages);
        }
        catch
        {
            lab.Dispose();
            throw;
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => lab.Dispose();
        return lab;
    }
}
