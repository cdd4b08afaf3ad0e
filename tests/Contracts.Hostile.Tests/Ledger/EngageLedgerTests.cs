using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Contracts.Core.Batching;
using Contracts.Engage;
using Contracts.Hostile.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Contracts.Hostile.Tests.Ledger;

/// <summary>
/// The batch ledger against a server that fails at random: every destination gets exactly one outcome, and the
/// outcome agrees with what the server did (accepted = processed once, not attempted and rejected = never processed,
/// unknown = at most once, never twice).
/// </summary>
public sealed class EngageLedgerTests(ITestOutputHelper output)
{
    private const string TokenPath = "/federated/content/v2/token";
    private const string PushPath = "/federated/outbound/v2/batch";
    private const int Destinations = 2_000;

    private const string PushSuccess = """{"response":"success","message":null,"errorCode":"","requestId":"329f83c4-38ca-4760-a18a-3fb44962c536"}""";
    private const string PushRefused = """{"response":"Invalid program setup on this program","message":"Batch push could not complete push successfully.","errorCode":400,"requestId":"e9a76f6b-b921-4ffa-b6f2-1a29334073c4"}""";

    private enum Answer
    {
        ProcessThenSuccess,
        ProcessThen5xx,
        ProcessThenReset,
        ProcessThenSilence,
        TooManyRequests,
        ResetOnAccept,
        FailureBody,
    }

    // Weights per answer, in the order of Answer. A failure body stops the whole batch (every request would repeat
    // it), so only seeds divisible by 3 use it, and rarely, leaving most runs to cover all the destinations.
    private static int[] WeightsFor(int seed) => [500, 120, 80, 30, 150, 60, seed % 3 == 0 ? 4 : 0];

    public static TheoryData<int> Seeds() => new() { 1, 2, 3, 4, 5, 6 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public Task Every_destination_has_one_outcome_that_agrees_with_the_server(int seed)
        => RunAsync(seed).WaitAsync(TimeSpan.FromSeconds(120));

    private async Task RunAsync(int seed)
    {
        var random = new Random(seed);
        var weights = WeightsFor(seed);
        var gate = new Lock();
        var processed = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var answers = new ConcurrentDictionary<Answer, int>();
        await using var server = await HostileServer.StartAsync();
        server.MaxScriptDuration = TimeSpan.FromSeconds(10);
        server.Respond(async (request, exchange) =>
        {
            if (request.Path == TokenPath)
            {
                await exchange.RespondAsync(200, $$"""{"accessToken":"{{Token()}}","message":"Success","errorCode":0,"requestId":"{{Guid.NewGuid()}}"}""");
                return;
            }

            if (request.Path != PushPath)
            {
                await exchange.RespondAsync(404);
                return;
            }

            Answer answer;
            int status;
            lock (gate)
            {
                answer = Pick(random, weights);
                status = random.Next(3) switch { 0 => 500, 1 => 503, _ => 504 };
            }

            answers.AddOrUpdate(answer, 1, (_, n) => n + 1);
            switch (answer)
            {
                case Answer.ProcessThenSuccess:
                    Process(request, processed);
                    await exchange.RespondAsync(200, PushSuccess);
                    break;
                case Answer.ProcessThen5xx:
                    Process(request, processed);
                    await exchange.RespondAsync(status, """{"message":"busy"}""");
                    break;
                case Answer.ProcessThenReset:
                    Process(request, processed);
                    exchange.Reset();
                    break;
                case Answer.ProcessThenSilence:
                    Process(request, processed);
                    await exchange.SilenceAsync();
                    break;
                case Answer.TooManyRequests:
                    await exchange.RespondAsync(429, """{"message":"slow down"}""");
                    break;
                case Answer.ResetOnAccept:
                    // Not processed: this connection is reset, and so is the next one accepted, before it is read.
                    server.ResetOnAccept += 1;
                    exchange.Reset();
                    break;
                default:
                    await exchange.RespondAsync(200, PushRefused);
                    break;
            }
        });

        var options = new EngageClientOptions
        {
            BaseUrl = server.BaseUrl,
            ClientId = "client-42",
            ClientSecret = "s3cr3t-never-log-me",
            BatchSize = 20,
            MaxConcurrency = 4,
            Timeout = TimeSpan.FromSeconds(1),
            MaxRetries = 2,
            RetryDelay = TimeSpan.Zero,
        };
        using var client = new EngageClient(options);
        var destinations = Enumerable.Range(0, Destinations).Select(i => new Destination { BNumber = $"+1555{i:D7}" }).ToList();
        var push = EngagePush.FromANumberGroup(Guid.Parse("6f1c9f4e-7d0a-4a53-9a52-2f1f3f0c8b11"), Guid.Parse("0b7e3c55-44a1-4f0e-8a9e-5b1d2c3e4f60"));

        using var cancellation = new CancellationTokenSource();
        var cancelAfter = seed % 2 == 0 && Environment.GetEnvironmentVariable("LEDGER_NO_CANCEL") is null ? TimeSpan.FromMilliseconds(random.Next(100, 2500)) : (TimeSpan?)null;
        if (cancelAfter is { } delay)
            cancellation.CancelAfter(delay);

        var outcomes = new Dictionary<string, List<BatchItemOutcome>>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        var failures = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        await foreach (var result in client.PushInChunksAsync(push, destinations, cancellation.Token))
        {
            if (result.Failure is { } failure)
                failures.AddOrUpdate($"{result.Outcome}: {failure.Kind}: {failure.Exception?.GetType().Name} at {watch.Elapsed.TotalSeconds:0.0}s", 1, (_, n) => n + 1);
            foreach (var destination in result.Items)
            {
                if (!outcomes.TryGetValue(destination.BNumber, out var list))
                    outcomes[destination.BNumber] = list = [];
                list.Add(result.Outcome);
            }
        }

        watch.Stop();
        await server.DisposeAsync();

        var tally = outcomes.Values.SelectMany(o => o).GroupBy(o => o).ToDictionary(g => g.Key, g => g.Count());
        var summary = $"seed {seed} (cancel after {cancelAfter?.TotalMilliseconds.ToString() ?? "never"} ms): ran {watch.Elapsed.TotalSeconds:0.0} s; "
            + $"outcomes {string.Join(", ", tally.Select(t => $"{t.Key}={t.Value}"))}; "
            + $"server answers {string.Join(", ", answers.Select(a => $"{a.Key}={a.Value}"))}; "
            + $"processed {processed.Count} destinations, {processed.Values.Sum()} times; "
            + $"failures {string.Join("; ", failures.Where(f => !f.Key.StartsWith("NotAttempted", StringComparison.Ordinal)).Select(f => $"{f.Key} x{f.Value}"))}";
        output.WriteLine(summary);

        var problems = new StringBuilder();
        foreach (var destination in destinations)
        {
            var number = destination.BNumber;
            var times = processed.GetValueOrDefault(number);
            if (!outcomes.TryGetValue(number, out var list) || list.Count != 1)
            {
                problems.AppendLine($"{number}: {list?.Count ?? 0} outcomes ({string.Join(", ", list ?? [])}), processed {times} times");
                continue;
            }

            var outcome = list[0];
            var agrees = outcome switch
            {
                BatchItemOutcome.Accepted => times == 1,
                BatchItemOutcome.NotAttempted => times == 0,
                BatchItemOutcome.Rejected => times == 0,
                _ => times <= 1,
            };
            if (!agrees || times > 1)
                problems.AppendLine($"{number}: {outcome} but processed {times} times");
        }

        foreach (var number in processed.Keys.Where(n => !outcomes.ContainsKey(n)))
            problems.AppendLine($"{number}: processed but not in the input");

        Assert.True(problems.Length == 0, $"{summary}\n{Truncate(problems.ToString())}");
        Assert.Equal(Destinations, outcomes.Count);
    }

    private static Answer Pick(Random random, int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if (roll < weights[i])
                return (Answer)i;
            roll -= weights[i];
        }

        return Answer.ProcessThenSuccess;
    }

    private static void Process(HostileRequest request, ConcurrentDictionary<string, int> processed)
    {
        using var body = JsonDocument.Parse(request.Body);
        foreach (var destination in body.RootElement.GetProperty("destinations").EnumerateArray())
            processed.AddOrUpdate(destination.GetProperty("bNumber").GetString()!, 1, (_, n) => n + 1);
    }

    private static string Token()
    {
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return $"{Part("""{"alg":"RS256","kid":"hostile"}""")}.{Part($$"""{"sub":"hostile","iat":{{now}},"exp":{{now + 900}}}""")}.c2lnbmF0dXJl";
    }

    private static string Truncate(string text) => text.Length <= 4000 ? text : text[..4000] + $"\n... ({text.Length} characters)";
}
