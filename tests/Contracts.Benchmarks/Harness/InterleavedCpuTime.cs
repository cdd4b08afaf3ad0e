
namespace Contracts.Benchmarks.Harness;

/// <summary>
/// Thread CPU time per call of a baseline and the methods compared with it, measured in alternating rounds
/// (A B, then B A, ...) so that a change of machine load hits them alike. Each round gives a ratio to the baseline
/// measured right beside it; the median ratio is kept. A check of BenchmarkDotNet's wall-clock ratios on a machine
/// shared with other builds, where a method measured a minute after another may meet a different load.
/// </summary>
public static class InterleavedCpuTime
{
    public sealed record Result(double MedianNanoseconds, double MedianRatio);

    /// <param name="loops">The baseline first, then the methods to compare with it.</param>
    /// <param name="rounds">Rounds of measurement; each measures every method once.</param>
    /// <param name="callsPerRound">Calls per method per round.</param>
    public static async Task<Result[]> MeasureAsync(IReadOnlyList<BenchmarkLoop> loops, int rounds, int callsPerRound)
    {
        await WarmUpAsync(loops, callsPerRound).ConfigureAwait(false);
        var nanoseconds = loops.Select(_ => new List<double>()).ToArray();
        var ratios = loops.Select(_ => new List<double>()).ToArray();
        var perCall = new double[loops.Count];
        for (var round = 0; round < rounds; round++)
        {
            var complete = true;
            for (var k = 0; k < loops.Count; k++)
            {
                var i = round % 2 == 0 ? k : loops.Count - 1 - k;
                perCall[i] = await CpuNanosecondsPerCallAsync(loops[i], callsPerRound).ConfigureAwait(false);
                complete &= !double.IsNaN(perCall[i]);
            }
            if (!complete)
                continue;
            for (var i = 0; i < loops.Count; i++)
            {
                nanoseconds[i].Add(perCall[i]);
                ratios[i].Add(perCall[i] / perCall[0]);
            }
        }
        return loops.Select((_, i) => new Result(Median(nanoseconds[i]), Median(ratios[i]))).ToArray();
    }

    /// <summary>Runs the methods in alternation until the JIT is quiet (see <see cref="JitWarmUp"/>).</summary>
    private static Task WarmUpAsync(IReadOnlyList<BenchmarkLoop> loops, int callsPerRound) => JitWarmUp.UntilQuietAsync(async () =>
    {
        foreach (var loop in loops)
            await loop.RunAsync(callsPerRound).ConfigureAwait(false);
    });

    private static async Task<double> CpuNanosecondsPerCallAsync(BenchmarkLoop loop, int calls)
    {
        // The in-memory transport completes synchronously, so the calls stay on this thread; a round that moved to
        // another thread (WCF may) is not counted.
        var thread = Environment.CurrentManagedThreadId;
        var start = ThreadCpuClock.Nanoseconds();
        await loop.RunAsync(calls).ConfigureAwait(false);
        var end = ThreadCpuClock.Nanoseconds();
        return Environment.CurrentManagedThreadId == thread ? (end - start) / (double)calls : double.NaN;
    }

    private static double Median(List<double> values) => values.Count == 0 ? double.NaN : values.Order().ElementAt(values.Count / 2);
}
