using System.Runtime.InteropServices;

namespace Contracts.Benchmarks.Harness;

/// <summary>
/// CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID): unlike wall-clock time it does not count the time
/// the thread waits for a core, so on a machine loaded by other builds it still says what the code itself costs.
/// </summary>
public static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>Nanoseconds of CPU time this thread has used.</summary>
    public static long Nanoseconds()
    {
        if (clock_gettime(ClockThreadCpuTimeId, out var time) != 0)
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        return time.Seconds * 1_000_000_000 + time.Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int clock_gettime(int clockId, out TimeSpec time);
}
