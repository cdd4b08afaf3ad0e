using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Contracts.Benchmarks.Harness;

/// <summary>Runs the BenchmarkDotNet classes and turns their summaries into SDK-versus-baseline rows.</summary>
public static class MicroBenchmarks
{
    /// <summary>Every per-call benchmark class: each has one [Benchmark(Baseline = true)] hand-written method.</summary>
    public static readonly Type[] Classes = [typeof(Engage.EngagePushBenchmarks)];

    public static IConfig Config(bool quick) => DefaultConfig.Instance
        .AddJob(quick ? Job.ShortRun : Job.Default.WithWarmupCount(5).WithIterationCount(15).WithLaunchCount(1))
        .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.JoinSummary);

    public sealed record Row(string Benchmark, string Method, double MeanNanoseconds, long AllocatedBytes, double TimeRatio, double AllocationRatio);

    public static IReadOnlyList<Row> Run(bool quick)
    {
        var rows = new List<Row>();
        foreach (var summary in BenchmarkRunner.Run(Classes, Config(quick)))
            rows.AddRange(RowsOf(summary));
        return rows;
    }

    private static IEnumerable<Row> RowsOf(Summary summary)
    {
        foreach (var group in summary.Reports.GroupBy(r => r.BenchmarkCase.Descriptor.Type))
        {
            var reports = group.Where(r => r.ResultStatistics is not null).ToList();
            var baseline = reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Baseline);
            if (baseline is null)
                continue;
            var baseTime = baseline.ResultStatistics!.Mean;
            var baseBytes = Allocated(baseline);
            foreach (var report in reports)
            {
                var bytes = Allocated(report);
                yield return new Row(
                    group.Key.Name.Replace("Benchmarks", "", StringComparison.Ordinal),
                    report.BenchmarkCase.Descriptor.WorkloadMethod.Name,
                    report.ResultStatistics!.Mean,
                    bytes,
                    report.ResultStatistics.Mean / baseTime,
                    baseBytes == 0 ? 1 : (double)bytes / baseBytes);
            }
        }
    }

    private static long Allocated(BenchmarkReport report) => report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;

    public static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
