using System.Diagnostics;
using System.Runtime;

namespace Contracts.Benchmarks.Harness;

/// <summary>
/// Warms code up until the JIT has compiled nothing for a second (at least 2 s, at most 60 s). Tiered compilation
/// takes seconds on a loaded 2-core machine to move the hot methods to optimised code (unoptimised code can run at a
/// flat, slow pace for a second or more before the switch), and the SDK has more hot methods than a baseline: a fixed
/// warm-up left both sides measured partly in unoptimised code, and the figures compared JIT progress rather than
/// cost (ENGAGE per call 1.2x to 1.5x from run to run; a 1M-destination batch measured mostly in tier-0 code).
/// </summary>
public static class JitWarmUp
{
    private static readonly TimeSpan MinWarmUp = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="round"/> again and again until the JIT is quiet.</summary>
    public static async Task UntilQuietAsync(Func<Task> round)
    {
        var clock = Stopwatch.StartNew();
        var compiled = JitInfo.GetCompiledMethodCount();
        var lastCompilation = TimeSpan.Zero;
        while (clock.Elapsed < MaxWarmUp && (clock.Elapsed - lastCompilation < Quiet || clock.Elapsed < MinWarmUp))
        {
            await round().ConfigureAwait(false);
            var now = JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                lastCompilation = clock.Elapsed;
            }
        }
    }
}
