using System.Diagnostics;

namespace Contracts.Benchmarks.Harness;

/// <summary>
/// A baseline and the methods compared with it, measured in alternating rounds (A B, then B A, ...) so that a change
/// of machine load hits them alike. Each round measures every method's wall-clock time, the calling thread's CPU
/// time and the whole process's CPU time per call, and gives each method's ratios to the baseline measured right
/// beside it; the median of the per-round ratios is kept. This is the "per call, in the same paired run":
/// BenchmarkDotNet measures each method in a process of its own, minutes apart, so its ratio of medians also
/// compares two machine loads.
/// </summary>
public static class PairedRounds
{
    /// <summary>One method's figures.</summary>
    /// <param name="ThreadCpuNanoseconds">Median CPU time per call of the calling thread.</param>
    /// <param name="ThreadCpuRatio">Median per-round ratio of the calling thread's CPU time to the baseline's.</param>
    /// <param name="WallRatio">Median per-round ratio of the wall-clock time to the baseline's.</param>
    /// <param name="ProcessCpuRatio">Median per-round ratio of the process's CPU time (all threads) to the baseline's.</param>
    /// <param name="SkippedRounds">Rounds in which this method's calls ended on another thread than they began: the
    /// thread's CPU time then misses part of the work, so the whole round is left out of the thread CPU ratio (the
    /// wall-clock and process CPU ratios keep it).</param>
    public sealed record Result(double ThreadCpuNanoseconds, double ThreadCpuRatio, double WallRatio, double ProcessCpuRatio, int SkippedRounds);

    private readonly record struct Round(double ThreadCpu, double Wall, double ProcessCpu, bool SameThread);

    /// <param name="loops">The baseline first, then the methods to compare with it.</param>
    /// <param name="rounds">Rounds of measurement; each measures every method once.</param>
    /// <param name="callsPerRound">Calls per method per round.</param>
    public static async Task<Result[]> MeasureAsync(IReadOnlyList<BenchmarkLoop> loops, int rounds, int callsPerRound)
    {
        await WarmUpAsync(loops, callsPerRound).ConfigureAwait(false);
        var measured = new Round[rounds, loops.Count];
        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < loops.Count; k++)
            {
                var i = round % 2 == 0 ? k : loops.Count - 1 - k;
                measured[round, i] = await MeasureRoundAsync(loops[i], callsPerRound).ConfigureAwait(false);
            }
        }
        var allRounds = Enumerable.Range(0, rounds).ToList();
        var sameThreadRounds = allRounds.Where(r => Enumerable.Range(0, loops.Count).All(i => measured[r, i].SameThread)).ToList();
        return loops.Select((_, i) => new Result(
            Median(sameThreadRounds.Select(r => measured[r, i].ThreadCpu)),
            Median(sameThreadRounds.Select(r => measured[r, i].ThreadCpu / measured[r, 0].ThreadCpu)),
            Median(allRounds.Select(r => measured[r, i].Wall / measured[r, 0].Wall)),
            Median(allRounds.Select(r => measured[r, i].ProcessCpu / measured[r, 0].ProcessCpu)),
            allRounds.Count(r => !measured[r, i].SameThread))).ToArray();
    }

    /// <summary>Runs the methods in alternation until the JIT is quiet (see <see cref="JitWarmUp"/>).</summary>
    private static Task WarmUpAsync(IReadOnlyList<BenchmarkLoop> loops, int callsPerRound) => JitWarmUp.UntilQuietAsync(async () =>
    {
        foreach (var loop in loops)
            await loop.RunAsync(callsPerRound).ConfigureAwait(false);
    });

    private static async Task<Round> MeasureRoundAsync(BenchmarkLoop loop, int calls)
    {
        // The in-memory transport completes synchronously, so the calls should stay on this thread; whether they
        // did is recorded, since the thread's CPU time would otherwise miss the work done elsewhere.
        var thread = Environment.CurrentManagedThreadId;
        var process = CpuClock.ProcessNanoseconds();
        var start = CpuClock.ThreadNanoseconds();
        var wall = Stopwatch.GetTimestamp();
        await loop.RunAsync(calls).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(wall);
        var end = CpuClock.ThreadNanoseconds();
        var processEnd = CpuClock.ProcessNanoseconds();
        return new Round((end - start) / (double)calls, elapsed.TotalNanoseconds / calls, (processEnd - process) / (double)calls,
            Environment.CurrentManagedThreadId == thread);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
    }
}
