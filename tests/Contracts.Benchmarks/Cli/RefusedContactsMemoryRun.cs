using System.Diagnostics;
using System.Text;
using Contracts.Cli;
using Contracts.Sandbox.Onc;

namespace Contracts.Benchmarks.Cli;

/// <summary>
/// What `notify onc contacts add` holds in memory when every row is refused: N contacts whose retryCount (300) the SDK
/// refuses before sending, run in this process against the embedded sandbox with the run journal (--outcomes) and
/// --json, the heaviest way (every refusal is a journal row and a JSON item). Prints the peak working set of the
/// process and the peak size of the GC heap (sampled every 20 ms), in MiB. The bound that README and RESULTS.md state
/// comes from these figures: they must not grow with N.
/// </summary>
internal static class RefusedContactsMemoryRun
{
    /// <summary>The peak working set the run stays under, at 100,000 rows as at 1,000,000 (measured: 111 and 114 MiB).</summary>
    public const int BoundMiB = 160;

    public static async Task<object> RunAsync(int contacts)
    {
        var directory = Directory.CreateTempSubdirectory("notify-memory-").FullName;
        try
        {
            var input = Path.Combine(directory, "contacts.csv");
            await using (var writer = new StreamWriter(input, append: false, Encoding.UTF8))
            {
                await writer.WriteLineAsync("sms,retryCount");
                for (var i = 0; i < contacts; i++)
                    await writer.WriteLineAsync($"+1555{i % 10_000_000:D7},300");
            }

            var peakHeap = 0L;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                    await Task.Delay(20, CancellationToken.None);
                }
            });
            var clock = Stopwatch.StartNew();
            var exitCode = await NotifyApp.RunAsync(
                ["onc", "contacts", "add", "--sandbox", "--campaign", OncSandboxOptions.DemoCampaign.ToString(), "-f", input, "--outcomes", Path.Combine(directory, "journal.csv"), "--json"],
                TextWriter.Null, TextWriter.Null);
            clock.Stop();
            await sampling.CancelAsync();
            await sampler;

            using var self = Process.GetCurrentProcess();
            return new
            {
                contacts,
                exitCode,
                seconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
                peakWorkingSetMiB = Math.Round(self.PeakWorkingSet64 / 1024.0 / 1024.0, 1),
                peakGcHeapMiB = Math.Round(peakHeap / 1024.0 / 1024.0, 1),
                journalMiB = Math.Round(new FileInfo(Path.Combine(directory, "journal.csv")).Length / 1024.0 / 1024.0, 1),
            };
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
