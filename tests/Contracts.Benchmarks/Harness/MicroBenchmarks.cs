using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Contracts.Benchmarks.Harness;

/// <summary>Runs the BenchmarkDotNet classes and turns their summaries into SDK-versus-baseline rows.</summary>
public static class MicroBenchmarks
{
    /// <summary>
    /// Every per-call benchmark class. Each vendor's has one [Benchmark(Baseline = true)] method, the one the SDK is
    /// held to (hand-written for the REST clients, the generated WCF client called directly for ONC); the signing
    /// benchmarks have none (they measure one step of the SDK).
    /// </summary>
    public static readonly Type[] Classes =
    [
        typeof(Engage.EngagePushBenchmarks),
        typeof(Ogangi.OgangiSendSmsBenchmarks),
        typeof(Accengage.AccengageInstantMessageBenchmarks),
        typeof(Onc.OncAddContactBenchmarks),
        typeof(Signing.SigningBenchmarks),
    ];

    public static IConfig Config(bool quick, string? artifactsPath = null)
    {
        var config = DefaultConfig.Instance
            // Two processes of 15 iterations each: on a shared machine one process can land in a bad spell (or a bad code
            // layout) for all its iterations; a second one and the median make a ratio that one spell cannot move.
            .AddJob(quick ? Job.ShortRun : Job.Default.WithWarmupCount(5).WithIterationCount(15).WithLaunchCount(2))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.JoinSummary)
            // BenchmarkDotNet gives up building its runner after 2 minutes, which a shared 2-core machine under load exceeds.
            .WithBuildTimeout(TimeSpan.FromMinutes(10));
        return artifactsPath is null ? config : config.WithArtifactsPath(artifactsPath);
    }

    public sealed record Row(string Benchmark, string Method, double MedianNanoseconds, long AllocatedBytes, double? TimeRatio, double? AllocationRatio);

    /// <summary>Runs every class; throws when a benchmark gave no result (a failed setup, such as a same-bytes check).</summary>
    public static IReadOnlyList<Row> Run(bool quick, string? artifactsPath)
    {
        var rows = new List<Row>();
        foreach (var summary in BenchmarkRunner.Run(Classes, Config(quick, artifactsPath)))
        {
            var failed = summary.Reports.Where(r => r.ResultStatistics is null).Select(r => r.BenchmarkCase.DisplayInfo).ToList();
            if (failed.Count > 0 || summary.Reports.Length == 0)
                throw new InvalidOperationException($"BenchmarkDotNet gave no result for: {string.Join(", ", failed)} (see its log above)");
            rows.AddRange(RowsOf(summary));
        }
        return rows;
    }

    private static IEnumerable<Row> RowsOf(Summary summary)
    {
        foreach (var group in summary.Reports.GroupBy(r => r.BenchmarkCase.Descriptor.Type))
        {
            var reports = group.Where(r => r.ResultStatistics is not null).ToList();
            var baseline = reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Baseline);
            var baseTime = baseline?.ResultStatistics!.Median;
            var baseBytes = baseline is null ? (long?)null : Allocated(baseline);
            foreach (var report in reports)
            {
                var bytes = Allocated(report);
                yield return new Row(
                    group.Key.Name.Replace("Benchmarks", "", StringComparison.Ordinal),
                    report.BenchmarkCase.Descriptor.WorkloadMethod.Name,
                    report.ResultStatistics!.Median,
                    bytes,
                    report.ResultStatistics.Median / baseTime,
                    baseBytes is null ? null : baseBytes == 0 ? 1 : (double)bytes / baseBytes.Value);
            }
        }
    }

    private static long Allocated(BenchmarkReport report) => report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;

    public static string Format(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "–";
}
