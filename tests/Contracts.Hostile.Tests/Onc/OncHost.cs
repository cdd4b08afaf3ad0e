using System.Collections.Concurrent;
using System.Globalization;
using System.Xml.Linq;
using Contracts.Hostile.Tests.Infrastructure;
using Contracts.Onc;

namespace Contracts.Hostile.Tests.Onc;

/// <summary>
/// ONC's SOAP service on a hostile server: OpenAPISession, GetCampaignListing, AddCampaignContact and CloseAPISession
/// answer as a WCF basicHttpBinding service does (dispatched on the SOAPAction header) unless a test replaces one of
/// their scripts with a hostile one.
/// </summary>
public abstract class OncHost : HostileVendorHost
{
    public const string ServicePath = "/ONC/OutboundNotificationsCampaignsService.svc";
    public const string ActionPrefix = "http://tempuri.org/IOutboundNotificationsCampaignsService/";
    public const string AccountId = "acct-hostile-42";
    public const string UserName = "api-user";
    public const string Password = "onc-p4ss-must-never-leak";
    public const string SoapContentType = "text/xml; charset=utf-8";
    public const string Open = "OpenAPISession";
    public const string Listing = "GetCampaignListing";
    public const string AddContact = "AddCampaignContact";
    public const string Close = "CloseAPISession";

    public static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Tempuri = "http://tempuri.org/";
    public static readonly XNamespace Dc = "http://schemas.datacontract.org/2004/07/ONC";
    public static readonly XNamespace Arrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    public static readonly Guid Campaign = Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff");

    private readonly ConcurrentQueue<string> _sessions = new();

    /// <summary>Every session id the default OpenAPISession script issued, in order.</summary>
    protected IReadOnlyList<string> Sessions => _sessions.ToArray();

    protected OncHost() => OpenScript = (_, exchange) => AnswerAsync(exchange, OpenAnswer(0, null, IssueSession()));

    /// <summary>Starts the server, once the process has made its first ONC calls (<see cref="OncColdStart"/>).</summary>
    public override async Task InitializeAsync()
    {
        await OncColdStart.WarmedAsync();
        await base.InitializeAsync();
    }

    protected Func<HostileRequest, HostileExchange, Task> OpenScript { get; set; }

    protected Func<HostileRequest, HostileExchange, Task> ListingScript { get; set; } = (_, exchange) => AnswerAsync(exchange, ListingAnswer(Campaign));

    protected Func<HostileRequest, HostileExchange, Task> AddContactScript { get; set; } = (_, exchange) => AnswerAsync(exchange, CodeAnswer(AddContact, 0));

    protected Func<HostileRequest, HostileExchange, Task> CloseScript { get; set; } = (_, exchange) => AnswerAsync(exchange, CloseAnswer());

    protected IReadOnlyList<HostileRequest> OpenRequests => RequestsFor(Open);

    protected IReadOnlyList<HostileRequest> ListingRequests => RequestsFor(Listing);

    protected IReadOnlyList<HostileRequest> AddContactRequests => RequestsFor(AddContact);

    /// <summary>The password and every session id issued: what no exception text may hold.</summary>
    protected string[] Secrets => [Password, .. Sessions];

    protected override Task Route(HostileRequest request, HostileExchange exchange) => OperationOf(request) switch
    {
        Open => OpenScript(request, exchange),
        Listing => ListingScript(request, exchange),
        AddContact => AddContactScript(request, exchange),
        Close => CloseScript(request, exchange),
        _ => exchange.RespondAsync(404),
    };

    /// <summary>A new session id, recorded in <see cref="Sessions"/>.</summary>
    protected string IssueSession()
    {
        var session = "onc-session-" + (_sessions.Count + 1).ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N");
        _sessions.Enqueue(session);
        return session;
    }

    /// <summary>The operation the SOAPAction header names ("" when there is none).</summary>
    public static string OperationOf(HostileRequest request) => (request.Header("SOAPAction") ?? "").Trim('"').Split('/')[^1];

    protected IReadOnlyList<HostileRequest> RequestsFor(string operation) => Server.Requests.Where(r => OperationOf(r) == operation).ToArray();

    /// <summary>The contact id an AddCampaignContact request carries.</summary>
    public static Guid ContactIdOf(HostileRequest request)
        => Guid.Parse((string)XDocument.Parse(request.BodyText).Descendants(Tempuri + "contact").Single().Element(Dc + "Id")!);

    /// <summary>The session id a request carries (null for OpenAPISession).</summary>
    public static string? SessionOf(HostileRequest request) => (string?)XDocument.Parse(request.BodyText).Descendants(Tempuri + "sessionId").SingleOrDefault();

    public static string Envelope(string body) => $"<s:Envelope xmlns:s=\"{Soap}\"><s:Body>{body}</s:Body></s:Envelope>";

    /// <summary>A SOAP 1.1 answer with the content type WCF requires.</summary>
    public static Task AnswerAsync(HostileExchange exchange, string body, int status = 200) => exchange.RespondAsync(status, Envelope(body), SoapContentType);

    public static string OpenAnswer(int code, string? description, string? session)
        => $"<OpenAPISessionResponse xmlns=\"{Tempuri}\"><OpenAPISessionResult xmlns:a=\"{Dc}\" xmlns:i=\"{Xsi}\">"
            + (description is null ? "<a:Description i:nil=\"true\"/>" : $"<a:Description>{description}</a:Description>")
            + $"<a:ErrorCode>{code}</a:ErrorCode><a:SessionId>{session}</a:SessionId></OpenAPISessionResult></OpenAPISessionResponse>";

    public static string ListingAnswer(params Guid[] campaigns)
        => $"<GetCampaignListingResponse xmlns=\"{Tempuri}\"><GetCampaignListingResult xmlns:b=\"{Arrays}\">{string.Concat(campaigns.Select(id => $"<b:guid>{id}</b:guid>"))}</GetCampaignListingResult></GetCampaignListingResponse>";

    public static string CodeAnswer(string operation, int code) => $"<{operation}Response xmlns=\"{Tempuri}\"><{operation}Result>{code}</{operation}Result></{operation}Response>";

    public static string CloseAnswer()
        => $"<CloseAPISessionResponse xmlns=\"{Tempuri}\"><CloseAPISessionResult xmlns:a=\"{Dc}\" xmlns:i=\"{Xsi}\"><a:Description>Closed</a:Description><a:ErrorCode>0</a:ErrorCode></CloseAPISessionResult></CloseAPISessionResponse>";

    protected OncClientOptions Options(Action<OncClientOptions>? configure = null) => OptionsFor(Server, configure);

    internal static OncClientOptions OptionsFor(HostileServer server, Action<OncClientOptions>? configure = null)
    {
        var options = new OncClientOptions
        {
            BaseUrl = new Uri(server.BaseUrl, ServicePath.TrimStart('/')),
            AccountId = AccountId,
            UserName = UserName,
            Password = Password,
            Timeout = TimeSpan.FromSeconds(2),
            RetryDelay = TimeSpan.Zero,
        };
        configure?.Invoke(options);
        return options;
    }

    protected OncClient Client(Action<OncClientOptions>? configure = null) => new(Options(configure));

    public static OutboundNotificationContactInfo NewContact(string destination, Guid? id = null) => new()
    {
        Id = id ?? Guid.NewGuid(),
        CampaignId = Campaign,
        SMSCommInfo = new CommunicationInfo { Destination = destination, RetryCount = 3, StatusCode = CommunicationStatusCode.Pending, TextToSendOverwrite = "Hi" },
    };
}
