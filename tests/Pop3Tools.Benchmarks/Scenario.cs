namespace Pop3Tools.Benchmarks;

/// <summary>One mailbox of the scenario: many realistic messages, or one message of a given size.</summary>
/// <param name="Name">Short name for the table, e.g. "N=2000".</param>
/// <param name="Messages">How many messages (1 for the single large message).</param>
/// <param name="SingleMessageBytes">When set, the mailbox holds one message of about this size.</param>
internal sealed record MailboxSpec(string Name, int Messages, int? SingleMessageBytes = null)
{
    public bool IsSingleLarge => SingleMessageBytes is not null;
}

/// <summary>
/// The mailboxes every case runs against and how often. Full: N = 2,000 and 10,000 realistic
/// messages and one 200 MB message, five alternating repetitions; quick (the CI smoke): a tiny
/// mailbox, once, so that every case runs in well under two minutes.
/// </summary>
/// <remarks>
/// Five, not three: each repetition is one timed call in its own process, and on the 2-core VM
/// single calls of the same build spread by about 15%, so a median of three moved a ratio across
/// its goal from one run to the next.
/// </remarks>
/// <param name="WarmUp">Untimed calls of ours on the measured mailbox before the timed one (Scripts/bench-case.ps1).</param>
internal sealed record Scenario(string Name, IReadOnlyList<MailboxSpec> Mailboxes, int Repetitions, TimeSpan RunTimeout, WarmUpCalls WarmUp)
{
    public static Scenario Full { get; } = new(
        "full",
        new[] { new MailboxSpec("N=2000", 2000), new MailboxSpec("N=10000", 10000), new MailboxSpec("200 MB", 1, 200_000_000) },
        5,
        TimeSpan.FromSeconds(600),
        new WarmUpCalls(3, 60, 40));

    public static Scenario Quick { get; } = new(
        "quick",
        new[] { new MailboxSpec("N=40", 40) },
        1,
        TimeSpan.FromSeconds(60),
        // The smoke checks that every case runs, not its speed: a settled JIT is not needed.
        new WarmUpCalls(1, 1, 0));
}

/// <summary>
/// How many untimed calls warm our process up: at least <paramref name="Min"/>, then until the JIT is quiet,
/// at most <paramref name="Max"/> calls or <paramref name="Seconds"/> seconds.
/// </summary>
internal sealed record WarmUpCalls(int Min, int Max, int Seconds);
