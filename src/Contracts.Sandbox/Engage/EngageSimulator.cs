using System.Text.Json;
using Contracts.Core.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Contracts.Sandbox.Engage;

/// <summary>
/// ENGAGE Federated Batch Push as its guide documents it, under /engage: the open token endpoint, the token health
/// check and the batch push, with the documented answers (including HTTP 200 with errorCode 200 for aNumbers the
/// account does not own, and 401 without a body for a bad token).
/// </summary>
public sealed class EngageSimulator
{
    /// <summary>Route prefix of the simulated ENGAGE host.</summary>
    public const string Prefix = "/engage";

    private readonly EngageSandboxOptions _options;
    private readonly SandboxTokenIssuer _tokens;
    private long _pushes;
    private long _acceptedDestinations;
    private long _tokenRequests;

    internal EngageSimulator(EngageSandboxOptions options, SandboxTokenIssuer tokens)
    {
        _options = options;
        _tokens = tokens;
    }

    /// <summary>Token requests received.</summary>
    public long TokenRequests => Interlocked.Read(ref _tokenRequests);

    /// <summary>Push requests accepted.</summary>
    public long AcceptedPushes => Interlocked.Read(ref _pushes);

    /// <summary>Destinations in accepted pushes.</summary>
    public long AcceptedDestinations => Interlocked.Read(ref _acceptedDestinations);

    /// <summary>Invalidates every token issued so far, as if they expired now.</summary>
    public void ExpireTokens() => _tokens.RevokeAll();

    internal void Map(IEndpointRouteBuilder routes)
    {
        var engage = routes.MapGroup(Prefix);
        engage.MapPost("/federated/content/v2/token", IssueTokenAsync);
        engage.MapGet("/federated/content/v2/token/health", CheckHealth);
        engage.MapPost("/federated/outbound/v2/batch", PushAsync);
    }

    private async Task<IResult> IssueTokenAsync(HttpRequest request)
    {
        Interlocked.Increment(ref _tokenRequests);
        var body = await ReadJsonAsync(request).ConfigureAwait(false);
        var purposeOk = string.Equals(request.Headers["X-Federated-Purpose"], "inform", StringComparison.Ordinal);
        if (!purposeOk || body is not { } json
            || Text(json, "clientId") != _options.ClientId
            || Text(json, "clientSecret") != _options.ClientSecret)
        {
            return Answer(500, new { accessToken = (string?)null, message = "Failed to grant access token", errorCode = 500, requestId = NewRequestId() });
        }

        var (token, _) = _tokens.Issue(_options.ClientId, _options.TokenLifetime);
        return Answer(200, new { accessToken = token, message = "Success", errorCode = 0, requestId = NewRequestId() });
    }

    private IResult CheckHealth(HttpRequest request)
    {
        if (!_tokens.IsValidBearer(request.Headers.Authorization))
            return Results.StatusCode(401);
        return Answer(200, new { accessToken = (string?)null, message = "Healthy", errorCode = "", requestId = NewRequestId() });
    }

    private async Task<IResult> PushAsync(HttpRequest request)
    {
        if (!_tokens.IsValidBearer(request.Headers.Authorization))
            return Results.StatusCode(401);

        if (!Guid.TryParse(request.Query["programContentUuid"], out var program) || !_options.Programs.Contains(program))
            return Failure(400, "Invalid program setup on this program", "Batch push could not complete push successfully.");

        if (await ReadJsonAsync(request).ConfigureAwait(false) is not { ValueKind: JsonValueKind.Object } body)
            return Failure(400, "Request body must be a JSON object", "Batch could not complete push successfully.");

        var hasNumbers = body.TryGetProperty("aNumbers", out var aNumbers) && aNumbers.ValueKind == JsonValueKind.Array && aNumbers.GetArrayLength() > 0;
        var hasGroup = body.TryGetProperty("aNumberGroupId", out var group) && group.ValueKind == JsonValueKind.String;
        if (hasNumbers == hasGroup || (hasGroup && !(Guid.TryParse(group.GetString(), out var groupId) && _options.ANumberGroups.Contains(groupId))))
            return Failure(400, "Must send aNumbers or a valid ANumberGroupId", "Batch could not complete push successfully.");
        if (hasNumbers && aNumbers.GetArrayLength() > 400)
            return Failure(400, "Too many aNumbers: at most 400", "Batch could not complete push successfully.");

        if (!body.TryGetProperty("destinations", out var destinations) || destinations.ValueKind != JsonValueKind.Array || destinations.GetArrayLength() == 0)
            return Failure(400, "Must send at least one destination", "Batch could not complete push successfully.");
        foreach (var destination in destinations.EnumerateArray())
        {
            var bNumber = destination.ValueKind == JsonValueKind.Object ? Text(destination, "bNumber") : null;
            if (!PhoneNumbers.IsE164(bNumber))
                return Failure(400, $"Invalid bNumber '{bNumber}': must be E.164", "Batch could not complete push successfully.");
        }
        if (!TryReadTtl(body, out var ttl) || ttl <= 0)
            return Failure(400, "ttlSeconds must be a positive integer", "Batch could not complete push successfully.");

        if (hasNumbers && aNumbers.EnumerateArray().Any(n => n.ValueKind != JsonValueKind.String || !_options.ANumbers.Contains(n.GetString()!)))
            return Failure(200, "Not allowed to use one or more anumbers.", "Batch push could not complete push successfully.", errorCode: 200);

        Interlocked.Increment(ref _pushes);
        Interlocked.Add(ref _acceptedDestinations, destinations.GetArrayLength());
        return Answer(200, new { response = "success", message = (string?)null, errorCode = "", requestId = NewRequestId() });
    }

    // The guide's sample request sends ttlSeconds as a string while its table says Integer: accept both.
    private static bool TryReadTtl(JsonElement body, out long ttl)
    {
        ttl = 3600;
        if (!body.TryGetProperty("ttlSeconds", out var value))
            return true;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out ttl),
            JsonValueKind.String => long.TryParse(value.GetString(), out ttl),
            _ => false,
        };
    }

    private static IResult Failure(int status, string response, string message, int? errorCode = null)
        => Answer(status, new { response, message, errorCode = errorCode ?? status, requestId = NewRequestId() });

    private static IResult Answer(int status, object body) => Results.Json(body, (JsonSerializerOptions?)null, "application/json", status);

    private static string NewRequestId() => Guid.NewGuid().ToString();

    private static string? Text(JsonElement json, string name)
        => json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static async Task<JsonElement?> ReadJsonAsync(HttpRequest request)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body).ConfigureAwait(false);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
