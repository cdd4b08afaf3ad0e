using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Contracts.Testing;
using Microsoft.AspNetCore.Http;
using static Contracts.Onc.Tests.OncContract;

namespace Contracts.Onc.Tests;

/// <summary>
/// A stateful ONC on a loopback port that speaks SOAP 1.1 the way a WCF basicHttpBinding service does: it checks the
/// SOAPAction and content type, validates every request body against the contract's schema, issues sessions for the
/// right credentials, keeps campaigns and contacts, and answers with XML written by hand (not by WCF), so a namespace
/// mistake in the client shows up as a failed assertion instead of a silently null value.
/// </summary>
internal sealed class FakeOnc : IAsyncDisposable
{
    public const string AccountId = "acct-42";
    public const string UserName = "api-user";
    public const string Password = "p4ss-never-log-me";
    public const string ServicePath = "/ONC/OutboundNotificationsCampaignsService.svc";

    /// <summary>The code this fake answers for a call on an unknown or expired session (the vendor documents none).</summary>
    public const int InvalidSessionCode = 2;

    private readonly Lock _gate = new();
    private readonly HashSet<string> _openSessions = [];
    private readonly List<string> _issued = [];
    private readonly Dictionary<Guid, XElement> _campaigns = [];
    private readonly Dictionary<Guid, XElement> _contacts = [];
    private readonly ConcurrentQueue<(string Operation, XElement Body)> _calls = new();
    private readonly ConcurrentQueue<string> _problems = new();

    private FakeOnc()
    {
        _campaigns[Samples.SpringCampaign] = XElement.Parse(Samples.CampaignXml("c", Samples.SpringCampaign, "Spring"));
        _contacts[Samples.Contact] = XElement.Parse($"<c xmlns:a=\"{Dc}\" xmlns:i=\"{Xsi}\">{Samples.ContactXml("a:x")}</c>").Elements().First();
    }

    public LoopbackServer Server { get; private set; } = null!;

    /// <summary>Delay before answering OpenAPISession, to hold callers waiting on one open.</summary>
    public TimeSpan OpenDelay { get; set; }

    /// <summary>Delay before answering every other operation.</summary>
    public TimeSpan CallDelay { get; set; }

    /// <summary>When true, sessions die as soon as they are issued (the service forgets every session).</summary>
    public bool ForgetSessionsAtOnce { get; set; }

    /// <summary>
    /// When true, a call on an unknown or expired session is answered with a SOAP fault (HTTP 500) instead of
    /// <see cref="InvalidSessionCode"/>, as a service may report a lost session.
    /// </summary>
    public bool SessionLossAsFault { get; set; }

    /// <summary>When true, every operation but OpenAPISession is answered with a SOAP fault: a service failing as a whole.</summary>
    public bool FaultEverything { get; set; }

    /// <summary>Answers OpenAPISession with this error code and description instead of a session.</summary>
    public (int Code, string Description)? OpenFailure { get; set; }

    /// <summary>The error code AddCampaignContact answers for a contact (default 0).</summary>
    public Func<XElement, int> AddContactCode { get; set; } = _ => 0;

    /// <summary>Lets a test answer an operation with raw HTTP: status, content type and body. Null means answer normally.</summary>
    public Func<string, int, (int Status, string ContentType, string Body)?> Intercept { get; set; } = (_, _) => null;

    /// <summary>
    /// Lets a test handle a request itself (answer in pieces, redirect, stall, drop the connection): return true when
    /// it did. Runs after the request is recorded and before the delays and <see cref="Intercept"/>.
    /// </summary>
    public Func<Exchange, Task<bool>> Handle { get; set; } = _ => Task.FromResult(false);

    /// <summary>How many requests the client gave up on (it closed the connection) while this fake held the answer.</summary>
    public int Abandoned => Volatile.Read(ref _abandoned);

    private int _abandoned;

    /// <summary>Every SOAP call received, in order: operation and the request wrapper element.</summary>
    public IReadOnlyList<(string Operation, XElement Body)> Calls => _calls.ToArray();

    public IReadOnlyList<XElement> CallsTo(string operation) => Calls.Where(c => c.Operation == operation).Select(c => c.Body).ToList();

    public int Count(string operation) => Calls.Count(c => c.Operation == operation);

    /// <summary>Wire-level mistakes seen: a wrong SOAPAction, content type or a body the schema refuses.</summary>
    public IReadOnlyList<string> Problems => _problems.ToArray();

    public IReadOnlyList<string> IssuedSessions
    {
        get
        {
            lock (_gate)
                return _issued.ToArray();
        }
    }

    public bool IsOpen(string sessionId)
    {
        lock (_gate)
            return _openSessions.Contains(sessionId);
    }

    /// <summary>The service forgets every session (idle timeout, restart).</summary>
    public void ExpireSessions()
    {
        lock (_gate)
            _openSessions.Clear();
    }

    public XElement? StoredCampaign(Guid id)
    {
        lock (_gate)
            return _campaigns.GetValueOrDefault(id);
    }

    public XElement? StoredContact(Guid id)
    {
        lock (_gate)
            return _contacts.GetValueOrDefault(id);
    }

    public static async Task<FakeOnc> StartAsync()
    {
        var fake = new FakeOnc();
        fake.Server = await LoopbackServer.StartAsync(fake.HandleAsync);
        return fake;
    }

    public OncClientOptions Options(Action<OncClientOptions>? configure = null) => Samples.Options(Server.BaseUrl, configure);

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task HandleAsync(RecordedRequest request, HttpContext context)
    {
        var action = request.Header("SOAPAction") ?? "";
        var operation = action.Trim('"').Split('/')[^1];
        if (request.Method != "POST" || request.Path != ServicePath)
            _problems.Enqueue($"{request.Method} {request.Path}: not the service address");
        if (action != $"\"{ActionPrefix}{operation}\"")
            _problems.Enqueue($"SOAPAction {action} is not quoted {ActionPrefix}<operation>");
        if (request.Header("Content-Type") != "text/xml; charset=utf-8")
            _problems.Enqueue($"{operation}: content type {request.Header("Content-Type")}");

        var envelope = XDocument.Parse(request.BodyText).Root!;
        var body = envelope.Element(Soap + "Body")!.Elements().Single();
        if (body.Name != Tempuri + operation)
            _problems.Enqueue($"{operation}: the body holds {body.Name}");
        foreach (var problem in Validate(body))
            _problems.Enqueue($"{operation}: {problem}");
        _calls.Enqueue((operation, body));
        var attempt = _calls.Count(c => c.Operation == operation);

        try
        {
            if (await Handle(new Exchange(operation, attempt, request.BodyText, context)))
                return;
            await Task.Delay(operation == "OpenAPISession" ? OpenDelay : CallDelay, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            Interlocked.Increment(ref _abandoned);
            return; // the client gave up
        }
        if (Intercept(operation, attempt) is { } raw)
        {
            context.Response.StatusCode = raw.Status;
            context.Response.ContentType = raw.ContentType;
            await context.Response.WriteAsync(raw.Body);
            return;
        }

        if (operation != "OpenAPISession" && (FaultEverything || (SessionLossAsFault && !IsOpen((string?)body.Element(Tempuri + "sessionId") ?? ""))))
        {
            await AnswerAsync(context, 500, $"<s:Fault><faultcode>s:Server</faultcode><faultstring xml:lang=\"en-US\">{(FaultEverything ? "Internal error" : "Session expired")}</faultstring></s:Fault>");
            return;
        }

        var answer = Answer(operation, body);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/xml; charset=utf-8";
        var envelopeText = $"<s:Envelope xmlns:s=\"{Soap}\"><s:Body>{answer}</s:Body></s:Envelope>";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(envelopeText));
    }

    /// <summary>Holds the answer until the client gives up (closes the connection); <see cref="Abandoned"/> counts it.</summary>
    public static Task StallAsync(HttpContext context) => Task.Delay(Timeout.Infinite, context.RequestAborted);

    /// <summary>Writes a SOAP 1.1 envelope around <paramref name="body"/>, as the service answers.</summary>
    public static async Task AnswerAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml; charset=utf-8";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes($"<s:Envelope xmlns:s=\"{Soap}\"><s:Body>{body}</s:Body></s:Envelope>"));
    }

    private string Answer(string operation, XElement body)
    {
        var session = (string?)body.Element(Tempuri + "sessionId");
        Guid Id(string name) => Guid.Parse((string)body.Element(Tempuri + name)!);
        lock (_gate)
        {
            if (operation == "OpenAPISession")
                return Open(body);
            var valid = session is not null && _openSessions.Contains(session);
            switch (operation)
            {
                case "CloseAPISession":
                    var closed = valid && _openSessions.Remove(session!);
                    return $"<CloseAPISessionResponse xmlns=\"{Tempuri}\"><CloseAPISessionResult xmlns:a=\"{Dc}\" xmlns:i=\"{Xsi}\"><a:Description>{(closed ? "Closed" : "Invalid session")}</a:Description><a:ErrorCode>{(closed ? 0 : InvalidSessionCode)}</a:ErrorCode></CloseAPISessionResult></CloseAPISessionResponse>";
                case "GetCampaignListing":
                    return valid ? Result(operation, $" xmlns:b=\"{Arrays}\"", string.Concat(_campaigns.Keys.Select(id => $"<b:guid>{id}</b:guid>"))) : Nil(operation);
                case "GetCampaigns":
                    return valid ? Result(operation, $" xmlns:a=\"{Dc}\" xmlns:i=\"{Xsi}\"", string.Concat(_campaigns.Values.Select(c => Renamed(c, Dc + "OutboundNotificationCampaignInfo")))) : Nil(operation);
                case "GetCampaign":
                    return valid && _campaigns.TryGetValue(Id("campaignId"), out var campaign)
                        ? $"<GetCampaignResponse xmlns=\"{Tempuri}\">{Renamed(campaign, Tempuri + "GetCampaignResult")}</GetCampaignResponse>"
                        : Nil(operation);
                case "AddCampaign":
                case "UpdateCampaign":
                    if (!valid)
                        return Code(operation, InvalidSessionCode);
                    var received = body.Element(Tempuri + "campaign")!;
                    _campaigns[Guid.Parse((string)received.Element(Dc + "ID")!)] = received;
                    return Code(operation, 0);
                case "DeleteCampaign":
                    return Code(operation, !valid ? InvalidSessionCode : _campaigns.Remove(Id("campaignId")) ? 0 : 3);
                case "GetCampaignContactsListing":
                    return valid ? Result(operation, $" xmlns:b=\"{Arrays}\"", string.Concat(ContactsOf(Id("campaignId")).Select(c => $"<b:guid>{(string)c.Element(Dc + "Id")!}</b:guid>"))) : Nil(operation);
                case "GetCampaignContacts":
                    return valid ? Result(operation, $" xmlns:a=\"{Dc}\" xmlns:i=\"{Xsi}\"", string.Concat(ContactsOf(Id("campaignId")).Select(c => Renamed(c, Dc + "OutboundNotificationContactInfo")))) : Nil(operation);
                case "AddCampaignContact":
                case "UpdateCampaignContact":
                    if (!valid)
                        return Code(operation, InvalidSessionCode);
                    var contact = body.Element(Tempuri + "contact")!;
                    var code = operation == "AddCampaignContact" ? AddContactCode(contact) : 0;
                    if (code == 0)
                        _contacts[Guid.Parse((string)contact.Element(Dc + "Id")!)] = contact;
                    return Code(operation, code);
                case "DeleteCampaignContact":
                    return Code(operation, !valid ? InvalidSessionCode : _contacts.Remove(Id("contactId")) ? 0 : 3);
                default:
                    _problems.Enqueue($"unknown operation {operation}");
                    return "";
            }
        }
    }

    private string Open(XElement body)
    {
        if (OpenFailure is { } failure)
            return OpenAnswer(failure.Code, failure.Description, null);
        if ((string?)body.Element(Tempuri + "accountId") != AccountId || (string?)body.Element(Tempuri + "username") != UserName
            || (string?)body.Element(Tempuri + "password") != Password)
            return OpenAnswer(1, "Invalid credentials", null);
        var session = "session-" + (_issued.Count + 1).ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N");
        _issued.Add(session);
        if (!ForgetSessionsAtOnce)
            _openSessions.Add(session);
        return OpenAnswer(0, null, session);
    }

    private static string OpenAnswer(int code, string? description, string? session)
        => $"<OpenAPISessionResponse xmlns=\"{Tempuri}\"><OpenAPISessionResult xmlns:a=\"{Dc}\" xmlns:i=\"{Xsi}\">"
            + (description is null ? "<a:Description i:nil=\"true\"/>" : $"<a:Description>{description}</a:Description>")
            + $"<a:ErrorCode>{code}</a:ErrorCode><a:SessionId>{session}</a:SessionId></OpenAPISessionResult></OpenAPISessionResponse>";

    private IEnumerable<XElement> ContactsOf(Guid campaign)
        => _contacts.Values.Where(c => Guid.Parse((string)c.Element(Dc + "CampaignId")!) == campaign);

    private static string Result(string operation, string declarations, string content)
        => $"<{operation}Response xmlns=\"{Tempuri}\"><{operation}Result{declarations}>{content}</{operation}Result></{operation}Response>";

    private static string Nil(string operation)
        => $"<{operation}Response xmlns=\"{Tempuri}\"><{operation}Result i:nil=\"true\" xmlns:i=\"{Xsi}\"/></{operation}Response>";

    private static string Code(string operation, int code)
        => $"<{operation}Response xmlns=\"{Tempuri}\"><{operation}Result>{code}</{operation}Result></{operation}Response>";

    private static XElement Renamed(XElement stored, XName name)
        => new(name, new XAttribute(XNamespace.Xmlns + "a", Dc.NamespaceName), new XAttribute(XNamespace.Xmlns + "i", Xsi.NamespaceName), stored.Elements());
}

/// <summary>One request as <see cref="FakeOnc.Handle"/> sees it: its operation, which attempt at it this is, its raw body and the exchange to answer on.</summary>
internal sealed record Exchange(string Operation, int Attempt, string RequestBody, HttpContext Context);
