using Contracts.Accengage;
using Contracts.Hostile.Tests.Infrastructure;

namespace Contracts.Hostile.Tests.Accengage;

/// <summary>
/// Accengage's wire on a hostile server: the token endpoint, the instant-message send and the campaign list answer
/// correctly unless a test replaces one of their scripts with a hostile one.
/// </summary>
public abstract class AccengageHost : HostileVendorHost
{
    public const string PartnerId = "hostilePartner";
    public const string ApiKey = "accengage-api-key-must-never-leak";
    public const string UserEmail = "hostile@example.com";
    public const string TokenPath = "/v1/access_token";
    public const string AppPrefix = "/v1/me/apps/" + PartnerId;
    public const string SendPath = AppPrefix + "/send";
    public const string CampaignsPath = AppPrefix + "/campaigns";

    /// <summary>The opaque access token the default token script issues (one per test).</summary>
    protected string Token { get; } = "acc-token-" + Guid.NewGuid().ToString("N");

    protected AccengageHost() => TokenScript = (_, exchange) => exchange.RespondAsync(200, TokenAnswer());

    protected Func<HostileRequest, HostileExchange, Task> TokenScript { get; set; }

    protected Func<HostileRequest, HostileExchange, Task> SendScript { get; set; } = (_, exchange) => exchange.RespondAsync(200);

    protected Func<HostileRequest, HostileExchange, Task> ListScript { get; set; } = (_, exchange) => exchange.RespondAsync(200, """{"campaigns":[{"id":1}]}""");

    protected Func<HostileRequest, HostileExchange, Task> OtherScript { get; set; } = (_, exchange) => exchange.RespondAsync(200, "{}");

    protected IReadOnlyList<HostileRequest> TokenRequests => Server.RequestsTo(TokenPath);

    protected IReadOnlyList<HostileRequest> SendRequests => Server.RequestsTo(SendPath);

    protected IReadOnlyList<HostileRequest> ListRequests => Server.RequestsTo(CampaignsPath);

    /// <summary>Every Accengage-Signature value the server received: secrets of their own, never to be echoed.</summary>
    protected IReadOnlyList<string> Signatures => Server.Requests.SelectMany(r => r.Headers.GetValues("Accengage-Signature")).ToArray();

    protected override Task Route(HostileRequest request, HostileExchange exchange) => request.Path switch
    {
        TokenPath => TokenScript(request, exchange),
        SendPath => SendScript(request, exchange),
        CampaignsPath => ListScript(request, exchange),
        _ => OtherScript(request, exchange),
    };

    protected string TokenAnswer() => $$"""{"token_type":"Bearer","access_token":"{{Token}}"}""";

    protected AccengageClientOptions Options(Action<AccengageClientOptions>? configure = null)
    {
        var options = new AccengageClientOptions
        {
            BaseUrl = Server.BaseUrl,
            PartnerId = PartnerId,
            ApiKey = ApiKey,
            UserEmail = UserEmail,
            Timeout = TimeSpan.FromSeconds(2),
            RetryDelay = TimeSpan.Zero,
        };
        configure?.Invoke(options);
        return options;
    }

    protected AccengageClient Client(Action<AccengageClientOptions>? configure = null) => new(Options(configure));

    protected static InstantMessage Message() => new()
    {
        ParentMessageId = 2157,
        Targets = [new Target { DeviceId = "F31548D3-F93E-498F-8E01-F18CC4EB2F5F" }],
    };

    protected static Task Send(AccengageClient client) => client.SendInstantMessageAsync(PartnerId, Message());

    protected static Task List(AccengageClient client) => client.ListCampaignsAsync(PartnerId);

    /// <summary>The secrets no exception may show: the API key, the bearer token, every signature sent.</summary>
    protected string?[] Secrets() => [ApiKey, Token, .. Signatures];
}
