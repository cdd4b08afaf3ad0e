using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
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
public sealed class EngageSimulator : VendorSimulator
{
    /// <summary>Route prefix of the simulated ENGAGE host.</summary>
    public const string RoutePrefix = "/engage";

    private readonly EngageSandboxOptions _options;
    private readonly bool _documentVariants;
    private readonly SandboxTokenIssuer _tokens;
    private readonly HashSet<Guid> _programs = [];
    private readonly HashSet<string> _aNumbers = new(StringComparer.Ordinal);
    private readonly HashSet<Guid> _groups = [];
    private volatile bool _trustAnyBearer;
    private volatile bool _trustAnyCredentials;
    private volatile bool _refuseAllCredentials;
    private long _pushes;
    private long _acceptedDestinations;
    private long _tokenRequests;

    internal EngageSimulator(EngageSandboxOptions options, TimeProvider time, bool documentVariants = false)
        : base("ENGAGE", RoutePrefix)
    {
        _options = options;
        _documentVariants = documentVariants;
        _tokens = new SandboxTokenIssuer(time);
        LoadAccount();
    }

    /// <summary>Token requests received.</summary>
    public long TokenRequests => Interlocked.Read(ref _tokenRequests);

    /// <summary>Push requests accepted.</summary>
    public long AcceptedPushes => Interlocked.Read(ref _pushes);

    /// <summary>Destinations in accepted pushes.</summary>
    public long AcceptedDestinations => Interlocked.Read(ref _acceptedDestinations);

    /// <summary>Invalidates every token issued so far, as if they expired now.</summary>
    public override void ExpireCredentials()
    {
        _trustAnyBearer = false;
        _tokens.RevokeAll();
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _trustAnyBearer = _trustAnyCredentials = _refuseAllCredentials = false;
        LoadAccount();
    }

    /// <inheritdoc />
    /// <remarks>
    /// The states the ENGAGE consumer contract uses. Its requests carry example credentials and tokens the sandbox
    /// never issued, so the states that promise a valid token or valid credentials make the sandbox accept them.
    /// </remarks>
    public override bool ApplyProviderState(string state, IReadOnlyDictionary<string, JsonElement> parameters)
    {
        switch (state)
        {
            case "the client credentials are valid":
                _trustAnyCredentials = true;
                return true;
            case "the client credentials are not valid":
                _refuseAllCredentials = true;
                return true;
            case "the access token has expired":
                ExpireCredentials();
                return true;
            case "the access token is valid":
            case "the program is configured":
            case "the program and its aNumbers are configured":
            case "the program and an aNumber group are configured":
                _trustAnyBearer = true;
                return true;
            case "the program is not correctly configured":
                _trustAnyBearer = true;
                lock (_programs)
                    _programs.Clear();
                return true;
            case "one or more aNumbers are not associated with the service provider":
                _trustAnyBearer = true;
                lock (_aNumbers)
                    _aNumbers.Clear();
                return true;
            default:
                return false;
        }
    }

    /// <inheritdoc />
    protected internal override void MapRoutes(IEndpointRouteBuilder routes)
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
        if (!purposeOk || body is not { } json || !CredentialsAccepted(Text(json, "clientId"), Text(json, "clientSecret")))
        {
            return Answer(500, new { accessToken = (string?)null, message = "Failed to grant access token", errorCode = 500, requestId = NewRequestId() });
        }

        var (token, _) = _tokens.Issue(_options.ClientId, _options.TokenLifetime);
        return Answer(200, new { accessToken = token, message = "Success", errorCode = 0, requestId = NewRequestId() });
    }

    private IResult CheckHealth(HttpRequest request)
    {
        if (!BearerAccepted(request))
            return Results.StatusCode(401);
        return Answer(200, new { accessToken = (string?)null, message = "Healthy", errorCode = "", requestId = NewRequestId() });
    }

    private async Task<IResult> PushAsync(HttpRequest request)
    {
        if (!BearerAccepted(request))
            return Results.StatusCode(401);

        if (!Guid.TryParse(request.Query["programContentUuid"], out var program) || !Contains(_programs, program))
            return Failure(400, "Invalid program setup on this program", "Batch push could not complete push successfully.");

        if (await ReadJsonAsync(request).ConfigureAwait(false) is not { ValueKind: JsonValueKind.Object } body)
            return Failure(400, "Request body must be a JSON object", "Batch could not complete push successfully.");

        var hasNumbers = body.TryGetProperty("aNumbers", out var aNumbers) && aNumbers.ValueKind == JsonValueKind.Array && aNumbers.GetArrayLength() > 0;
        var hasGroup = body.TryGetProperty("aNumberGroupId", out var group) && group.ValueKind == JsonValueKind.String;
        if (hasNumbers == hasGroup || (hasGroup && !(Guid.TryParse(group.GetString(), out var groupId) && Contains(_groups, groupId))))
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

        if (hasNumbers && aNumbers.EnumerateArray().Any(n => n.ValueKind != JsonValueKind.String || !Contains(_aNumbers, n.GetString()!)))
            return Failure(200, "Not allowed to use one or more anumbers.", "Batch push could not complete push successfully.", errorCode: 200);

        Interlocked.Increment(ref _pushes);
        Interlocked.Add(ref _acceptedDestinations, destinations.GetArrayLength());
        return Answer(200, new { response = "success", message = (string?)null, errorCode = "", requestId = NewRequestId() });
    }

    private bool CredentialsAccepted(string? clientId, string? clientSecret)
        => !_refuseAllCredentials
           && (_trustAnyCredentials ? !string.IsNullOrEmpty(clientId) && !string.IsNullOrEmpty(clientSecret)
               : clientId == _options.ClientId && clientSecret == _options.ClientSecret);

    private bool BearerAccepted(HttpRequest request)
        => _tokens.IsValidBearer(request.Headers.Authorization)
           || (_trustAnyBearer && request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal));

    private void LoadAccount()
    {
        lock (_programs)
        {
            _programs.Clear();
            _programs.UnionWith(_options.Programs);
        }
        lock (_aNumbers)
        {
            _aNumbers.Clear();
            _aNumbers.UnionWith(_options.ANumbers);
        }
        lock (_groups)
        {
            _groups.Clear();
            _groups.UnionWith(_options.ANumberGroups);
        }
    }

    private static bool Contains<T>(HashSet<T> set, T value)
    {
        lock (set)
            return set.Contains(value);
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

    private IResult Failure(int status, string response, string message, int? errorCode = null)
        => Answer(status, new { response, message, errorCode = errorCode ?? status, requestId = NewRequestId() });

    private IResult Answer(int status, object body)
    {
        if (!_documentVariants)
            return Results.Json(body, (JsonSerializerOptions?)null, "application/json", status);
        // The guide writes errorCode both ways ("" on success, 200 or 400 as numbers on failure): the other form here.
        var json = JsonSerializer.SerializeToNode(body)!.AsObject();
        if (json["errorCode"] is JsonValue code)
        {
            json["errorCode"] = code.GetValueKind() == JsonValueKind.Number
                ? JsonValue.Create(code.ToJsonString())
                : code.GetValue<string>() is { Length: > 0 } digits && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : code.DeepClone();
        }
        return Results.Content(json.ToJsonString(), "application/json", Encoding.UTF8, status);
    }

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
