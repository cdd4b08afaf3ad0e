using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Contracts.Sandbox.Ogangi;

/// <summary>
/// Ogangi's Campaign Manager REST API (contracts/ogangi/ogangi.openapi.yaml) under /ogangi, standing for a customer's
/// <c>.../rest/api/</c>: sendSMS, sendMT (with and without flags), the PIN confirmation, fireMessage (GET and POST) and
/// getMOMessages, each answered in Ogangi's XML envelope.
/// </summary>
/// <remarks>
/// <para>Every call is taken apart as a Java servlet would (<see cref="OgangiServletPath"/>), then routed by method name,
/// number of segments and HTTP method; a request no method serves gets the container's HTML 404 (or 405).</para>
/// <para>Access: the public key, the instance id and the signature (<see cref="OgangiSignatureCheck"/>) must match the
/// workspace, or the answer is <c>BAD_SIGNATURE</c> ("Invalid signature, access denied"). Then the values are read as
/// the contract documents them (Base64url with padding, decimals, the MO search string); a value the contract does not
/// allow is answered <c>ERROR</c>, the one status it documents for a call that cannot be executed.</para>
/// <para>Ogangi signs with keys that do not expire and puts no time in its signatures: there is no token or session to
/// expire, so <see cref="ExpireCredentials"/> does nothing.</para>
/// </remarks>
public sealed partial class OgangiSimulator : VendorSimulator
{
    /// <summary>Route prefix of the simulated Campaign Manager's REST API.</summary>
    public const string RoutePrefix = "/ogangi";

    private readonly OgangiSandboxOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly List<OgangiSentMessage> _sent = [];
    private readonly List<OgangiMoMessage> _incoming = [];
    private readonly OgangiOperation[] _operations;
    private volatile Workspace _workspace;
    private volatile bool _failsInternally;
    private volatile string? _lastSignatureReceived;
    private long _lastMessageId;

    internal OgangiSimulator(OgangiSandboxOptions options, TimeProvider time)
        : base("Ogangi", RoutePrefix)
    {
        _options = options;
        _time = time;
        _operations =
        [
            new("GET", "tools/sendSMS", "sendSMS", ["instanceId", "carrier", "from", "mobileNumber", "text"], SendSms),
            new("GET", "sendMT", "sendMT", ["instanceId", "from", "carrier", "mobileNumber", "text"], SendMt),
            new("GET", "sendMT", "sendMT", ["instanceId", "from", "carrier", "mobileNumber", "text", "flags"], SendMt),
            new("GET", "tools/sendSMSPinMobileNumberConfirm", "sendSMSPinMobileNumberConfirm", ["instanceId", "carrier", "from", "mobileNumber", "text", "length"], SendPin),
            // The Fire Message sample answer in the Messangi RESTful API documentation names activateCampaign in <input>; the sandbox answers as documented.
            new("GET", "fireMessage", "activateCampaign", ["instanceId", "mobileNumber", "text"], FireMessage),
            new("POST", "fireMessage", "fireMessage", ["instanceId"], FireMessageWithDescriptor),
            new("GET", "tools/getMOMessages", "getMOMessages", ["instanceId", "page", "resultsPerPage", "parameters"], GetMoMessages),
        ];
        _workspace = Workspace.From(options);
        LoadAccount();
    }

    /// <summary>The methods served: HTTP method, method path and the segments each signs, in URL order (the contract's <c>x-signed-segments</c>).</summary>
    internal IReadOnlyList<(string HttpMethod, string Method, IReadOnlyList<string> SignedSegments)> Methods
        => _operations.Select(o => (o.HttpMethod, o.Path, (IReadOnlyList<string>)o.SignedSegments)).ToArray();

    /// <summary>
    /// The signature segment of the last call received, right or wrong: the SDK's tests look for it where it must never
    /// appear (spans, metrics, logs). Only the last one is kept, so a long-running sandbox does not grow.
    /// </summary>
    internal string? LastSignatureReceived => _lastSignatureReceived;

    /// <summary>Every message sent so far (sendSMS, sendMT, PINs), oldest first.</summary>
    public IReadOnlyList<OgangiSentMessage> SentMessages
    {
        get
        {
            lock (_gate)
                return _sent.ToArray();
        }
    }

    /// <summary>Every incoming message (MO) held: the configured ones, those fired, those added by tests.</summary>
    public IReadOnlyList<OgangiMoMessage> IncomingMessages
    {
        get
        {
            lock (_gate)
                return _incoming.ToArray();
        }
    }

    /// <summary>
    /// When true, every call that passes the signature check is answered <c>ERROR</c> (Internal error), as a failing
    /// Campaign Manager does. Cleared by <see cref="Reset"/>.
    /// </summary>
    public bool FailsInternally
    {
        get => _failsInternally;
        set => _failsInternally = value;
    }

    /// <summary>Adds an incoming message, as if a user had sent it: getMOMessages lists it from now on.</summary>
    public void AddIncomingMessage(OgangiMoMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
            _incoming.Add(message);
    }

    /// <summary>
    /// Does nothing: Ogangi has no credential lifetime. Its keys do not expire and its signatures carry no time, so
    /// there is no token or session to expire (a fault armed with <c>ExpireCredentialsAfter</c> changes nothing here).
    /// </summary>
    public override void ExpireCredentials()
    {
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _failsInternally = false;
        _workspace = Workspace.From(_options);
        LoadAccount();
    }

    /// <inheritdoc />
    /// <remarks>
    /// The states of the Ogangi consumer contract. "workspace N exists with public key P and private key K" makes the
    /// workspace's instance id and keys those of its parameters (<c>instanceId</c>, <c>publicKey</c>, <c>privateKey</c>;
    /// read from the name when absent), so the signatures recorded in the Pact file are checked for real; the
    /// workspace also gets the carrier <c>carrierName</c> that the contract's sendSMS example names.
    /// "the Campaign Manager fails internally" sets <see cref="FailsInternally"/>.
    /// </remarks>
    public override bool ApplyProviderState(string state, IReadOnlyDictionary<string, JsonElement> parameters)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(parameters);
        if (state == "the Campaign Manager fails internally")
        {
            _failsInternally = true;
            return true;
        }
        var named = WorkspaceState().Match(state);
        if (!named.Success)
            return false;
        var instanceId = parameters.TryGetValue("instanceId", out var id) && id.ValueKind == JsonValueKind.Number ? id.GetInt64() : long.Parse(named.Groups["instance"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var publicKey = Text(parameters, "publicKey") ?? named.Groups["public"].Value;
        var privateKey = Text(parameters, "privateKey") ?? named.Groups["private"].Value;
        var current = _workspace;
        _workspace = current with
        {
            InstanceId = instanceId,
            PublicKey = publicKey,
            PrivateKey = privateKey,
            Carriers = [.. current.Carriers, new OgangiSandboxCarrier("carrierName", "carrierName")],
        };
        return true;
    }

    /// <inheritdoc />
    protected internal override void MapRoutes(IEndpointRouteBuilder routes)
    {
        // One catch-all: routing by ASP.NET templates would see the decoded path, not the segments a servlet sees.
        routes.Map(Prefix, AnswerAsync);
        routes.Map(Prefix + "/{**path}", AnswerAsync);
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var result = await RouteAsync(context).ConfigureAwait(false);
        await result.ExecuteAsync(context).ConfigureAwait(false);
    }

    private async Task<IResult> RouteAsync(HttpContext context)
    {
        if (OgangiServletPath.Segments(context, Prefix) is not { } segments)
            return OgangiReplies.ContainerPage(400, "Bad Request", "The request path holds an invalid percent-encoded sequence.");

        // The method name is one segment, or two under tools/.
        var nameLength = segments is ["tools", _, ..] ? 2 : 1;
        var path = string.Join('/', segments.Take(nameLength));
        var values = segments.Skip(nameLength).ToArray();
        var shapes = _operations.Where(o => o.Path == path && o.SignedSegments.Length + 2 == values.Length).ToArray();
        if (shapes.Length == 0)
            return OgangiReplies.ContainerPage(404, "Not Found", "The origin server did not find a current representation for the target resource or is not willing to disclose that one exists.");
        if (shapes.FirstOrDefault(o => o.HttpMethod == context.Request.Method) is not { } operation)
            return OgangiReplies.ContainerPage(405, "Method Not Allowed", "The method received in the request-line is known by the origin server but not supported by the target resource.", string.Join(", ", shapes.Select(o => o.HttpMethod)));

        var workspace = _workspace;
        var signed = values[..^2];
        _lastSignatureReceived = values[^1];
        if (!Admits(workspace, signed, publicKey: values[^2], signature: values[^1]))
            return OgangiReplies.BadSignature(operation.Input);
        if (_failsInternally)
            return OgangiReplies.Error(operation.Input);

        var call = new OgangiCall(context.Request, workspace, operation.Input, operation.SignedSegments.Zip(signed).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
        return await operation.Run(call).ConfigureAwait(false);
    }

    // A Campaign Manager finds the private key by the public key and the workspace: a call naming another one is
    // refused like a wrong signature ("access denied").
    private static bool Admits(Workspace workspace, string[] signed, string publicKey, string signature)
        => publicKey == workspace.PublicKey
           && long.TryParse(signed[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var instanceId)
           && instanceId == workspace.InstanceId
           && OgangiSignatureCheck.IsValid(workspace.PrivateKey, signed, signature);

    private void LoadAccount()
    {
        lock (_gate)
        {
            _sent.Clear();
            _incoming.Clear();
            _incoming.AddRange(_options.MoMessages);
            _lastMessageId = FirstMessageId;
        }
    }

    private static string? Text(IReadOnlyDictionary<string, JsonElement> parameters, string name)
        => parameters.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"^workspace (?<instance>[0-9]+) exists with public key (?<public>\S+) and private key (?<private>\S+)$")]
    private static partial Regex WorkspaceState();

    /// <summary>The workspace calls are checked against: the configured one, or a Pact provider state's.</summary>
    private sealed record Workspace(long InstanceId, string PublicKey, string PrivateKey, IReadOnlyList<OgangiSandboxCarrier> Carriers, IReadOnlySet<string> ShortCodes)
    {
        public static Workspace From(OgangiSandboxOptions options)
            => new(options.InstanceId, options.PublicKey, options.PrivateKey, options.Carriers.ToArray(), new HashSet<string>(options.ShortCodes, StringComparer.Ordinal));
    }

    /// <summary>One method: how it is reached, what it signs, how it answers.</summary>
    private sealed record OgangiOperation(string HttpMethod, string Path, string Input, string[] SignedSegments, Func<OgangiCall, Task<IResult>> Run);

    /// <summary>One admitted call: its request, workspace, method name for <c>&lt;input&gt;</c> and decoded path values by name.</summary>
    private sealed record OgangiCall(HttpRequest Request, Workspace Workspace, string Input, IReadOnlyDictionary<string, string> Values)
    {
        public string this[string name] => Values[name];
    }
}
