using System.Runtime.InteropServices;

namespace Contracts.Benchmarks.Harness;

/// <summary>
/// CPU time (Linux clock_gettime): unlike wall-clock time it does not count the time spent waiting for a core, so on
/// a machine loaded by other builds it still says what the code itself costs. The calling thread's clock sees only
/// that thread's work; the process's clock also sees work moved to other threads (timers, thread-pool hops, the GC).
/// </summary>
public static partial class CpuClock
{
    private const int ClockProcessCpuTimeId = 2;
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>Nanoseconds of CPU time the calling thread has used.</summary>
    public static long ThreadNanoseconds() => Read(ClockThreadCpuTimeId);

    /// <summary>Nanoseconds of CPU time all threads of this process have used.</summary>
    public static long ProcessNanoseconds() => Read(ClockProcessCpuTimeId);

    private static long Read(int clockId)
    {
        if (clock_gettime(clockId, out var time) != 0)
            throw new InvalidOperationException($"clock_gettime({clockId}) failed");
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
