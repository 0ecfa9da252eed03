using System.Diagnostics;

namespace Pop3Tools.Engine.Tests.Robustness;

/// <summary>Where a fuzz case's allocations are counted.</summary>
public enum AllocationScope
{
    /// <summary>
    /// The case's own thread (GC.GetAllocatedBytesForCurrentThread on it): exact when all the work
    /// runs there, as in the MIME path, and unaffected by tests running alongside.
    /// </summary>
    CaseThread,

    /// <summary>
    /// The whole process (GC.GetTotalAllocatedBytes(true)) from before the case starts its server
    /// to after the server has stopped. Needed for the client: Pop3Transport reads with
    /// ReadAsync and waits, so socket completions and SslStream's decryption and buffer growth run
    /// on pool threads that a count on the client's thread never sees. Only sound when nothing
    /// else runs: such tests sit in the <see cref="SerialFuzzCollection"/>. It over-counts the
    /// scripted server (bounded: its lines and one TLS handshake), never under-counts the client.
    /// </summary>
    Process,
}

/// <summary>What a case may allocate, set by the case as it learns it (a mutation's size is known only once made).</summary>
public sealed class AllocationBudget
{
    /// <summary>The bound on the engine's allocation.</summary>
    public long Bound { get; set; } = 64L * 1024 * 1024;

    /// <summary>Bytes the test itself allocated inside the counted window (making mutations), taken off the count.</summary>
    public long HarnessBytes { get; set; }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialFuzzCollection
{
    public const string Name = "Serial fuzz (process-wide allocation counts)";
}

/// <summary>
/// Runs one mutated input through the engine on its own thread, bounded in time, and
/// says what went wrong (null: a result or a typed <see cref="Pop3Exception"/>).
/// </summary>
public static class FuzzCase
{
    public sealed record Result(string? Failure, TimeSpan Elapsed, long Allocated);

    /// <summary>Runs <paramref name="action"/>, which sets its allocation budget.</summary>
    public static Result Run(Action<AllocationBudget> action, TimeSpan timeBound, AllocationScope scope)
    {
        Func<long> allocatedSoFar = scope == AllocationScope.CaseThread ? GC.GetAllocatedBytesForCurrentThread : () => GC.GetTotalAllocatedBytes(precise: true);
        long allocated = 0;
        var budget = new AllocationBudget();
        Exception? error = null;
        var clock = Stopwatch.StartNew();
        var task = Task.Factory.StartNew(() =>
        {
            var before = allocatedSoFar();
            try
            {
                action(budget);
            }
            catch (Exception e)
            {
                error = e;
            }
            allocated = allocatedSoFar() - before - budget.HarnessBytes;
        }, TaskCreationOptions.LongRunning);
        // A hang is a failure, not a stuck run: the case's thread is left behind and the run stops.
        if (!task.Wait(timeBound)) return new Result("hang: no end within " + timeBound.TotalSeconds + " s", clock.Elapsed, 0);
        clock.Stop();
        string? failure = null;
        if (error != null && error is not Pop3Exception) failure = "untyped " + error.GetType().Name + ": " + error.Message + "\n" + error.StackTrace;
        else if (allocated > budget.Bound) failure = "allocated " + allocated + " bytes (bound " + budget.Bound + ")";
        return new Result(failure, clock.Elapsed, allocated);
    }
}
