using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Running;
using Contracts.Benchmarks.Cli;
using Contracts.Benchmarks.Engage;
using Contracts.Benchmarks.Harness;
using Contracts.Sandbox;

// Modes:
//   report [--quick] [--out FILE] [--build JSON]   everything below, written as Markdown tables (build/benchmark runs this)
//   report-batch [--repetitions N] [SIZE...]   the ENGAGE batch part of report alone, printed (default 100,000 and 10,000,000, 3 repetitions)
//   micro [BenchmarkDotNet args]      the per-call benchmarks only (filterable: --filter *Engage*)
//   engage-batch URL N [SANDBOX_PID] | engage-capacity URL N [SANDBOX_PID] | engage-serialize N | engage-cold-token N | serve-sandbox   (child processes of report)
//   loop Class.Method N               one benchmark method N times, for perf record / valgrind --tool=callgrind
//   engage-batch-loop N ROUNDS         PushInChunksAsync of N destinations over the in-memory transport, ROUNDS times (client CPU only, for perf)
//   alloc-profile Class.Method N [TOP] bytes per call and the TOP (25) types allocated (sampled), for finding what to cut
//   cpu Baseline.Method Other.Method...   paired: thread CPU, wall-clock and process CPU time per call in alternating rounds, median ratios to the first, rounds that changed thread
//   completion Class.Method...      per method: calls completing asynchronously, calls resuming on another thread, CPU per call awaited and blocked on (as BenchmarkDotNet waits)
//   notify-refused-contacts N         `notify onc contacts add` of N refused rows (--outcomes, --json) in this process: peak working set and GC heap
var mode = args.Length > 0 ? args[0] : "report";
switch (mode)
{
    case "micro":
        BenchmarkSwitcher.FromAssembly(typeof(MicroBenchmarks).Assembly).Run(args[1..], MicroBenchmarks.Config(quick: false));
        return 0;
    case "serve-sandbox":
        await using (var sandbox = await SandboxServer.StartAsync())
        {
            Console.WriteLine(sandbox.BaseUrl);
            await Console.In.ReadToEndAsync(); // the parent closes our input to stop us
        }
        return 0;
    case "engage-batch":
        Console.WriteLine(JsonSerializer.Serialize(await EngageBatchRun.SdkAsync(new Uri(args[1]), int.Parse(args[2], CultureInfo.InvariantCulture), SandboxPid(args))));
        return 0;
    case "engage-capacity":
        Console.WriteLine(JsonSerializer.Serialize(await EngageBatchRun.CapacityAsync(new Uri(args[1]), int.Parse(args[2], CultureInfo.InvariantCulture), SandboxPid(args))));
        return 0;
    case "engage-serialize":
        Console.WriteLine(JsonSerializer.Serialize(await EngageSerializeOnlyRun.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture))));
        return 0;
    case "engage-cold-token":
        Console.WriteLine(JsonSerializer.Serialize(await EngageColdTokenRun.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture))));
        return 0;
    case "loop":
    {
        var loop = await BenchmarkLoop.CreateAsync(args[1]);
        await loop.RunAsync(int.Parse(args[2], CultureInfo.InvariantCulture));
        return 0;
    }
    case "engage-batch-loop":
        await EngageBatchLoop.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture));
        return 0;
    case "alloc-profile":
    {
        var loop = await BenchmarkLoop.CreateAsync(args[1]);
        var count = int.Parse(args[2], CultureInfo.InvariantCulture);
        await loop.RunAsync(count); // warm up: JIT and tiering allocate too
        using var sampler = new AllocationSampler();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        sampler.Start();
        await loop.RunAsync(count);
        sampler.Stop();
        Console.WriteLine($"{(GC.GetTotalAllocatedBytes(precise: true) - before) / (double)count:N0} bytes per call");
        foreach (var (type, share) in sampler.Top(args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 25))
            Console.WriteLine($"{share,6:P1}  {type}");
        return 0;
    }
    case "cpu":
    {
        var loops = new List<BenchmarkLoop>();
        foreach (var name in args[1..])
            loops.Add(await BenchmarkLoop.CreateAsync(name));
        var results = await PairedRounds.MeasureAsync(loops, rounds: 60, callsPerRound: 300);
        Console.WriteLine($"{"",-50} {"thread CPU",13}  {"CPU",5}  {"wall",5}  {"process",7}  skipped");
        for (var i = 0; i < loops.Count; i++)
            Console.WriteLine($"{args[1 + i],-50} {results[i].ThreadCpuNanoseconds / 1000,10:0.0} µs  {results[i].ThreadCpuRatio,4:0.00}x  {results[i].WallRatio,4:0.00}x  {results[i].ProcessCpuRatio,6:0.00}x  {results[i].SkippedRounds,7}");
        static double? Rounded(double ratio) => double.IsNaN(ratio) ? null : Math.Round(ratio, 3);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            ratios = results.Select(r => Rounded(r.ThreadCpuRatio)),
            wallRatios = results.Select(r => Rounded(r.WallRatio)),
            processCpuRatios = results.Select(r => Rounded(r.ProcessCpuRatio)),
            skippedRounds = results.Select(r => r.SkippedRounds),
        }));
        return 0;
    }
    case "completion":
    {
        foreach (var name in args[1..])
        {
            var loop = await BenchmarkLoop.CreateAsync(name);
            await JitWarmUp.UntilQuietAsync(() => loop.RunAsync(300));
            for (var run = 0; run < 3; run++)
            {
                var probe = await CompletionProbe.MeasureAsync(loop, 20_000);
                Console.WriteLine($"{name,-50} pending {probe.Pending,6} of {probe.Calls}  resumed elsewhere {probe.ResumedElsewhere,4}  awaited {probe.AwaitedThreadCpuNanoseconds / 1000,5:0.0} µs thread CPU  blocked on {probe.BlockedProcessCpuNanoseconds / 1000,5:0.0} µs process CPU");
            }
        }
        return 0;
    }
    case "notify-refused-contacts":
        Console.WriteLine(JsonSerializer.Serialize(await RefusedContactsMemoryRun.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture))));
        return 0;
    case "report":
        return await Report.RunAsync(args[1..]);
    case "report-batch":
        return await Report.BatchOnlyAsync(args[1..]);
    default:
        Console.Error.WriteLine($"unknown mode '{mode}': report | report-batch | micro | loop | engage-batch-loop | alloc-profile | cpu | notify-refused-contacts | engage-batch | engage-capacity | engage-serialize | engage-cold-token | serve-sandbox");
        return 2;
}

static int? SandboxPid(string[] args) => args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : null;
