using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Contracts.Benchmarks.Harness;
using Contracts.Core.Batching;
using Contracts.Engage;
using Contracts.Sandbox.Engage;

namespace Contracts.Benchmarks.Engage;

/// <summary>
/// The batch measurements, each run in a process of its own against the sandbox process: the SDK streaming N
/// destinations with its default batch size and concurrency, and the limit: plain HttpClient posting prebuilt
/// requests of the same size at the same concurrency.
/// </summary>
public static class EngageBatchRun
{
    private const string ClientId = "sandbox-client";
    private const string ClientSecret = "sandbox-secret";

    /// <summary>Destinations per warm-up round (see <see cref="JitWarmUp"/>).</summary>
    private const int WarmUpDestinations = 50_000;

    /// <summary>
    /// SDK: PushInChunksAsync over a lazily generated input, default options. With the sandbox's process id, its CPU
    /// time during the timed run is reported beside the client's.
    /// </summary>
    public static async Task<object> SdkAsync(Uri engageUrl, int count, int? sandboxPid = null)
    {
        var options = new EngageClientOptions { BaseUrl = engageUrl, ClientId = ClientId, ClientSecret = ClientSecret };
        using var client = new EngageClient(options);
        var push = EngagePush.FromANumberGroup(EngageSandboxOptions.DemoProgram, EngageSandboxOptions.DemoANumberGroup);
        await JitWarmUp.UntilQuietAsync(() => CountAsync(client.PushInChunksAsync(push, Generate(WarmUpDestinations)))).ConfigureAwait(false);

        var sandboxCpu = SandboxCpuTime(sandboxPid);
        var cpu = CpuTime();
        var clock = Stopwatch.StartNew();
        long accepted = 0, other = 0;
        var runs = await TimedRepetitions.RunAsync(async () =>
        {
            var (runAccepted, runOther) = await CountAsync(client.PushInChunksAsync(push, Generate(count))).ConfigureAwait(false);
            accepted += runAccepted;
            other += runOther;
        }, clock).ConfigureAwait(false);
        clock.Stop();
        return Figures("sdk", count, runs, accepted, other, clock.Elapsed, CpuTime() - cpu, SandboxCpuTime(sandboxPid) - sandboxCpu, options.BatchSize, options.MaxConcurrency);
    }

    /// <summary>
    /// The limit: plain HttpClient posting a prebuilt body (every chunk of the generated input holds the same
    /// numbers) with one token, at the SDK's default batch size and concurrency.
    /// </summary>
    public static async Task<object> CapacityAsync(Uri engageUrl, int count, int? sandboxPid = null)
    {
        var defaults = new EngageClientOptions();
        using var http = new HttpClient { BaseAddress = engageUrl };
        var token = await TokenAsync(http).ConfigureAwait(false);
        var body = BuildBody(Generate(defaults.BatchSize).ToArray());
        var uri = new Uri($"federated/outbound/v2/batch?programContentUuid={EngageSandboxOptions.DemoProgram}", UriKind.Relative);
        async Task<(long Accepted, long Other)> PostAsync(int destinations)
        {
            long accepted = 0, other = 0;
            var requests = Enumerable.Range(0, destinations / defaults.BatchSize);
            await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = defaults.MaxConcurrency }, async (_, ct) =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
                Interlocked.Add(ref response.IsSuccessStatusCode ? ref accepted : ref other, defaults.BatchSize);
            }).ConfigureAwait(false);
            return (accepted, other);
        }

        await JitWarmUp.UntilQuietAsync(() => PostAsync(WarmUpDestinations)).ConfigureAwait(false);
        var sandboxCpu = SandboxCpuTime(sandboxPid);
        var cpu = CpuTime();
        var clock = Stopwatch.StartNew();
        long accepted = 0, other = 0;
        var runs = await TimedRepetitions.RunAsync(async () =>
        {
            var (runAccepted, runOther) = await PostAsync(count).ConfigureAwait(false);
            accepted += runAccepted;
            other += runOther;
        }, clock).ConfigureAwait(false);
        clock.Stop();
        return Figures("capacity", count, runs, accepted, other, clock.Elapsed, CpuTime() - cpu, SandboxCpuTime(sandboxPid) - sandboxCpu, defaults.BatchSize, defaults.MaxConcurrency);
    }

    private static async Task<(long Accepted, long Other)> CountAsync(IAsyncEnumerable<BatchChunkResult<Destination>> results)
    {
        long accepted = 0, other = 0;
        await foreach (var result in results.ConfigureAwait(false))
        {
            if (result.Outcome == BatchItemOutcome.Accepted)
                accepted += result.Items.Count;
            else
                other += result.Items.Count;
        }
        return (accepted, other);
    }

    /// <summary>CPU time of this process (every thread): the client's own work, which shares the machine with the sandbox.</summary>
    internal static TimeSpan CpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>
    /// CPU time of the sandbox process (null: not measured). Client and sandbox share the machine's cores, so when
    /// together they keep every core busy, the batch's rate is set by the CPU both spend per destination.
    /// </summary>
    private static TimeSpan? SandboxCpuTime(int? pid)
    {
        if (pid is not { } id)
            return null;
        using var sandbox = Process.GetProcessById(id);
        return sandbox.TotalProcessorTime;
    }

    /// <summary>
    /// The figures of <paramref name="runs"/> back-to-back runs of <paramref name="count"/> destinations each (see
    /// <see cref="TimedRepetitions"/>): seconds per run, the rest per destination over all runs.
    /// </summary>
    private static object Figures(string mode, int count, int runs, long accepted, long other, TimeSpan elapsed, TimeSpan cpu, TimeSpan? sandboxCpu, int batchSize, int concurrency)
    {
        using var self = Process.GetCurrentProcess();
        return new
        {
            mode,
            destinations = count,
            runs,
            accepted,
            notAccepted = other,
            seconds = Math.Round(elapsed.TotalSeconds / runs, 3),
            destinationsPerSecond = Math.Round((double)count * runs / elapsed.TotalSeconds),
            clientCpuMicrosecondsPerDestination = Math.Round(cpu.TotalMicroseconds / count / runs, 3),
            sandboxCpuMicrosecondsPerDestination = sandboxCpu is { } sandbox ? Math.Round(sandbox.TotalMicroseconds / count / runs, 3) : (double?)null,
            coresBusy = sandboxCpu is { } both ? Math.Round((cpu + both) / elapsed, 2) : (double?)null,
            peakWorkingSetMiB = Math.Round(self.PeakWorkingSet64 / 1024.0 / 1024.0, 1),
            batchSize,
            concurrency,
        };
    }

    // A thousand numbers, reused: making the input is the caller's work, not the SDK's, so it is kept cheap.
    private static readonly string[] Numbers = Enumerable.Range(0, 1000).Select(i => string.Create(CultureInfo.InvariantCulture, $"+1555{i:D7}")).ToArray();

    /// <summary>The input, produced lazily as a reader of a file or a database would: a new destination per item.</summary>
    internal static IEnumerable<Destination> Generate(int count)
    {
        for (var i = 0; i < count; i++)
            yield return new Destination { BNumber = Numbers[i % Numbers.Length] };
    }

    private static byte[] BuildBody(Destination[] chunk)
    {
        var builder = new StringBuilder("{\"destinations\":[");
        for (var i = 0; i < chunk.Length; i++)
            builder.Append(i == 0 ? "" : ",").Append("{\"bNumber\":\"").Append(chunk[i].BNumber).Append("\"}");
        builder.Append("],\"aNumberGroupId\":\"").Append(EngageSandboxOptions.DemoANumberGroup).Append("\",\"ttlSeconds\":3600,\"keepAfterCall\":false}");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static async Task<string> TokenAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "federated/content/v2/token")
        {
            Content = new StringContent($$"""{"clientId":"{{ClientId}}","clientSecret":"{{ClientSecret}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Federated-Purpose", "inform");
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
        return json.RootElement.GetProperty("accessToken").GetString()!;
    }
}
