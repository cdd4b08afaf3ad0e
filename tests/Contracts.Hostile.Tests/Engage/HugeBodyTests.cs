using System.Diagnostics;
using Contracts.Accengage;
using Contracts.Core;
using Contracts.Engage;
using Contracts.Hostile.Tests.Infrastructure;

namespace Contracts.Hostile.Tests;

/// <summary>Memory measurements are process-wide: these tests run alone, never beside another test class.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasured
{
    public const string Name = "Memory measured";
}

/// <summary>
/// A 100 MB answer, declared or chunked, on success and error statuses: both clients stop at MaxResponseBytes (1 MiB
/// here) with ResponseTooLargeException, quickly, allocating a small multiple of the limit rather than the body.
/// </summary>
[Collection(MemoryMeasured.Name)]
public sealed class HugeBodyTests : IAsyncLifetime
{
    private const long Limit = 1024 * 1024;
    private const long Huge = 100L * 1024 * 1024;
    private HostileServer _server = null!;
    private Func<HostileRequest, HostileExchange, Task> _api = null!;

    public async Task InitializeAsync()
    {
        _server = await HostileServer.StartAsync();
        _server.MaxScriptDuration = TimeSpan.FromSeconds(40);
        _server.Respond((request, exchange) => request.Path switch
        {
            Engage.EngageHost.TokenPath => exchange.RespondAsync(200, $$"""{"accessToken":"{{Contracts.Testing.Jwt.WithExpiry(DateTimeOffset.UtcNow.AddMinutes(15))}}","message":"Success","errorCode":0,"requestId":"r"}"""),
            Accengage.AccengageHost.TokenPath => exchange.RespondAsync(200, """{"token_type":"Bearer","access_token":"acc-token-huge"}"""),
            _ => _api(request, exchange),
        });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync().AsTask().WaitAsync(Guarantees.Patience);

    public static TheoryData<string, int, bool> Cases()
    {
        var data = new TheoryData<string, int, bool>();
        foreach (var vendor in new[] { "ENGAGE push", "ENGAGE health", "Accengage send", "Accengage list" })
        {
            foreach (var status in new[] { 200, 400, 500 })
            {
                data.Add(vendor, status, true);
                data.Add(vendor, status, false);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_100_MB_answer_is_refused_at_the_limit_with_memory_bounded(string vendor, int status, bool declareLength)
    {
        _api = (_, exchange) => exchange.RespondAsync(200, vendor.StartsWith("ENGAGE", StringComparison.Ordinal) ? Engage.EngageHost.PushSuccess : """{"campaigns":[]}""");
        using var engage = new EngageClient(new EngageClientOptions
        {
            BaseUrl = _server.BaseUrl,
            ClientId = Engage.EngageHost.ClientId,
            ClientSecret = Engage.EngageHost.ClientSecret,
            Timeout = TimeSpan.FromSeconds(10),
            RetryDelay = TimeSpan.Zero,
            MaxResponseBytes = Limit,
        });
        using var accengage = new AccengageClient(new AccengageClientOptions
        {
            BaseUrl = _server.BaseUrl,
            PartnerId = Accengage.AccengageHost.PartnerId,
            ApiKey = Accengage.AccengageHost.ApiKey,
            UserEmail = Accengage.AccengageHost.UserEmail,
            Timeout = TimeSpan.FromSeconds(10),
            RetryDelay = TimeSpan.Zero,
            MaxResponseBytes = Limit,
        });
        Func<Task> call = vendor switch
        {
            "ENGAGE push" => () => engage.PushAsync(EngagePush.FromANumbers(Engage.EngageHost.Program, ["+5014008029"]), [new Destination { BNumber = "+15018902005" }]),
            "ENGAGE health" => () => engage.CheckTokenHealthAsync(),
            "Accengage send" => () => accengage.SendInstantMessageAsync(Accengage.AccengageHost.PartnerId, new InstantMessage { ParentMessageId = 1, Targets = [new Target { DeviceId = "d" }] }),
            "Accengage list" => () => accengage.ListCampaignsAsync(Accengage.AccengageHost.PartnerId),
            _ => throw new ArgumentOutOfRangeException(nameof(vendor)),
        };

        // A first, normal call warms the token, the connection and the code paths, so the measurement is the answer's.
        await call().WaitAsync(Guarantees.Patience);
        HostileExchange? huge = null;
        _api = (_, exchange) =>
        {
            huge = exchange;
            return exchange.HugeBodyAsync(status, Huge, declareLength: declareLength);
        };
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();

        var error = await Guarantees.FailsWithin(call);

        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        var tooLarge = Assert.IsType<ResponseTooLargeException>(error);
        Assert.Equal(Limit, tooLarge.Limit);
        Assert.Equal(status, tooLarge.StatusCode);
        if (vendor is "ENGAGE push" or "Accengage send")
            Assert.NotEqual(DeliveryState.NotSent, tooLarge.Delivery);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.True(allocated < 3 * Limit, $"allocated {allocated:N0} bytes while refusing a {Huge:N0}-byte answer (limit {Limit:N0})");
        Assert.NotNull(huge);
        Assert.True(huge!.BytesWritten < Huge, $"the client read the whole body ({huge.BytesWritten:N0} bytes)");
    }
}
