using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Contracts.Benchmarks.Cli;
using Contracts.Benchmarks.Engage;

namespace Contracts.Benchmarks.Harness;

/// <summary>
/// Runs every measurement and writes them as Markdown tables: per call (paired rounds for the ratios,
/// BenchmarkDotNet for absolute times and allocations), signing, the ENGAGE batch against the sandbox's limit, the cold-client token run and the build times.
/// </summary>
public static class Report
{
    /// <summary>
    /// Per-call benchmark classes: what they measure, the method the SDK is held to (the class's
    /// [Benchmark(Baseline = true)]), and whether the allocation target applies. ONC is held to the generated WCF
    /// client called directly, since WCF's serializer is not the SDK's cost; its hand-written SOAP post is shown beside it.
    /// </summary>
    private static readonly Dictionary<string, (string Title, string Baseline, bool AllocationTarget)> Operations = new()
    {
        ["EngagePush"] = ("ENGAGE push, 100 destinations", "HandWritten", true),
        ["OgangiSendSms"] = ("Ogangi sendSMS", "HandWritten", true),
        ["AccengageInstantMessage"] = ("Accengage instant message, 100 targets", "HandWritten", true),
        ["OncAddContact"] = ("ONC AddCampaignContact over WCF", "GeneratedWcf", false),
    };

    /// <summary>How each benchmark method is named in the tables.</summary>
    private static readonly Dictionary<string, string> MethodLabels = new()
    {
        ["HandWritten"] = "hand-written",
        ["GeneratedWcf"] = "generated WCF client, called directly",
        ["Sdk"] = "SDK",
    };

    private const double TimeTarget = 1.10;
    private const double AllocationTarget = 1.5;
    private const double BatchTarget = 0.90;
    private const int BatchRepetitions = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var output = Option(args, "--out") ?? "benchmark-results.md";
        var build = Option(args, "--build");
        var artifacts = Option(args, "--artifacts");
        var clock = Stopwatch.StartNew();
        var loadAtStart = LoadAverage();
        var markdown = new StringBuilder();

        var rows = MicroBenchmarks.Run(quick, artifacts);
        var paired = new Dictionary<(string Benchmark, string Method), Paired>();
        foreach (var benchmark in rows.Where(r => Operations.ContainsKey(r.Benchmark)).GroupBy(r => r.Benchmark))
        {
            var methods = benchmark.Select(r => r.Method).ToList();
            var ratios = await PairedRatiosAsync(benchmark.Key, methods).ConfigureAwait(false);
            foreach (var (method, ratio) in ratios)
                paired[(benchmark.Key, method)] = ratio;
        }
        var batch = await BatchAsync(quick ? [100_000] : [100_000, 10_000_000], quick ? 1 : BatchRepetitions).ConfigureAwait(false);
        var cold = await ChildProcess.RunForJsonAsync("engage-cold-token", "1000").ConfigureAwait(false);
        var refused = new List<JsonElement>();
        foreach (var contacts in quick ? [100_000] : new[] { 100_000, 1_000_000 })
            refused.Add(await ChildProcess.RunForJsonAsync("notify-refused-contacts", contacts.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false));

        markdown.AppendLine("# Benchmark results").AppendLine();
        markdown.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Produced by `bash build/benchmark`{(quick ? " (quick)" : "")} in {clock.Elapsed.TotalMinutes:0.0} minutes on {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}. ") +
            $"Load average (1, 5, 15 minutes) at the start: {loadAtStart}; at the end: {LoadAverage()}. The machine is shared with other builds: " +
            "compare the SDK with its baseline through the ratios, which are measured side by side in the same run.").AppendLine();

        AppendPerCall(markdown, rows, paired);
        AppendSigning(markdown, rows);
        AppendBatch(markdown, batch);
        markdown.AppendLine("## Cold client: 1,000 concurrent calls").AppendLine();
        markdown.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"1,000 token health checks started at once on a new client against the sandbox: {cold.GetProperty("tokenRequests").GetInt64()} token request(s) " +
            $"(tests/Contracts.Engage.Tests asserts exactly one); all done in {cold.GetProperty("totalMilliseconds").GetDouble()} ms, " +
            $"latency p50 {cold.GetProperty("p50Milliseconds").GetDouble()} ms, p99 {cold.GetProperty("p99Milliseconds").GetDouble()} ms.")).AppendLine();
        AppendRefusedContacts(markdown, refused);
        AppendBuild(markdown, build);

        await File.WriteAllTextAsync(output, markdown.ToString()).ConfigureAwait(false);
        Console.WriteLine(markdown);
        Console.WriteLine($"written to {Path.GetFullPath(output)}");
        return 0;
    }

    private static void AppendPerCall(StringBuilder markdown, IReadOnlyList<MicroBenchmarks.Row> rows, Dictionary<(string Benchmark, string Method), Paired> paired)
    {
        markdown.AppendLine("## Per call: SDK against hand-written HttpClient code (ONC: against the generated WCF client called directly)").AppendLine();
        markdown.Append("Same bytes on the wire (checked before measuring), same in-memory transport, same canned answer. ")
            .Append(CultureInfo.InvariantCulture, $"Targets for the REST clients: at most {TimeTarget:0.00}x the hand-written baseline's time and {AllocationTarget:0.0}x its allocations, per call, in the same paired run. ")
            .Append(CultureInfo.InvariantCulture, $"ONC: at most {TimeTarget:0.00}x the time of the same generated WCF client called directly with the session id in hand (WCF's serializer is not the SDK's cost); the hand-written SOAP post is shown for reference, its ratios to that baseline too. ")
            .Append("*Paired* ratios: SDK and baseline in one process, 60 alternating rounds of 300 calls each after the JIT has settled, the median of the per-round ratios of wall-clock time, ")
            .Append("of the calling thread's CPU time (rounds whose calls changed thread left out, *skipped*: that thread's clock would miss work done elsewhere) and of the process's CPU time (all threads: timers, thread-pool hops, the GC). ")
            .Append("The time target is met only when the paired wall-clock and thread CPU ratios are both within it (a load change hits both sides of a round alike; the thread's CPU time does not count waiting for a core), ")
            .Append("and the process CPU ratio too when a round changed thread. ")
            .Append("Median time and allocations are BenchmarkDotNet's (Release, two processes per benchmark); its *unpaired* time ratio, the ratio of medians measured minutes apart in different processes, is shown for reference: on a shared machine it also compares two loads (ENGAGE read 1.21x unpaired in a run whose paired ratios were about 1.0).")
            .AppendLine().AppendLine();
        markdown.AppendLine("| operation | method | median (µs) | allocated (bytes) | allocation ratio | wall-clock ratio, paired | thread CPU ratio, paired | process CPU ratio, paired | skipped rounds | time ratio, unpaired | targets |");
        markdown.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var row in rows.Where(r => Operations.ContainsKey(r.Benchmark)).OrderBy(r => Operations.Keys.ToList().IndexOf(r.Benchmark)).ThenBy(r => r.Method != Operations[r.Benchmark].Baseline).ThenBy(r => r.Method != "Sdk"))
        {
            var (title, baseline, allocationTarget) = Operations[row.Benchmark];
            var measured = paired.GetValueOrDefault((row.Benchmark, row.Method)) ?? Paired.Missing;
            var verdict = row.Method == baseline ? "baseline" : row.Method != "Sdk" ? "reference" : Verdict(row, measured, allocationTarget);
            markdown.AppendLine(CultureInfo.InvariantCulture,
                $"| {title} | {MethodLabels.GetValueOrDefault(row.Method, row.Method)} | {row.MedianNanoseconds / 1000:0.0} | {row.AllocatedBytes:N0} | {MicroBenchmarks.Format(row.AllocationRatio)} | {MicroBenchmarks.Format(measured.Wall)} | {MicroBenchmarks.Format(measured.ThreadCpu)} | {MicroBenchmarks.Format(measured.ProcessCpu)} | {measured.SkippedRounds?.ToString(CultureInfo.InvariantCulture) ?? "–"} | {MicroBenchmarks.Format(row.TimeRatio)} | {verdict} |");
        }
        markdown.AppendLine();
    }

    private static string Verdict(MicroBenchmarks.Row row, Paired paired, bool allocationTarget)
    {
        var missed = new List<string>();
        if (paired.Wall is not { } wall || wall > TimeTarget)
            missed.Add("paired wall-clock time");
        if (paired.ThreadCpu is not { } cpu || cpu > TimeTarget)
            missed.Add("paired CPU time");
        if (paired.SkippedRounds is not 0 && (paired.ProcessCpu is not { } process || process > TimeTarget))
            missed.Add("paired process CPU time");
        if (allocationTarget && row.AllocationRatio > AllocationTarget)
            missed.Add("allocations");
        return missed.Count == 0 ? "met" : $"missed: {string.Join(", ", missed)}";
    }

    private static void AppendSigning(StringBuilder markdown, IReadOnlyList<MicroBenchmarks.Row> rows)
    {
        markdown.AppendLine("## Signing, per call").AppendLine();
        markdown.AppendLine("| step | median (ns) | allocated (bytes) |");
        markdown.AppendLine("|---|---:|---:|");
        foreach (var row in rows.Where(r => r.Benchmark == "Signing"))
        {
            var step = row.Method switch
            {
                "AccengageHeaderSignature" => "Accengage header signature: SHA1 over the body of a 100-target instant message, the API key and the time",
                "OgangiPathSignature" => "Ogangi path signature: HMAC-SHA256 over the parameters of a sendSMS",
                _ => row.Method,
            };
            markdown.AppendLine(CultureInfo.InvariantCulture, $"| {step} | {row.MedianNanoseconds:N0} | {row.AllocatedBytes:N0} |");
        }
        markdown.AppendLine();
    }

    /// <summary>One method's paired ratios to its baseline (null where the run gave none) and its skipped rounds.</summary>
    private sealed record Paired(double? Wall, double? ThreadCpu, double? ProcessCpu, int? SkippedRounds)
    {
        public static readonly Paired Missing = new(null, null, null, null);
    }

    /// <summary>
    /// The paired ratios of each of a class's methods to the one the SDK is held to, measured in the same
    /// alternating rounds (<see cref="PairedRounds"/>), in a process of its own.
    /// </summary>
    private static async Task<Dictionary<string, Paired>> PairedRatiosAsync(string benchmark, IReadOnlyList<string> methods)
    {
        var baseline = Operations[benchmark].Baseline;
        var ordered = methods.OrderBy(m => m != baseline).ToList();
        var result = await ChildProcess.RunForJsonAsync(["cpu", .. ordered.Select(m => $"{benchmark}Benchmarks.{m}")]).ConfigureAwait(false);
        double? Ratio(string name, int i) => result.GetProperty(name)[i] is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;
        var byMethod = new Dictionary<string, Paired>();
        for (var i = 0; i < ordered.Count; i++)
            byMethod[ordered[i]] = new Paired(Ratio("wallRatios", i), Ratio("ratios", i), Ratio("processCpuRatios", i), result.GetProperty("skippedRounds")[i].GetInt32());
        return byMethod;
    }

    /// <summary>
    /// The ENGAGE batch part alone, printed as the report writes it: <c>report-batch [--repetitions N] [SIZE...]</c>
    /// (default: the report's sizes and repetitions), for comparing a change without the per-call benchmarks.
    /// </summary>
    public static async Task<int> BatchOnlyAsync(string[] args)
    {
        var repetitions = Option(args, "--repetitions") is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : BatchRepetitions;
        var sizes = args.Where((arg, i) => !arg.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] != "--repetitions"))
            .Select(arg => int.Parse(arg, CultureInfo.InvariantCulture)).ToArray();
        var loadAtStart = LoadAverage();
        var markdown = new StringBuilder();
        AppendBatch(markdown, await BatchAsync(sizes.Length > 0 ? sizes : [100_000, 10_000_000], repetitions).ConfigureAwait(false));
        markdown.AppendLine(CultureInfo.InvariantCulture, $"Load average at the start: {loadAtStart}; at the end: {LoadAverage()}.");
        Console.Write(markdown.ToString());
        return 0;
    }

    private sealed record BatchFigures(int Destinations, JsonElement[] Limit, JsonElement[] Sdk, JsonElement[] SerializeOnly);

    /// <summary>
    /// Each size is measured <paramref name="repetitions"/> times: a limit run, then serialising alone, then the SDK,
    /// every run in a process of its own against one sandbox process; the medians are reported. Serialising alone runs
    /// right before each SDK run so that each SDK run has a reference taken in the same window of the machine's load
    /// (see <see cref="PairedFloorRatio"/>).
    /// </summary>
    private static async Task<List<BatchFigures>> BatchAsync(int[] sizes, int repetitions)
    {
        var figures = new List<BatchFigures>();
        await using var sandbox = await SandboxProcess.StartAsync().ConfigureAwait(false);
        var url = sandbox.EngageBaseUrl.ToString();
        var sandboxPid = sandbox.Id.ToString(CultureInfo.InvariantCulture);
        foreach (var size in sizes)
        {
            var count = size.ToString(CultureInfo.InvariantCulture);
            var limit = new List<JsonElement>();
            var sdk = new List<JsonElement>();
            var serializeOnly = new List<JsonElement>();
            for (var i = 0; i < repetitions; i++)
            {
                limit.Add(await ChildProcess.RunForJsonAsync("engage-capacity", url, count, sandboxPid).ConfigureAwait(false));
                serializeOnly.Add(await ChildProcess.RunForJsonAsync("engage-serialize", count).ConfigureAwait(false));
                sdk.Add(await ChildProcess.RunForJsonAsync("engage-batch", url, count, sandboxPid).ConfigureAwait(false));
            }
            figures.Add(new BatchFigures(size, [.. limit], [.. sdk], [.. serializeOnly]));
        }
        return figures;
    }

    private static void AppendBatch(StringBuilder markdown, List<BatchFigures> batch)
    {
        markdown.AppendLine("## ENGAGE batch push to the loopback sandbox").AppendLine();
        markdown.Append("The SDK's `PushInChunksAsync` with its default batch size and concurrency (1,000 destinations per request, 4 in flight) over a lazily generated input, ")
            .Append("beside the limit: the same harness posting a prebuilt request body with plain HttpClient at the same batch size and concurrency. Client and sandbox run in ")
            .Append("processes of their own (peak working set is the client's own), before the clock starts each side pushes rounds of 50,000 destinations until the JIT has compiled nothing for 1 s (a timed run of 1,000,000 lasts a fraction of a second: unoptimised code would be most of it), each measurement times whole runs of its size back to back until a second has passed (a run of 100,000 lasts about 30 ms: one run's CPU time was mostly noise), the seconds column is per run, and each figure is the median of ")
            .Append(CultureInfo.InvariantCulture, $"{batch.Max(b => b.Sdk.Length)} runs, a limit run and a run of serialising alone right before each SDK run. Targets: at least {BatchTarget * 100:0}% of the limit; the same peak memory at every size; client CPU per destination at most {EngageSerializeOnlyRun.Target:0.0}x that of only serialising the same request bodies with source-generated System.Text.Json (the floor: the bytes must be produced). ")
            .Append("*CPU / serialising alone* is the median of the per-pair ratios (each SDK run over the serialising run right before it, in the same window of the machine's load), not the ratio of two medians taken at different moments; the range of the pairs follows it.")
            .AppendLine().AppendLine();
        markdown.AppendLine("| run | destinations | seconds | destinations/s | % of limit | client CPU (µs per destination) | CPU / serialising alone | sandbox CPU (µs per destination) | cores busy | peak working set (MiB) |");
        markdown.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in batch)
        {
            var limitRate = Median(size.Limit, "destinationsPerSecond");
            var sdkRate = Median(size.Sdk, "destinationsPerSecond");
            var floor = Median(size.SerializeOnly, "clientCpuMicrosecondsPerDestination");
            var sdkCpu = Median(size.Sdk, "clientCpuMicrosecondsPerDestination");
            markdown.AppendLine(CultureInfo.InvariantCulture,
                $"| serialising alone: source-generated System.Text.Json, nothing sent | {size.Destinations:N0} | {Median(size.SerializeOnly, "seconds"):0.00} | | | {floor:0.000} | 1.00 | | | {Median(size.SerializeOnly, "peakWorkingSetMiB"):0.0} |");
            markdown.AppendLine(CultureInfo.InvariantCulture,
                $"| limit: plain HttpClient, prebuilt body | {size.Destinations:N0} | {Median(size.Limit, "seconds"):0.00} | {limitRate:N0} | 100% | {Median(size.Limit, "clientCpuMicrosecondsPerDestination"):0.000} | | {Median(size.Limit, "sandboxCpuMicrosecondsPerDestination"):0.000} | {Median(size.Limit, "coresBusy"):0.00} | {Median(size.Limit, "peakWorkingSetMiB"):0.0} |");
            markdown.AppendLine(CultureInfo.InvariantCulture,
                $"| SDK `PushInChunksAsync` | {size.Destinations:N0} | {Median(size.Sdk, "seconds"):0.00} | {sdkRate:N0} | {sdkRate / limitRate * 100:0}% | {sdkCpu:0.000} | {PairedFloorRatio(size)} | {Median(size.Sdk, "sandboxCpuMicrosecondsPerDestination"):0.000} | {Median(size.Sdk, "coresBusy"):0.00} | {Median(size.Sdk, "peakWorkingSetMiB"):0.0} |");
        }
        markdown.AppendLine();
        markdown.Append(CultureInfo.InvariantCulture, $"*Cores busy*: client and sandbox CPU time over the run's wall time, out of {Environment.ProcessorCount}. When both keep every core busy, the rate is set by the CPU the two spend per destination, so the SDK's share of the limit can be no more than (limit client CPU + limit sandbox CPU) / (SDK client CPU + SDK sandbox CPU): ");
        markdown.AppendLine(string.Join("; ", batch.Select(size => string.Create(CultureInfo.InvariantCulture,
            $"{Ceiling(size) * 100:0}% at {size.Destinations:N0}"))) + ".");
        markdown.AppendLine();
    }

    /// <summary>
    /// The SDK's client CPU per destination over that of serialising alone, pair by pair (each SDK run over the
    /// serialising run right before it): the median, and the range when there are several pairs. The two are measured
    /// seconds apart, so a change of the machine's load between them moves one pair, not the figure.
    /// </summary>
    private static string PairedFloorRatio(BatchFigures size)
    {
        const string Cpu = "clientCpuMicrosecondsPerDestination";
        var ratios = size.Sdk.Zip(size.SerializeOnly, (sdk, floor) => sdk.GetProperty(Cpu).GetDouble() / floor.GetProperty(Cpu).GetDouble()).Order().ToArray();
        var median = ratios[ratios.Length / 2];
        return ratios.Length == 1
            ? string.Create(CultureInfo.InvariantCulture, $"{median:0.00}")
            : string.Create(CultureInfo.InvariantCulture, $"{median:0.00} ({ratios[0]:0.00}-{ratios[^1]:0.00})");
    }

    private static void AppendRefusedContacts(StringBuilder markdown, List<JsonElement> runs)
    {
        markdown.AppendLine("## notify: memory when every row is refused").AppendLine();
        markdown.AppendLine(
            "`notify onc contacts add --sandbox --outcomes FILE --json` over a file whose every contact the SDK refuses (retryCount 300), " +
            "run in one process with the embedded sandbox (`notify-refused-contacts N`): every refusal is a journal row and a JSON item, " +
            "streamed. Peak working set of the process; peak GC heap sampled every 20 ms. " +
            $"Bound: {RefusedContactsMemoryRun.BoundMiB} MiB of working set, the same at 100,000 and 1,000,000 rows " +
            "(before the journal streamed them, 1,000,000 refused rows took 416 MB, 1.8 GB with --json).").AppendLine();
        markdown.AppendLine("| rows | seconds | peak working set (MiB) | peak GC heap (MiB) | journal (MiB) | exit code |");
        markdown.AppendLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var run in runs)
        {
            markdown.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {run.GetProperty("contacts").GetInt32():N0} | {run.GetProperty("seconds").GetDouble()} | {run.GetProperty("peakWorkingSetMiB").GetDouble()} | {run.GetProperty("peakGcHeapMiB").GetDouble()} | {run.GetProperty("journalMiB").GetDouble()} | {run.GetProperty("exitCode").GetInt32()} |"));
        }
        markdown.AppendLine();
    }

    private static void AppendBuild(StringBuilder markdown, string? buildJson)
    {
        markdown.AppendLine("## Build").AppendLine();
        if (buildJson is null)
        {
            markdown.AppendLine("Not measured in this run (`bash build/measure-build` measures it; `bash build/benchmark` passes it here).").AppendLine();
            return;
        }
        using var document = JsonDocument.Parse(buildJson);
        var build = document.RootElement;
        markdown.AppendLine("`bash build/measure-build`: `dotnet build Contracts.sln -c Release` in a fresh copy of the working tree (NuGet packages already in the local cache).").AppendLine();
        markdown.AppendLine("| build | seconds |");
        markdown.AppendLine("|---|---:|");
        markdown.AppendLine(CultureInfo.InvariantCulture, $"| clean (restore and generation of every client included) | {build.GetProperty("clean").GetDouble():0.0} |");
        markdown.AppendLine(CultureInfo.InvariantCulture, $"| no-op | {build.GetProperty("noop").GetDouble():0.0} |");
        markdown.AppendLine(CultureInfo.InvariantCulture, $"| after touching `{build.GetProperty("contract").GetString()}` (regenerated, output unchanged) | {build.GetProperty("touched").GetDouble():0.0} |");
        markdown.AppendLine(CultureInfo.InvariantCulture, $"| after editing an operation summary in it (regenerated and recompiled) | {build.GetProperty("edited").GetDouble():0.0} |");
        markdown.AppendLine();
    }

    /// <summary>The SDK's largest share of the limit's rate that the CPU both sides spend per destination allows on a saturated machine.</summary>
    private static double Ceiling(BatchFigures size)
        => (Median(size.Limit, "clientCpuMicrosecondsPerDestination") + Median(size.Limit, "sandboxCpuMicrosecondsPerDestination"))
            / (Median(size.Sdk, "clientCpuMicrosecondsPerDestination") + Median(size.Sdk, "sandboxCpuMicrosecondsPerDestination"));

    private static double Median(JsonElement[] runs, string property)
    {
        var values = runs.Select(r => r.GetProperty(property).GetDouble()).Order().ToArray();
        return values[values.Length / 2];
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string LoadAverage()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{fields[0]}, {fields[1]}, {fields[2]}";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
