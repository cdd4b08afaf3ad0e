using Contracts.Engage;
using Contracts.Hostile.Tests.Infrastructure;
using Contracts.Testing;

namespace Contracts.Hostile.Tests.Engage;

/// <summary>
/// ENGAGE's wire on a hostile server: the token, health and push endpoints answer correctly unless a test replaces
/// one of their scripts with a hostile one.
/// </summary>
public abstract class EngageHost : HostileVendorHost
{
    public const string TokenPath = "/federated/content/v2/token";
    public const string HealthPath = "/federated/content/v2/token/health";
    public const string PushPath = "/federated/outbound/v2/batch";
    public const string ClientId = "hostile-client-7";
    public const string ClientSecret = "engage-s3cr3t-must-never-leak";
    public const string PushSuccess = """{"response":"success","message":"Accepted","errorCode":0,"requestId":"req-push"}""";
    public const string Healthy = """{"accessToken":null,"message":"Healthy","errorCode":0,"requestId":"req-health"}""";

    public static readonly Guid Program = Guid.Parse("3e1b9b27-d1f9-4c8d-800f-bb534d6928d6");

    /// <summary>The access token the default token script issues (one per test).</summary>
    protected string Token { get; } = Jwt.WithExpiry(DateTimeOffset.UtcNow.AddMinutes(15), subject: "hostile-" + Guid.NewGuid().ToString("N"));

    protected EngageHost() => TokenScript = (_, exchange) => exchange.RespondAsync(200, TokenAnswer());

    protected Func<HostileRequest, HostileExchange, Task> TokenScript { get; set; }

    protected Func<HostileRequest, HostileExchange, Task> PushScript { get; set; } = (_, exchange) => exchange.RespondAsync(200, PushSuccess);

    protected Func<HostileRequest, HostileExchange, Task> HealthScript { get; set; } = (_, exchange) => exchange.RespondAsync(200, Healthy);

    protected IReadOnlyList<HostileRequest> TokenRequests => Server.RequestsTo(TokenPath);

    protected IReadOnlyList<HostileRequest> PushRequests => Server.RequestsTo(PushPath);

    protected IReadOnlyList<HostileRequest> HealthRequests => Server.RequestsTo(HealthPath);

    protected override Task Route(HostileRequest request, HostileExchange exchange) => request.Path switch
    {
        TokenPath => TokenScript(request, exchange),
        PushPath => PushScript(request, exchange),
        HealthPath => HealthScript(request, exchange),
        _ => exchange.RespondAsync(404),
    };

    protected string TokenAnswer() => $$"""{"accessToken":"{{Token}}","message":"Success","errorCode":0,"requestId":"req-token"}""";

    protected EngageClientOptions Options(Action<EngageClientOptions>? configure = null)
    {
        var options = new EngageClientOptions
        {
            BaseUrl = Server.BaseUrl,
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            Timeout = TimeSpan.FromSeconds(2),
            RetryDelay = TimeSpan.Zero,
        };
        configure?.Invoke(options);
        return options;
    }

    protected EngageClient Client(Action<EngageClientOptions>? configure = null) => new(Options(configure));

    protected static EngagePush Push() => EngagePush.FromANumbers(Program, ["+5014008029"]);

    protected static Destination[] OneDestination() => [new Destination { BNumber = "+15018902005", CustomTrackingId = "t-1" }];

    protected static IEnumerable<Destination> Numbered(int count)
    {
        for (var i = 0; i < count; i++)
            yield return new Destination { BNumber = $"+1555{i:D7}", CustomTrackingId = $"t-{i}" };
    }
}
