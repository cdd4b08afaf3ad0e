using System.Collections.Concurrent;
using System.Text.Json;
using Contracts.Testing;
using Microsoft.AspNetCore.Http;

namespace Contracts.Cli.Tests;

/// <summary>
/// An ENGAGE on 127.0.0.1 that issues tokens, accepts every push after <see cref="PushDelay"/> and counts every
/// destination it received, so a test can tell which numbers reached it and whether any reached it twice.
/// </summary>
internal sealed class RecordingEngage : IAsyncDisposable
{
    private const string PushPath = "/federated/outbound/v2/batch";
    private readonly ConcurrentDictionary<string, int> _received = new(StringComparer.Ordinal);
    private int _pushes;

    private RecordingEngage()
    {
    }

    public LoopbackServer Server { get; private set; } = null!;

    /// <summary>How long each push waits before its answer: how long its destinations are on the wire.</summary>
    public TimeSpan PushDelay { get; set; }

    /// <summary>Pushes received (answered or not).</summary>
    public int Pushes => Volatile.Read(ref _pushes);

    /// <summary>How many times each number was received.</summary>
    public IReadOnlyDictionary<string, int> Received => _received;

    /// <summary>The variables that point notify at this server.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["NOTIFY_ENGAGE__BASEURL"] = Server.BaseUrl.ToString(),
        ["NOTIFY_ENGAGE__CLIENTID"] = "client",
        ["NOTIFY_ENGAGE__CLIENTSECRET"] = "secret",
    };

    public static async Task<RecordingEngage> StartAsync()
    {
        var engage = new RecordingEngage();
        engage.Server = await LoopbackServer.StartAsync(engage.HandleAsync);
        return engage;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task HandleAsync(RecordedRequest request, HttpContext context)
    {
        if (request.Path != PushPath)
        {
            await context.RespondJsonAsync(200, JsonSerializer.Serialize(new { accessToken = Jwt.WithExpiry(DateTimeOffset.UtcNow.AddMinutes(15)), message = "Success", errorCode = 0, requestId = Guid.NewGuid() }));
            return;
        }

        foreach (var destination in request.Json.GetProperty("destinations").EnumerateArray())
            _received.AddOrUpdate(destination.GetProperty("bNumber").GetString()!, 1, (_, count) => count + 1);
        var push = Interlocked.Increment(ref _pushes);
        try
        {
            await Task.Delay(PushDelay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return; // the client went away (killed or abandoned the request)
        }
        await context.RespondJsonAsync(200, JsonSerializer.Serialize(new { response = "success", message = (string?)null, errorCode = "", requestId = $"push-{push}" }));
    }
}
