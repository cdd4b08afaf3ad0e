namespace Contracts.Benchmarks.Harness;

/// <summary>
/// How a benchmark method's calls complete, to read the paired ratios beside BenchmarkDotNet's: how many calls return
/// a task still pending (their caller's continuation then runs from the thread pool), how many resume on another
/// thread, and the CPU per call when each call is awaited (as <see cref="PairedRounds"/> does: the continuation runs
/// on the thread-pool thread that completes the call) against when the calling thread blocks on each call's task, as
/// BenchmarkDotNet does for a method returning a Task (its AwaitHelper waits on a monitor that the completing thread
/// pulses): a method that completes asynchronously then also pays a thread's wait and wake-up per call.
/// </summary>
public static class CompletionProbe
{
    /// <param name="Calls">Calls measured in each of the three ways.</param>
    /// <param name="Pending">Calls whose task was not completed when the method returned.</param>
    /// <param name="ResumedElsewhere">Calls after which the awaiting code went on on another thread.</param>
    /// <param name="AwaitedThreadCpuNanoseconds">Thread CPU per call, calls awaited; NaN if the loop changed thread.</param>
    /// <param name="BlockedProcessCpuNanoseconds">Process CPU per call (all threads), the calling thread blocking on each call.</param>
    public sealed record Result(int Calls, int Pending, int ResumedElsewhere, double AwaitedThreadCpuNanoseconds, double BlockedProcessCpuNanoseconds);

    public static async Task<Result> MeasureAsync(BenchmarkLoop loop, int calls)
    {
        int pending = 0, resumedElsewhere = 0;
        for (var i = 0; i < calls; i++)
        {
            var thread = Environment.CurrentManagedThreadId;
            var result = loop.InvokeOnce();
            if (result is Task { IsCompleted: false })
                pending++;
            await BenchmarkLoop.AwaitResult(result).ConfigureAwait(false);
            if (Environment.CurrentManagedThreadId != thread)
                resumedElsewhere++;
        }

        var startThread = Environment.CurrentManagedThreadId;
        var threadCpu = CpuClock.ThreadNanoseconds();
        await loop.RunAsync(calls).ConfigureAwait(false);
        var awaited = Environment.CurrentManagedThreadId == startThread ? (CpuClock.ThreadNanoseconds() - threadCpu) / (double)calls : double.NaN;

        // On a thread of its own, as BenchmarkDotNet's: blocking a thread-pool thread would take one from the calls.
        var blocked = double.NaN;
        var blocking = new Thread(() =>
        {
            var processCpu = CpuClock.ProcessNanoseconds();
            for (var i = 0; i < calls; i++)
                BenchmarkLoop.AwaitResult(loop.InvokeOnce()).GetAwaiter().GetResult();
            blocked = (CpuClock.ProcessNanoseconds() - processCpu) / (double)calls;
        });
        blocking.Start();
        blocking.Join();
        return new Result(calls, pending, resumedElsewhere, awaited, blocked);
    }
}
