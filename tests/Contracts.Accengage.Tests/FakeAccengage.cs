using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Contracts.Testing;
using Microsoft.AspNetCore.Http;

namespace Contracts.Accengage.Tests;

/// <summary>
/// A scriptable Accengage on a loopback port that checks what the document requires of every request, computing
/// the signature itself (SHA1 of raw body + API key + Accengage-Time, lowercase hex) rather than through the SDK:
/// a bad or missing signature answers 400 API_ERR_SIGNATURE. It issues opaque tokens for the known user e-mail,
/// refuses revoked ones (401 or 400 API_ERR_TOKEN, as chosen) and missing ones (403 API_ERR_TOKEN), and answers
/// every other route with <see cref="Api"/> (404 by default).
/// </summary>
internal sealed class FakeAccengage : IAsyncDisposable
{
    public const string TokenPath = "/v1/access_token";
    public const string PartnerId = "myPartnerId";
    public const string ApiKey = "a1b2c3d4e5f6g7h8-never-log-me";
    public const string UserEmail = "mymail@client.com";
    public const string AppPrefix = "/v1/me/apps/" + PartnerId;

    private readonly HashSet<string> _validTokens = [];
    private readonly List<string> _issuedTokens = [];
    private readonly Lock _gate = new();

    private FakeAccengage()
    {
    }

    public LoopbackServer Server { get; private set; } = null!;

    /// <summary>Answers an authorised, correctly signed request to any route but the token route.</summary>
    public Func<RecordedRequest, HttpContext, Task> Api { get; set; } = (_, context) => context.RespondJsonAsync(404, Error("API_ERR_DATA", "Route not found"));

    /// <summary>Answers a token request instead of the default (a new opaque token for the known e-mail).</summary>
    public Func<RecordedRequest, (int Status, string Body)>? TokenAnswer { get; set; }

    /// <summary>How a revoked token is refused: 401 (expired) by default, or 400 (invalid).</summary>
    public int RevokedTokenStatus { get; set; } = 401;

    /// <summary>When true, every token is refused as revoked.</summary>
    public bool RejectAllTokens { get; set; }

    public IReadOnlyList<RecordedRequest> TokenRequests => Server.RequestsTo(TokenPath);

    public IReadOnlyList<RecordedRequest> ApiRequests => Server.Requests.Where(r => r.Path != TokenPath).ToArray();

    /// <summary>Requests refused for their signature: a correct client makes none.</summary>
    public IReadOnlyList<RecordedRequest> BadlySigned { get; private set; } = [];

    public IReadOnlyList<string> IssuedTokens
    {
        get
        {
            lock (_gate)
                return _issuedTokens.ToArray();
        }
    }

    public static async Task<FakeAccengage> StartAsync()
    {
        var fake = new FakeAccengage();
        fake.Server = await LoopbackServer.StartAsync(fake.HandleAsync);
        return fake;
    }

    public AccengageClientOptions Options(Action<AccengageClientOptions>? configure = null) => OptionsFor(Server.BaseUrl, configure);

    /// <summary>Options of a client of the known user and app at <paramref name="baseUrl"/>, retrying without waiting.</summary>
    public static AccengageClientOptions OptionsFor(Uri baseUrl, Action<AccengageClientOptions>? configure = null)
    {
        var options = new AccengageClientOptions
        {
            BaseUrl = baseUrl,
            PartnerId = PartnerId,
            ApiKey = ApiKey,
            UserEmail = UserEmail,
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

    /// <summary>The document's error body.</summary>
    public static string Error(string label, string message) => JsonSerializer.Serialize(new { errors = new[] { new { label, message } } });

    /// <summary>lowercase hex SHA1 of body + key + time, computed here independently of the SDK.</summary>
    public static string ExpectedSignature(byte[] body, string apiKey, string time)
    {
        var signed = body.Concat(Encoding.UTF8.GetBytes(apiKey + time)).ToArray();
        return string.Concat(SHA1.HashData(signed).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

    public static bool IsCorrectlySigned(RecordedRequest request)
    {
        var time = request.Header("Accengage-Time");
        var signature = request.Header("Accengage-Signature");
        return time is not null && long.TryParse(time, NumberStyles.None, CultureInfo.InvariantCulture, out _)
               && signature == ExpectedSignature(request.Body, ApiKey, time);
    }

    private async Task HandleAsync(RecordedRequest request, HttpContext context)
    {
        if (!IsCorrectlySigned(request))
        {
            lock (_gate)
                BadlySigned = [.. BadlySigned, request];
            await context.RespondJsonAsync(400, Error("API_ERR_SIGNATURE", "The given Accengage-Signature header is invalid"));
            return;
        }

        if (request.Path == TokenPath)
        {
            if (TokenAnswer is { } scripted)
            {
                var (status, body) = scripted(request);
                await context.RespondJsonAsync(status, body);
                return;
            }
            if (request.Method != "POST" || request.Json.GetProperty("email").GetString() != UserEmail)
            {
                await context.RespondJsonAsync(404, Error("API_ERR_DATA", "User not found"));
                return;
            }
            string token;
            lock (_gate)
            {
                token = $"token-{_issuedTokens.Count + 1}-{Guid.NewGuid():N}";
                _issuedTokens.Add(token);
                _validTokens.Add(token);
            }
            await context.RespondJsonAsync(200, $$"""{"token_type":"Bearer","access_token":"{{token}}"}""");
            return;
        }

        var authorization = request.Header("Authorization");
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            await context.RespondJsonAsync(403, Error("API_ERR_TOKEN", "This route requires an access token"));
            return;
        }
        bool valid;
        lock (_gate)
            valid = !RejectAllTokens && _validTokens.Contains(authorization["Bearer ".Length..]);
        if (!valid)
        {
            await context.RespondJsonAsync(RevokedTokenStatus, Error("API_ERR_TOKEN", RevokedTokenStatus == 401 ? "The access token has expired" : "The given access token is invalid"));
            return;
        }

        await Api(request, context);
    }
}
