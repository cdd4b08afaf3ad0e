using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Contracts.Sandbox.Onc.OncSandboxErrorCodes;

namespace Contracts.Sandbox.Onc;

/// <summary>
/// Dynamic Notifications' Outbound Notifications Campaigns (ONC) service under /onc, answering SOAP 1.1 the way a WCF
/// basicHttpBinding service does: the operation is chosen by the quoted SOAPAction header, the document/literal
/// wrapped body is read in the namespaces of contracts/onc/onc.wsdl, answers are <c>text/xml; charset=utf-8</c>
/// envelopes, and a request WCF could not dispatch gets HTTP 500 with a soap:Fault (ActionNotSupported,
/// DeserializationFailed, a malformed envelope) or 415 for another content type. The .svc path is not public, so any
/// path under /onc is the service (<see cref="ServicePath"/> is the one the sandbox's clients use).
/// </summary>
/// <remarks>
/// <para>Sessions: OpenAPISession with the configured account id, user name and password answers ErrorCode 0 and a
/// session id; wrong credentials answer ErrorCode <see cref="OncSandboxErrorCodes.InvalidCredentials"/> and an empty
/// SessionId. A session ends after <see cref="OncSandboxOptions.SessionIdleTimeout"/> without a call (every accepted
/// call restarts the clock of <see cref="SandboxOptions.TimeProvider"/>), with CloseAPISession, or with
/// <see cref="ExpireCredentials"/>. A call on a session that is not open answers the vendor's documented error signal:
/// a null (xsi:nil) list or campaign, or ErrorCode <see cref="OncSandboxErrorCodes.InvalidSession"/>.</para>
/// <para>Campaigns and contacts are stored, so what is added can be listed, read, updated and deleted; see
/// <see cref="OncSandboxErrorCodes"/> for the codes of refused changes.</para>
/// </remarks>
public sealed class OncSimulator : VendorSimulator
{
    /// <summary>Route prefix of the simulated ONC host.</summary>
    public const string RoutePrefix = "/onc";

    /// <summary>The service address under <see cref="RoutePrefix"/> that the sandbox's clients are given.</summary>
    public const string ServicePath = "OutboundNotificationsCampaignsService.svc";

    private readonly OncSandboxOptions _options;
    private readonly TimeProvider _time;
    private readonly OncSessionStore _sessions;
    private readonly OncAccount _account = new();
    private readonly ConcurrentDictionary<string, long> _calls = new(StringComparer.Ordinal);
    private (string? AccountId, string? UserName)? _acceptedCredentials;
    private volatile bool _refuseAllCredentials;

    internal OncSimulator(OncSandboxOptions options, TimeProvider time)
        : base("ONC", RoutePrefix)
    {
        _options = options;
        _time = time;
        _sessions = new OncSessionStore(time, options.SessionIdleTimeout);
        _account.Load(options);
    }

    /// <summary>Sessions opened by OpenAPISession so far.</summary>
    public long SessionsOpened => _sessions.Opened;

    /// <summary>
    /// The id of the session OpenAPISession opened last: the SDK's tests look for it where it must never appear
    /// (spans, metrics, logs).
    /// </summary>
    internal string? LastSessionIdOpened => _sessions.LastOpened;

    /// <summary>Sessions ended by CloseAPISession so far.</summary>
    public long SessionsClosed => _sessions.Closed;

    /// <summary>Sessions open now (neither closed, expired nor idle past the timeout).</summary>
    public int OpenSessions => _sessions.OpenCount;

    /// <summary>The IDs of the campaigns stored now.</summary>
    public IReadOnlyList<Guid> CampaignIds => _account.CampaignIds();

    /// <summary>How many requests for <paramref name="operation"/> (e.g. "AddCampaignContact") were dispatched.</summary>
    public long CallsTo(string operation) => _calls.GetValueOrDefault(operation);

    /// <summary>How many contacts the campaign holds now.</summary>
    public int ContactCount(Guid campaignId) => _account.ContactCount(campaignId);

    /// <summary>Ends every session, as if each had been idle for the timeout.</summary>
    public override void ExpireCredentials() => _sessions.ExpireAll();

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _acceptedCredentials = null;
        _refuseAllCredentials = false;
        _sessions.ExpireAll();
        _account.Load(_options);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The states the ONC consumer contract (contracts/pacts/Contracts.Onc-ONC.json) uses. Its requests carry example
    /// credentials and session ids the sandbox never issued, so the states that promise valid credentials or an open
    /// session make the sandbox accept those (the account id and user name given, with any password; the session id
    /// given, or any without one). "a campaign exists" leaves the account holding that campaign alone, every field
    /// set, so that a listing holds only campaigns shaped as the contract shows them.
    /// </remarks>
    public override bool ApplyProviderState(string state, IReadOnlyDictionary<string, JsonElement> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        string? Text(string name) => parameters.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        Guid Id(string name) => Guid.TryParse(Text(name), out var id) ? id : throw new ArgumentException($"The state '{state}' needs a '{name}' parameter holding a GUID.");

        switch (state)
        {
            case "the API user's credentials are valid":
                _acceptedCredentials = (Text("accountId"), Text("username"));
                return true;
            case "the API user's credentials are not valid":
                _refuseAllCredentials = true;
                return true;
            case "an API session is open":
                if (Text("sessionId") is { Length: > 0 } sessionId)
                    _sessions.Adopt(sessionId);
                else
                    _sessions.AcceptAnySession();
                return true;
            case "the API session has expired":
                ExpireCredentials();
                return true;
            case "a campaign exists":
                _account.Clear();
                _account.EnsureCampaign(Id("campaignId"));
                return true;
            case "no campaign has the id":
                _account.DeleteCampaign(Id("campaignId"));
                return true;
            case "a contact exists in the campaign":
                _account.EnsureContact(Id("campaignId"), Id("contactId"));
                return true;
            default:
                return false;
        }
    }

    /// <inheritdoc />
    protected internal override void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapPost(Prefix, HandleAsync);
        routes.MapPost(Prefix + "/{**path}", HandleAsync);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!IsSoap11ContentType(request.ContentType))
        {
            // WCF refuses another encoding (SOAP 1.2's application/soap+xml, JSON) before reading the message.
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"Cannot process the message because the content type '{request.ContentType}' was not the expected type '{OncSoap.ContentType}'.", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        XDocument envelope;
        try
        {
            envelope = await LoadAsync(request.Body, context.RequestAborted).ConfigureAwait(false);
        }
        catch (XmlException ex)
        {
            await AnswerAsync(context, 500, OncSoap.MalformedMessage($"it is not well-formed XML ({ex.Message})")).ConfigureAwait(false);
            return;
        }

        var root = envelope.Root!;
        if (root.Name == OncSoap.Soap12Envelope + "Envelope")
        {
            await AnswerAsync(context, 500, OncSoap.VersionMismatch()).ConfigureAwait(false);
            return;
        }
        if (root.Name != OncSoap.Envelope + "Envelope" || root.Element(OncSoap.Envelope + "Body") is not { } body)
        {
            await AnswerAsync(context, 500, OncSoap.MalformedMessage($"the root element is {root.Name}, not a SOAP 1.1 Envelope with a Body.")).ConfigureAwait(false);
            return;
        }

        var action = request.Headers["SOAPAction"].ToString().Trim().Trim('"');
        var operation = action.StartsWith(OncSoap.ActionPrefix, StringComparison.Ordinal) ? action[OncSoap.ActionPrefix.Length..] : "";
        if (!OncContracts.Requests.TryGetValue(operation, out var requestContract))
        {
            await AnswerAsync(context, 500, OncSoap.ActionNotSupported(action)).ConfigureAwait(false);
            return;
        }
        _calls.AddOrUpdate(operation, 1, (_, count) => count + 1);

        var wrapper = body.Elements().FirstOrDefault();
        if (wrapper is null || wrapper.Name != OncSoap.Service + operation)
        {
            var found = wrapper is null ? "Found no element" : $"Found node type 'Element' with name '{wrapper.Name.LocalName}' and namespace '{wrapper.Name.NamespaceName}'";
            await AnswerAsync(context, 500, OncSoap.DeserializationFailed(operation,
                $"OperationFormatter encountered an invalid Message body. Expected to find node type 'Element' with name '{operation}' and namespace '{OncSoap.Service.NamespaceName}'. {found}.")).ConfigureAwait(false);
            return;
        }

        XElement answer;
        try
        {
            answer = Answer(operation, requestContract.Read(wrapper, wrapper.Name));
        }
        catch (OncDeserializationException ex)
        {
            await AnswerAsync(context, 500, OncSoap.DeserializationFailed(operation, ex.Message)).ConfigureAwait(false);
            return;
        }
        await AnswerAsync(context, 200, answer).ConfigureAwait(false);
    }

    private XElement Answer(string operation, XElement parameters)
    {
        if (operation == "OpenAPISession")
            return OpenSession(operation, parameters);
        if (operation == "CloseAPISession")
        {
            var closed = _sessions.Close(Text(parameters, "sessionId"));
            return Result(operation, OncContracts.CloseSessionResult.Create(OncSoap.Service + "x",
                ("Description", closed ? null : "Invalid session: it is unknown, closed or expired."),
                ("ErrorCode", closed ? Success : InvalidSession)));
        }

        var open = _sessions.Use(Text(parameters, "sessionId"));
        return operation switch
        {
            "GetCampaignListing" => open ? GuidList(operation, _account.CampaignIds()) : Nil(operation),
            "GetCampaigns" => open ? ItemList(operation, _account.Campaigns()) : Nil(operation),
            "AddCampaign" => Code(operation, open ? _account.AddCampaign(Complex(parameters, "campaign"), _time.GetUtcNow().UtcDateTime) : InvalidSession),
            "GetCampaign" => open && _account.Campaign(Id(parameters, "campaignId")) is { } campaign ? Result(operation, campaign) : Nil(operation),
            "UpdateCampaign" => Code(operation, open ? _account.UpdateCampaign(Complex(parameters, "campaign")) : InvalidSession),
            "DeleteCampaign" => Code(operation, open ? _account.DeleteCampaign(Id(parameters, "campaignId")) : InvalidSession),
            "GetCampaignContactsListing" => open && _account.Contacts(Id(parameters, "campaignId")) is { } contacts
                ? GuidList(operation, contacts.Select(c => Id(c, "Id", OncSoap.DataContracts)).ToList())
                : Nil(operation),
            "GetCampaignContacts" => open && _account.Contacts(Id(parameters, "campaignId")) is { } contacts ? ItemList(operation, contacts) : Nil(operation),
            "AddCampaignContact" => Code(operation, open ? _account.AddContact(Complex(parameters, "contact")) : InvalidSession),
            "UpdateCampaignContact" => Code(operation, open ? _account.UpdateContact(Complex(parameters, "contact")) : InvalidSession),
            "DeleteCampaignContact" => Code(operation, open ? _account.DeleteContact(Id(parameters, "campaignId"), Id(parameters, "contactId")) : InvalidSession),
            _ => throw new InvalidOperationException($"No answer for {operation}."),
        };
    }

    private XElement OpenSession(string operation, XElement parameters)
    {
        var (accountId, userName, password) = (Text(parameters, "accountId"), Text(parameters, "username"), Text(parameters, "password"));
        var accepted = !_refuseAllCredentials && (_acceptedCredentials is { } trusted
            ? (trusted.AccountId ?? accountId) == accountId && (trusted.UserName ?? userName) == userName && !string.IsNullOrEmpty(password)
            : accountId == _options.AccountId && userName == _options.UserName && password == _options.Password);
        var result = accepted
            ? OncContracts.OpenSessionResult.Create(OncSoap.Service + "x", ("ErrorCode", Success), ("SessionId", _sessions.Open()))
            : OncContracts.OpenSessionResult.Create(OncSoap.Service + "x", ("Description", "Invalid credentials: the account id, user name or password is wrong."), ("ErrorCode", InvalidCredentials), ("SessionId", ""));
        return Result(operation, result);
    }

    /// <summary>{Operation}Response holding {Operation}Result with the members of <paramref name="content"/>.</summary>
    private static XElement Result(string operation, XElement content)
        => Response(operation, new XElement(OncSoap.Service + (operation + "Result"), DataContractPrefixes(), content.Elements()));

    private static XElement ItemList(string operation, IEnumerable<XElement> items)
        => Response(operation, new XElement(OncSoap.Service + (operation + "Result"), DataContractPrefixes(), items));

    private static XElement GuidList(string operation, IEnumerable<Guid> ids)
        => Response(operation, new XElement(OncSoap.Service + (operation + "Result"),
            new XAttribute(XNamespace.Xmlns + "a", OncSoap.Arrays.NamespaceName),
            ids.Select(id => new XElement(OncSoap.Arrays + "guid", id.ToString("D")))));

    private static XElement Nil(string operation)
        => Response(operation, new XElement(OncSoap.Service + (operation + "Result"), OncSoap.Nil, new XAttribute(XNamespace.Xmlns + "i", OncSoap.Instance.NamespaceName)));

    private static XElement Code(string operation, int code)
        => Response(operation, new XElement(OncSoap.Service + (operation + "Result"), code));

    private static XElement Response(string operation, XElement result) => new(OncSoap.Service + (operation + "Response"), result);

    private static XAttribute[] DataContractPrefixes() =>
    [
        new(XNamespace.Xmlns + "a", OncSoap.DataContracts.NamespaceName),
        new(XNamespace.Xmlns + "i", OncSoap.Instance.NamespaceName),
    ];

    private static string? Text(XElement parameters, string name)
        => parameters.Element(OncSoap.Service + name) is { } value && value.Attribute(OncSoap.Instance + "nil") is null ? value.Value : null;

    private static XElement? Complex(XElement parameters, string name)
        => parameters.Element(OncSoap.Service + name) is { } value && value.Attribute(OncSoap.Instance + "nil") is null ? value : null;

    private static Guid Id(XElement element, string name, XNamespace? ns = null) => Guid.Parse((string)element.Element((ns ?? OncSoap.Service) + name)!);

    private static bool IsSoap11ContentType(string? contentType)
        => contentType is not null && contentType.Split(';')[0].Trim().Equals("text/xml", StringComparison.OrdinalIgnoreCase);

    private static async Task<XDocument> LoadAsync(Stream body, CancellationToken cancellationToken)
    {
        // As WCF: no DTDs, no external resources.
        var settings = new XmlReaderSettings { Async = true, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(body, settings);
        return await XDocument.LoadAsync(reader, LoadOptions.None, cancellationToken).ConfigureAwait(false);
    }

    private static async Task AnswerAsync(HttpContext context, int status, XElement content)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = OncSoap.ContentType;
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(OncSoap.Wrap(content)), context.RequestAborted).ConfigureAwait(false);
    }
}
