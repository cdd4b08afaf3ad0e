using System.Diagnostics;

namespace Contracts.Benchmarks.Harness;

/// <summary>
/// Times whole runs of one size back to back until at least a second has passed. A single push of 100,000
/// destinations lasts about 30 ms, and CPU time read once over it was mostly noise (the same build measured 1.50x and
/// 1.63x of serialising alone at two stops); each repetition is still a complete run of the size (its start, its last
/// chunk and its ending included), so a cost paid once per run stays in the figure.
/// </summary>
public static class TimedRepetitions
{
    /// <summary>The least wall time the repetitions of one measurement fill.</summary>
    public static readonly TimeSpan Minimum = TimeSpan.FromSeconds(1);

    /// <summary>Runs <paramref name="run"/> at least once and again until <paramref name="clock"/> shows <see cref="Minimum"/>; returns how many runs.</summary>
    public static async Task<int> RunAsync(Func<Task> run, Stopwatch clock)
    {
        var runs = 0;
        do
        {
            await run().ConfigureAwait(false);
            runs++;
        }
        while (clock.Elapsed < Minimum);
        return runs;
    }
}
