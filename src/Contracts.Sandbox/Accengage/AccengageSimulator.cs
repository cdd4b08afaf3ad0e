using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Contracts.Sandbox.Accengage;

/// <summary>
/// Accengage API v1 as its document and the contract describe it, under /accengage: every request's
/// <c>Accengage-Time</c> and <c>Accengage-Signature</c> checked with the configured API key over the raw body received
/// (400 <c>API_ERR_SIGNATURE</c>), opaque access tokens that expire after the configured lifetime (401
/// <c>API_ERR_TOKEN</c>), and the resources of each app stored so that create-then-get works: campaigns, messages
/// (actions, schedules, exclusions, sends), instant messages, devices (CSV list, search, updates), static lists, clicks,
/// targets and statistics, geofences, beacons, geogroups, in-apps, alarms and inboxes. Lists page with <c>page</c>, the
/// <c>Link</c> header and the <c>links</c> field; the documented limits (100 targets, 100 users) are enforced.
/// </summary>
public sealed class AccengageSimulator : VendorSimulator
{
    /// <summary>Route prefix of the simulated Accengage host.</summary>
    public const string RoutePrefix = "/accengage";

    private readonly AccengageSandboxOptions _options;
    private readonly bool _documentVariants;
    private readonly TimeProvider _time;
    private readonly AccengageAccessTokens _tokens;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _knownUsers = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _forbiddenFamilies = new(StringComparer.Ordinal);
    private Dictionary<string, AccengageAppData> _apps = [];
    private int? _devicePageSize;

    // Modes set by Pact provider states: the Pact's requests carry example signatures and tokens the sandbox never issued.
    private volatile bool _trustAnySignature;
    private volatile bool _refuseEverySignature;
    private volatile bool _databaseFailing;
    private volatile AccessTokenState _unknownTokensAre = AccessTokenState.Unknown;

    private long _tokenRequests;
    private long _signatureRefusals;
    private long _instantMessageRequests;
    private long _instantMessageTargets;
    private long _largestInstantMessage;
    private long _deviceUpdateRequests;
    private long _staticListUpserts;
    private long _testSends;

    internal AccengageSimulator(AccengageSandboxOptions options, TimeProvider time, bool documentVariants = false)
        : base("Accengage", RoutePrefix)
    {
        _options = options;
        _documentVariants = documentVariants;
        _time = time;
        _tokens = new AccengageAccessTokens(time);
        LoadAccount();
    }

    /// <summary>Access token requests received (accepted or not).</summary>
    public long TokenRequests => Interlocked.Read(ref _tokenRequests);

    /// <summary>Requests refused with 400 API_ERR_SIGNATURE.</summary>
    public long SignatureRefusals => Interlocked.Read(ref _signatureRefusals);

    /// <summary>Instant message requests accepted (one app or several).</summary>
    public long InstantMessageRequests => Interlocked.Read(ref _instantMessageRequests);

    /// <summary>Valid targets in accepted instant message requests.</summary>
    public long InstantMessageTargets => Interlocked.Read(ref _instantMessageTargets);

    /// <summary>Most targets in one accepted instant message request (never more than 100).</summary>
    public long LargestInstantMessage => Interlocked.Read(ref _largestInstantMessage);

    /// <summary>Device group updates accepted.</summary>
    public long DeviceUpdateRequests => Interlocked.Read(ref _deviceUpdateRequests);

    /// <summary>Static list upserts accepted.</summary>
    public long StaticListUpserts => Interlocked.Read(ref _staticListUpserts);

    /// <summary>Messages sent as a test (<c>?test=true</c>).</summary>
    public long TestSends => Interlocked.Read(ref _testSends);

    internal int PageSize => _options.PageSize;

    internal int DevicePageSize => _devicePageSize ?? _options.DevicePageSize;

    /// <summary>The UDIDs in a static list now (expired entries left out), or empty when there is no such list.</summary>
    public IReadOnlyList<string> StaticListDevices(string partnerId, long listId)
    {
        lock (_gate)
        {
            return _apps.TryGetValue(partnerId, out var app)
                ? AccengageStaticListRoutes.LiveDevices(app, listId, _time.GetUtcNow()).Select(d => AccengageJson.Text(d, "deviceId") ?? "").ToList()
                : [];
        }
    }

    /// <summary>A copy of a device's fields as stored now, or null when the app has no such device.</summary>
    public JsonObject? FindDevice(string partnerId, string udid)
    {
        lock (_gate)
            return _apps.TryGetValue(partnerId, out var app) && app.DevicesByUdid.TryGetValue(udid, out var device) ? device.DeepClone().AsObject() : null;
    }

    /// <summary>Makes every access token issued so far expired: the next request with one answers 401 API_ERR_TOKEN.</summary>
    public override void ExpireCredentials()
    {
        _unknownTokensAre = AccessTokenState.Unknown;
        _tokens.ExpireAll();
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _trustAnySignature = _refuseEverySignature = _databaseFailing = false;
        _unknownTokensAre = AccessTokenState.Unknown;
        LoadAccount();
    }

    /// <inheritdoc />
    /// <remarks>The states of the Accengage consumer contract; see <see cref="AccengageProviderStates"/>.</remarks>
    public override bool ApplyProviderState(string state, IReadOnlyDictionary<string, JsonElement> parameters)
        => AccengageProviderStates.Apply(this, state);

    /// <inheritdoc />
    protected internal override void MapRoutes(IEndpointRouteBuilder routes)
    {
        var api = new AccengageRoutes(this, routes.MapGroup(Prefix));
        api.Map("POST", "/v1/access_token", IssueToken, open: true);
        api.Map("GET", "/v1/me", _ => Results.Text("Welcome", "text/plain"));
        AccengageResourceRoutes.Map(api);
        AccengageMessageRoutes.Map(api);
        AccengageInstantMessageRoutes.Map(api);
        AccengageDeviceRoutes.Map(api);
        AccengageStaticListRoutes.Map(api);
        AccengageReportRoutes.Map(api);
        AccengageGeogroupRoutes.Map(api);
        api.MapFallback();
    }

    /// <summary>
    /// Runs one request: signed headers, then the access token (except on the open token route), then the app of the
    /// partner ID and the body, then <paramref name="handler"/> with the state locked.
    /// </summary>
    internal async Task<IResult> HandleAsync(HttpContext http, string family, AccengageHandler handler, bool open)
    {
        var answer = await AnswerAsync(http, family, handler, open).ConfigureAwait(false);
        return _documentVariants ? AccengageDocumentVariants.Rewrite(http.Request, answer) : answer;
    }

    private async Task<IResult> AnswerAsync(HttpContext http, string family, AccengageHandler handler, bool open)
    {
        var request = http.Request;
        byte[] body;
        using (var buffer = new MemoryStream())
        {
            await request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
            body = buffer.ToArray();
        }

        var now = _time.GetUtcNow();
        if (SignatureProblem(request, body, now) is { } problem)
        {
            Interlocked.Increment(ref _signatureRefusals);
            return AccengageAnswers.Error(StatusCodes.Status400BadRequest, AccengageAnswers.Signature, problem);
        }
        if (!open && TokenRefusal(request) is { } refusal)
            return refusal;
        if (_databaseFailing)
            return AccengageAnswers.Error(StatusCodes.Status500InternalServerError, AccengageAnswers.Database, "Database error");

        JsonNode? json = null;
        if (body.Length > 0)
        {
            if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
                return AccengageAnswers.BadData("The body must be JSON, sent with Content-Type: application/json");
            json = AccengageAnswers.Parse(body);
            if (json is null)
                return AccengageAnswers.BadData("The body is not valid JSON");
        }

        lock (_gate)
        {
            AccengageAppData? app = null;
            if (http.GetRouteValue("partnerId") is string partnerId)
            {
                if (_forbiddenFamilies.Contains(family) || !_apps.TryGetValue(partnerId, out app))
                    return AccengageAnswers.Error(StatusCodes.Status403Forbidden, AccengageAnswers.Forbidden, "Forbidden");
            }
            return handler(new AccengageCall(http, this, app, json, now));
        }
    }

    /// <summary>The app of another partner ID (the multi-app send), or null. Called with the state locked.</summary>
    internal AccengageAppData? FindApp(string partnerId) => _apps.GetValueOrDefault(partnerId);

    /// <summary>Whether another app of the user has campaign <paramref name="id"/> (403 rather than 404). Called with the state locked.</summary>
    internal bool OwnsCampaignElsewhere(AccengageAppData app, long id) => _apps.Values.Any(a => a != app && a.Campaigns.Contains(id));

    internal void CountInstantMessage(int targets)
    {
        Interlocked.Increment(ref _instantMessageRequests);
        Interlocked.Add(ref _instantMessageTargets, targets);
        long largest;
        while (targets > (largest = Interlocked.Read(ref _largestInstantMessage)) && Interlocked.CompareExchange(ref _largestInstantMessage, targets, largest) != largest)
        {
            // Another request raised it meanwhile: compare again.
        }
    }

    internal void CountDeviceUpdate() => Interlocked.Increment(ref _deviceUpdateRequests);

    internal void CountStaticListUpsert() => Interlocked.Increment(ref _staticListUpserts);

    internal void CountTestSend() => Interlocked.Increment(ref _testSends);

    // What provider states change (AccengageProviderStates); each lasts until the teardown's Reset.

    /// <summary>Accepts the Pact's example signatures and tokens (well-formed, not issued by the sandbox) as valid.</summary>
    internal void TrustExampleCredentials()
    {
        _trustAnySignature = true;
        _unknownTokensAre = AccessTokenState.Valid;
    }

    internal void RefuseEverySignature() => _refuseEverySignature = true;

    /// <summary>What a token the sandbox never issued counts as: invalid (the default), valid, or expired.</summary>
    internal void TreatUnknownTokensAs(AccessTokenState state) => _unknownTokensAre = state;

    internal void FailDatabase() => _databaseFailing = true;

    internal void SetDevicePageSize(int size)
    {
        lock (_gate)
            _devicePageSize = size;
    }

    internal void AddUser(string email)
    {
        lock (_gate)
            _knownUsers.Add(email);
    }

    internal void RemoveUser(string email)
    {
        lock (_gate)
            _knownUsers.Remove(email);
    }

    internal void Forbid(string family)
    {
        lock (_gate)
            _forbiddenFamilies.Add(family);
    }

    /// <summary>Changes an app's data with the state locked; the app is created empty when the sandbox has none of that partner ID.</summary>
    internal void Change(string partnerId, Action<AccengageAppData> change)
    {
        lock (_gate)
        {
            if (!_apps.TryGetValue(partnerId, out var app))
                _apps[partnerId] = app = new AccengageAppData(new AccengageSandboxApp(partnerId));
            change(app);
        }
    }

    private IResult IssueToken(AccengageCall call)
    {
        Interlocked.Increment(ref _tokenRequests);
        if (AccengageJson.Text(call.Body, "email") is not { Length: > 0 } email)
            return AccengageAnswers.BadData("The given body does not correspond to any known access token format: send {\"email\":\"...\"}");
        if (!_knownUsers.Contains(email))
            return AccengageAnswers.NotFound("User not found");
        return AccengageAnswers.Json(new JsonObject { ["token_type"] = "Bearer", ["access_token"] = _tokens.Issue(_options.TokenLifetime) });
    }

    private string? SignatureProblem(HttpRequest request, byte[] body, DateTimeOffset now)
    {
        if (_refuseEverySignature)
            return "Invalid signature";
        return _trustAnySignature
            ? AccengageSignatureCheck.WellFormedProblem(request)
            : AccengageSignatureCheck.Problem(request, body, _options.ApiKey, now, _options.MaxClockSkew);
    }

    private IResult? TokenRefusal(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
            return AccengageAnswers.Error(StatusCodes.Status403Forbidden, AccengageAnswers.Token, "An access token is required");
        var state = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? _tokens.Check(authorization["Bearer ".Length..].Trim()) : AccessTokenState.Unknown;
        if (state == AccessTokenState.Unknown)
            state = _unknownTokensAre;
        return state switch
        {
            AccessTokenState.Valid => null,
            AccessTokenState.Expired => AccengageAnswers.Error(StatusCodes.Status401Unauthorized, AccengageAnswers.Token, "The access token has expired"),
            _ => AccengageAnswers.Error(StatusCodes.Status400BadRequest, AccengageAnswers.Token, "Invalid access token"),
        };
    }

    private void LoadAccount()
    {
        lock (_gate)
        {
            _apps = _options.Apps.ToDictionary(a => a.PartnerId, a => new AccengageAppData(a), StringComparer.Ordinal);
            _knownUsers.Clear();
            _knownUsers.Add(_options.UserEmail);
            _forbiddenFamilies.Clear();
            _devicePageSize = null;
        }
    }
}
