using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Running;
using Contracts.Benchmarks.Engage;
using Contracts.Benchmarks.Harness;
using Contracts.Sandbox;

// Modes:
//   report [--quick] [--out FILE]     everything below, written as a Markdown table (build/benchmark runs this)
//   micro [BenchmarkDotNet args]      the per-call benchmarks only (filterable: --filter *Engage*)
//   engage-batch URL N | engage-capacity URL N | engage-cold-token N | serve-sandbox   (child processes of report)
var mode = args.Length > 0 ? args[0] : "report";
switch (mode)
{
    case "micro":
        BenchmarkSwitcher.FromTypes(MicroBenchmarks.Classes).Run(args[1..], MicroBenchmarks.Config(quick: false));
        return 0;
    case "serve-sandbox":
        await using (var sandbox = await SandboxServer.StartAsync())
        {
            Console.WriteLine(sandbox.BaseUrl);
            await Console.In.ReadToEndAsync(); // the parent closes our input to stop us
        }
        return 0;
    case "engage-batch":
        Console.WriteLine(JsonSerializer.Serialize(await EngageBatchRun.SdkAsync(new Uri(args[1]), int.Parse(args[2], CultureInfo.InvariantCulture))));
        return 0;
    case "engage-capacity":
        Console.WriteLine(JsonSerializer.Serialize(await EngageBatchRun.CapacityAsync(new Uri(args[1]), int.Parse(args[2], CultureInfo.InvariantCulture))));
        return 0;
    case "engage-cold-token":
        Console.WriteLine(JsonSerializer.Serialize(await EngageColdTokenRun.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture))));
        return 0;
    case "report":
        return await Report.RunAsync(args[1..]);
    default:
        Console.Error.WriteLine($"unknown mode '{mode}': report | micro | engage-batch | engage-capacity | engage-cold-token | serve-sandbox");
        return 2;
}

internal static class Report
{
    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var outIndex = Array.IndexOf(args, "--out");
        var output = outIndex >= 0 ? args[outIndex + 1] : "benchmark-results.md";
        var markdown = new StringBuilder();
        markdown.AppendLine("# Benchmark results").AppendLine();
        markdown.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}. Produced by `bash build/benchmark`{(quick ? " (quick)" : "")}.").AppendLine();

        markdown.AppendLine("## Per call: SDK against hand-written HttpClient code (same bytes, same in-memory transport)").AppendLine();
        markdown.AppendLine("| benchmark | method | mean (µs) | allocated (bytes) | time ratio | allocation ratio |");
        markdown.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var row in MicroBenchmarks.Run(quick))
            markdown.AppendLine(CultureInfo.InvariantCulture, $"| {row.Benchmark} | {row.Method} | {row.MeanNanoseconds / 1000:0.0} | {row.AllocatedBytes:N0} | {MicroBenchmarks.Format(row.TimeRatio)} | {MicroBenchmarks.Format(row.AllocationRatio)} |");
        markdown.AppendLine();

        markdown.AppendLine("## ENGAGE batch push to the loopback sandbox (separate processes)").AppendLine();
        markdown.AppendLine("| run | destinations | seconds | destinations/s | % of limit | peak working set (MiB) |");
        markdown.AppendLine("|---|---:|---:|---:|---:|---:|");
        var sizes = quick ? new[] { 100_000 } : [100_000, 1_000_000];
        await using (var sandbox = await SandboxProcess.StartAsync())
        {
            var url = sandbox.EngageBaseUrl.ToString();
            var limit = await ChildProcess.RunForJsonAsync("engage-capacity", url, sizes[^1].ToString(CultureInfo.InvariantCulture));
            var limitRate = limit.GetProperty("destinationsPerSecond").GetDouble();
            foreach (var size in sizes)
            {
                var sdk = await ChildProcess.RunForJsonAsync("engage-batch", url, size.ToString(CultureInfo.InvariantCulture));
                AppendBatchRow(markdown, "SDK PushInChunksAsync", sdk, limitRate);
            }
            AppendBatchRow(markdown, "limit: plain HttpClient, prebuilt bodies", limit, limitRate);
        }
        markdown.AppendLine();

        var cold = await ChildProcess.RunForJsonAsync("engage-cold-token", "1000");
        markdown.AppendLine("## Cold client: 1,000 concurrent calls").AppendLine();
        markdown.AppendLine(CultureInfo.InvariantCulture, $"{cold.GetProperty("tokenRequests").GetInt64()} token request(s); all calls done in {cold.GetProperty("totalMilliseconds").GetDouble()} ms (p50 {cold.GetProperty("p50Milliseconds").GetDouble()} ms, p99 {cold.GetProperty("p99Milliseconds").GetDouble()} ms).").AppendLine();

        await File.WriteAllTextAsync(output, markdown.ToString());
        Console.WriteLine(markdown);
        Console.WriteLine($"written to {Path.GetFullPath(output)}");
        return 0;
    }

    private static void AppendBatchRow(StringBuilder markdown, string name, JsonElement run, double limitRate)
    {
        var rate = run.GetProperty("destinationsPerSecond").GetDouble();
        markdown.AppendLine(CultureInfo.InvariantCulture,
            $"| {name} | {run.GetProperty("destinations").GetInt64():N0} | {run.GetProperty("seconds").GetDouble():0.00} | {rate:N0} | {rate / limitRate * 100:0}% | {run.GetProperty("peakWorkingSetMiB").GetDouble():0.0} |");
    }
}
