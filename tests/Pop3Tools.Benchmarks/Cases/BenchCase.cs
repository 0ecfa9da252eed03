namespace Pop3Tools.Benchmarks.Cases;

/// <summary>One thing measured against each mailbox: a cmdlet in PowerShell, a peer client or a minimal script.</summary>
internal abstract class BenchCase
{
    /// <summary>Stable key for the JSON and the ratios, e.g. "ours-export-tmpfs".</summary>
    public abstract string Id { get; }

    /// <summary>What the table calls it.</summary>
    public abstract string Label { get; }

    public abstract Workload Workload { get; }

    /// <summary>Where its scratch folder (and so its output) lives.</summary>
    public virtual Storage Storage => Storage.Tmpfs;

    /// <summary>How it is configured, for the report.</summary>
    public abstract string Configuration { get; }

    /// <summary>False for cases that make no sense or take too long on a mailbox (e.g. one process per message).</summary>
    public virtual bool AppliesTo(MailboxSpec mailbox) => true;

    public abstract CaseResult Run(CaseContext context);
}
