using System.Text.Json;
using Contracts.Testing;
using Microsoft.AspNetCore.Http;

namespace Contracts.Engage.Tests;

/// <summary>
/// A scriptable ENGAGE on a loopback port: issues JWTs that expire in 15 minutes, checks the bearer token on
/// protected routes, and answers pushes with whatever a test scripts (success by default).
/// </summary>
internal sealed class FakeEngage : IAsyncDisposable
{
    public const string TokenPath = "/federated/content/v2/token";
    public const string HealthPath = "/federated/content/v2/token/health";
    public const string PushPath = "/federated/outbound/v2/batch";
    public const string ClientId = "client-42";
    public const string ClientSecret = "s3cr3t-never-log-me";

    private readonly HashSet<string> _validTokens = [];
    private readonly Lock _gate = new();
    private int _pushes;

    private FakeEngage()
    {
    }

    public LoopbackServer Server { get; private set; } = null!;

    /// <summary>Answers the n-th push (1-based): status and body. Default: 200 success.</summary>
    public Func<int, RecordedRequest, (int Status, string? Body)> PushAnswer { get; set; } = (_, _) => (200, DocumentSamples.PushSuccess);

    /// <summary>Answers a token request; default issues a JWT valid 15 minutes.</summary>
    public Func<int, (int Status, string Body)>? TokenAnswer { get; set; }

    /// <summary>Token requests are answered once this completes, to hold callers waiting on one token.</summary>
    public Task TokenGate { get; set; } = Task.CompletedTask;

    /// <summary>Delay before each push answer, to hold requests in flight.</summary>
    public TimeSpan PushDelay { get; set; }

    /// <summary>When true, every token is refused with 401 on protected routes.</summary>
    public bool RejectAllTokens { get; set; }

    public IReadOnlyList<RecordedRequest> TokenRequests => Server.RequestsTo(TokenPath);

    public IReadOnlyList<RecordedRequest> PushRequests => Server.RequestsTo(PushPath);

    public IReadOnlyList<string> IssuedTokens
    {
        get
        {
            lock (_gate)
                return _validTokens.ToArray();
        }
    }

    public static async Task<FakeEngage> StartAsync()
    {
        var fake = new FakeEngage();
        fake.Server = await LoopbackServer.StartAsync(fake.HandleAsync);
        return fake;
    }

    public EngageClientOptions Options(Action<EngageClientOptions>? configure = null)
    {
        var options = new EngageClientOptions
        {
            BaseUrl = Server.BaseUrl,
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            RetryDelay = TimeSpan.Zero,
        };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>Revokes every token issued so far (as if they expired server-side).</summary>
    public void RevokeAllTokens()
    {
        lock (_gate)
            _validTokens.Clear();
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task HandleAsync(RecordedRequest request, HttpContext context)
    {
        if (request.Path == TokenPath)
        {
            await TokenGate;
            var n = TokenRequests.Count;
            if (TokenAnswer is { } scripted)
            {
                var (status, body) = scripted(n);
                using var json = JsonDocument.Parse(body);
                if (json.RootElement.TryGetProperty("accessToken", out var t) && t.ValueKind == JsonValueKind.String)
                {
                    lock (_gate)
                        _validTokens.Add(t.GetString()!);
                }
                await context.RespondJsonAsync(status, body);
                return;
            }
            var token = Jwt.WithExpiry(DateTimeOffset.UtcNow.AddMinutes(15), subject: $"token-{n}");
            lock (_gate)
                _validTokens.Add(token);
            await context.RespondJsonAsync(200, $$"""{"accessToken":"{{token}}","message":"Success","errorCode":0,"requestId":"{{Guid.NewGuid()}}"}""");
            return;
        }

        if (!IsAuthorized(request))
        {
            await context.RespondJsonAsync(401, null);
            return;
        }

        if (request.Path == HealthPath)
        {
            await context.RespondJsonAsync(200, DocumentSamples.TokenHealthy);
            return;
        }

        if (request.Path == PushPath)
        {
            var n = Interlocked.Increment(ref _pushes);
            if (PushDelay > TimeSpan.Zero)
                await Task.Delay(PushDelay);
            var (status, body) = PushAnswer(n, request);
            await context.RespondJsonAsync(status, body);
            return;
        }

        await context.RespondJsonAsync(404, null);
    }

    private bool IsAuthorized(RecordedRequest request)
    {
        if (RejectAllTokens)
            return false;
        var header = request.Header("Authorization");
        if (header is null || !header.StartsWith("Bearer ", StringComparison.Ordinal))
            return false;
        lock (_gate)
            return _validTokens.Contains(header["Bearer ".Length..]);
    }
}
