using System.Diagnostics;

namespace Pop3Tools.Engine.Tests.Robustness;

/// <summary>
/// Runs one mutated input through the engine on its own thread, bounded in time, and
/// says what went wrong (null: a result or a typed <see cref="Pop3Exception"/>).
/// </summary>
public static class FuzzCase
{
    public sealed record Result(string? Failure, TimeSpan Elapsed, long Allocated);

    public static Result Run(Action action, TimeSpan timeBound, long allocationBound)
    {
        long allocated = 0;
        Exception? error = null;
        var clock = Stopwatch.StartNew();
        var task = Task.Factory.StartNew(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                action();
            }
            catch (Exception e)
            {
                error = e;
            }
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }, TaskCreationOptions.LongRunning);
        // A hang is a failure, not a stuck run: the case's thread is left behind and the run stops.
        if (!task.Wait(timeBound)) return new Result("hang: no end within " + timeBound.TotalSeconds + " s", clock.Elapsed, 0);
        clock.Stop();
        string? failure = null;
        if (error != null && error is not Pop3Exception) failure = "untyped " + error.GetType().Name + ": " + error.Message + "\n" + error.StackTrace;
        else if (allocated > allocationBound) failure = "allocated " + allocated + " bytes (bound " + allocationBound + ")";
        return new Result(failure, clock.Elapsed, allocated);
    }
}
