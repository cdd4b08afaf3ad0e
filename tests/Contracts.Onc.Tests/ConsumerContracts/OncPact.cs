using System.Xml.Linq;
using Contracts.Pacts;
using Xunit.Abstractions;
using static Contracts.Onc.Tests.ConsumerContracts.OncExamples;
using static Contracts.Onc.Tests.ConsumerContracts.OncPayloads;

namespace Contracts.Onc.Tests.ConsumerContracts;

/// <summary>
/// The pair Contracts.Onc -> ONC (contracts/pacts/Contracts.Onc-ONC.json): names, the service address, the provider
/// states, and the interactions many tests share (a session opened, closed, checked).
/// </summary>
internal static class OncPact
{
    public const string Consumer = "Contracts.Onc";
    public const string Provider = "ONC";

    /// <summary>The path of the contract's placeholder address (the vendor's real .svc path is not public).</summary>
    public const string ServicePath = "/ONC/OutboundNotificationsCampaignsService.svc";

    public static PactBuilder NewBuilder(ITestOutputHelper output)
        => Pact.V4(Consumer, Provider, new PactConfig { Output = output.WriteLine }).WithHttpInteractions();

    /// <summary>A SOAP request for <paramref name="operation"/>: POST to the service with its SOAPAction, quoted as WCF sends it.</summary>
    public static RequestBuilder SoapRequest(this PactBuilder builder, string description, string operation)
        => builder.UponReceiving(description)
            .WithRequest(HttpMethod.Post, ServicePath)
            .WithHeader("SOAPAction", $"\"{OncContract.ActionPrefix}{operation}\"");

    /// <summary>
    /// A call of <paramref name="operation"/> on a session: its request wrapper holds the sessionId, then
    /// <paramref name="parameters"/>. Add the provider states it needs (the session's first), then <see cref="Answers"/>.
    /// </summary>
    public static RequestBuilder SoapCall(this PactBuilder builder, string description, string operation, params object[] parameters)
        => builder.SoapRequest(description, operation)
            .WithSoapBody(Request(operation, [SessionParameter(), .. parameters]));

    /// <summary>The service's answer: HTTP 200 (SOAP reports errors in the body) with <paramref name="payload"/> in the envelope.</summary>
    public static ResponseBuilder Answers(this RequestBuilder request, XElement payload)
        => request.WillRespond().WithStatus(200).WithSoapBody(payload);

    // Provider states, with the values the interaction uses as parameters, so a provider can set them up.

    public static RequestBuilder GivenValidCredentials(this RequestBuilder request)
        => request.Given("the API user's credentials are valid", Parameters(("accountId", AccountId), ("username", UserName)));

    public static RequestBuilder GivenRefusedCredentials(this RequestBuilder request)
        => request.Given("the API user's credentials are not valid", Parameters(("accountId", AccountId), ("username", UserName)));

    public static RequestBuilder GivenOpenSession(this RequestBuilder request)
        => request.Given("an API session is open", Parameters(("sessionId", SessionId)));

    public static RequestBuilder GivenExpiredSession(this RequestBuilder request)
        => request.Given("the API session has expired", Parameters(("sessionId", SessionId)));

    public static RequestBuilder GivenCampaign(this RequestBuilder request)
        => request.Given("a campaign exists", Parameters(("campaignId", CampaignId)));

    public static RequestBuilder GivenNoCampaign(this RequestBuilder request, Guid campaignId)
        => request.Given("no campaign has the id", Parameters(("campaignId", campaignId)));

    public static RequestBuilder GivenContact(this RequestBuilder request)
        => request.Given("a contact exists in the campaign", Parameters(("campaignId", CampaignId), ("contactId", ContactId)));

    /// <summary>OpenAPISession with the credentials of the options: a session id, error code 0.</summary>
    public static void SessionOpened(PactBuilder builder)
        => OpenSessionRequest(builder, "a request to open an API session")
            .GivenValidCredentials()
            .Answers(SessionOutcome(OncOperations.OpenApiSession, errorCode: 0, description: null, sessionId: SessionId));

    /// <summary>OpenAPISession as the client sends it: the three credentials, in order.</summary>
    public static RequestBuilder OpenSessionRequest(PactBuilder builder, string description)
        => builder.SoapRequest(description, OncOperations.OpenApiSession)
            .WithSoapBody(Request(OncOperations.OpenApiSession,
                SoapBody.Shaped(OncContract.Tempuri + "accountId", OncShapes.Text, AccountId),
                SoapBody.Shaped(OncContract.Tempuri + "username", OncShapes.Text, UserName),
                SoapBody.Shaped(OncContract.Tempuri + "password", OncShapes.Text, Password)));

    /// <summary>CloseAPISession on the open session, which the client sends when it is disposed: error code 0.</summary>
    public static void SessionClosed(PactBuilder builder)
        => builder.SoapCall("a request to close the API session", OncOperations.CloseApiSession)
            .GivenOpenSession()
            .Answers(SessionOutcome(OncOperations.CloseApiSession, errorCode: 0, description: null, sessionId: null));

    /// <summary>
    /// GetCampaignListing on an open session: the IDs of the active campaigns. Also the client's session check after
    /// a failed call: a list means the session works and the failure was the call's own.
    /// </summary>
    public static void CampaignsListed(PactBuilder builder)
        => builder.SoapCall("a request for the IDs of the active campaigns", OncOperations.GetCampaignListing)
            .GivenOpenSession()
            .GivenCampaign()
            .Answers(GuidList(OncOperations.GetCampaignListing, CampaignId));

    /// <summary>A builder holding the interactions of one call on a session: opened first, closed when the client is disposed.</summary>
    public static PactBuilder NewSessionBuilder(ITestOutputHelper output)
    {
        var builder = NewBuilder(output);
        SessionOpened(builder);
        SessionClosed(builder);
        return builder;
    }

    private static Dictionary<string, object?> Parameters(params (string Name, object Value)[] values)
        => values.ToDictionary(v => v.Name, v => (object?)v.Value, StringComparer.Ordinal);
}
