using System.Buffers;
using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Contracts.Benchmarks.Harness;
using Contracts.Engage;
using Contracts.Sandbox.Engage;

namespace Contracts.Benchmarks.Engage;

/// <summary>
/// The floor of an ENGAGE batch's client CPU: the same request bodies the SDK sends (its default batch size, the same
/// lazily generated destinations), only serialised, with source-generated System.Text.Json into a reused buffer, and
/// nothing sent. The SDK's client CPU per destination is held to at most <see cref="Target"/> times this.
/// </summary>
public static partial class EngageSerializeOnlyRun
{
    /// <summary>The target: SDK client CPU per destination at most this multiple of serialising alone.</summary>
    public const double Target = 1.5;

    [JsonSerializable(typeof(BatchPushRequest))]
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    private sealed partial class SerializeOnlyContext : JsonSerializerContext;

    public static async Task<object> RunAsync(int count)
    {
        var batchSize = new EngageClientOptions().BatchSize;
        var buffer = new ArrayBufferWriter<byte>(256 * 1024);
        await using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        long bytes = 0;

        void Write(List<Destination> chunk)
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            var body = new BatchPushRequest { Destinations = chunk, ANumberGroupId = EngageSandboxOptions.DemoANumberGroup, TtlSeconds = 3600 };
            JsonSerializer.Serialize(writer, body, SerializeOnlyContext.Default.BatchPushRequest);
            writer.Flush();
            bytes += buffer.WrittenCount;
        }

        void SerializeAll(int destinations)
        {
            var chunk = new List<Destination>(batchSize);
            foreach (var destination in EngageBatchRun.Generate(destinations))
            {
                chunk.Add(destination);
                if (chunk.Count < batchSize)
                    continue;
                Write(chunk);
                chunk = new List<Destination>(batchSize); // the SDK hands each request a chunk of its own
            }
            if (chunk.Count > 0)
                Write(chunk);
        }

        await JitWarmUp.UntilQuietAsync(() => { SerializeAll(50_000); return Task.CompletedTask; }).ConfigureAwait(false);
        bytes = 0;
        var cpu = EngageBatchRun.CpuTime();
        var clock = Stopwatch.StartNew();
        var runs = await TimedRepetitions.RunAsync(() => { SerializeAll(count); return Task.CompletedTask; }, clock).ConfigureAwait(false);
        clock.Stop();
        var used = EngageBatchRun.CpuTime() - cpu;
        using var self = Process.GetCurrentProcess();
        return new
        {
            mode = "serialize-only",
            destinations = count,
            runs,
            bytes = bytes / runs,
            seconds = Math.Round(clock.Elapsed.TotalSeconds / runs, 3),
            clientCpuMicrosecondsPerDestination = Math.Round(used.TotalMicroseconds / count / runs, 3),
            peakWorkingSetMiB = Math.Round(self.PeakWorkingSet64 / 1024.0 / 1024.0, 1),
            batchSize,
        };
    }
}
