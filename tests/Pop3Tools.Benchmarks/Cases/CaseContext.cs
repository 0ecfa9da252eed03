namespace Pop3Tools.Benchmarks.Cases;

/// <summary>
/// Everything one run of a case needs: the mailbox, the warm-up mailbox, a fresh empty scratch
/// folder on the storage the case asked for, the time bound, and the checkout (for the module).
/// </summary>
internal sealed record CaseContext(LabMailbox Mailbox, string Scratch, TimeSpan Timeout, string RepoRoot, WarmUpCalls WarmUpCalls);
