using System.Buffers.Text;
using System.Text;
using Contracts.Pacts;
using Contracts.Pacts.Matchers;
using Xunit.Abstractions;

namespace Contracts.Engage.Tests.ConsumerContracts;

/// <summary>
/// The pair Contracts.Engage -> ENGAGE (contracts/pacts/Contracts.Engage-ENGAGE.json): names, the shapes ENGAGE's
/// values take, and the token interaction every protected call starts with.
/// </summary>
internal static class EngageContract
{
    public const string Consumer = "Contracts.Engage";
    public const string Provider = "ENGAGE";

    public const string TokenPath = "/federated/content/v2/token";
    public const string HealthPath = "/federated/content/v2/token/health";
    public const string PushPath = "/federated/outbound/v2/batch";

    public const string CredentialsAccepted = "the client credentials are valid";

    /// <summary>
    /// A well-formed JWT that expires in 2100, so the client's token cache keeps it for the whole test, and the same
    /// bytes on every run, so the Pact file does not change.
    /// </summary>
    public static readonly string ExampleToken = string.Join('.',
        Base64Url.EncodeToString("""{"alg":"RS256","kid":"pact-example","typ":"JWT"}"""u8),
        Base64Url.EncodeToString("""{"sub":"pact-example-client","token_use":"access","scope":"com.firstorion.engage.federation/federatedinform","exp":4102444800,"client_id":"pact-example-client"}"""u8),
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes("example-signature")));

    public static PactBuilder NewBuilder(ITestOutputHelper output)
        => Pact.V4(Consumer, Provider, new PactConfig { Output = output.WriteLine }).WithHttpInteractions();

    /// <summary>A client aimed at the mock server, with its real token handler and pipeline; retries without waiting.</summary>
    public static EngageClient Client(ConsumerContext ctx, Action<EngageClientOptions>? configure = null)
    {
        var options = new EngageClientOptions
        {
            BaseUrl = ctx.MockServerUri,
            ClientId = "pact-example-client",
            ClientSecret = "example-client-secret",
            RetryDelay = TimeSpan.Zero,
        };
        configure?.Invoke(options);
        return new EngageClient(options);
    }

    public static Matcher RequestId(string example) => Match.Regex(example, Patterns.Uuid);

    public static Matcher Bearer => Match.Regex($"Bearer {ExampleToken}", Patterns.BearerJwt);

    /// <summary>POST /federated/content/v2/token with valid credentials: a token, errorCode 0.</summary>
    public static void TokenGranted(PactBuilder builder)
        => TokenRequest(builder, "a request for an access token", CredentialsAccepted)
            .WithStatus(200)
            .WithJsonBody(new
            {
                accessToken = Match.Regex(ExampleToken, Patterns.Jwt),
                message = Match.Type("Success"),
                errorCode = Match.Integer(0),
                requestId = RequestId("12ab005b-1522-406b-82c9-a2ab9a1ff49d"),
            });

    /// <summary>The token request as the client sends it: JSON credentials and the federated purpose.</summary>
    public static ResponseBuilder TokenRequest(PactBuilder builder, string description, string providerState)
        => builder.UponReceiving(description)
            .Given(providerState)
            .WithRequest(HttpMethod.Post, TokenPath)
            .WithHeader("X-Federated-Purpose", "inform")
            .WithHeader("Accept", "application/json")
            .WithJsonBody(new { clientId = Match.Type("pact-example-client"), clientSecret = Match.Type("example-client-secret") })
            .WillRespond();

    /// <summary>One destination as the push request example in the ENGAGE Federated Batch Push guide shows it: an E.164 bNumber, personalization text, a tracking id.</summary>
    public static object DestinationShape => new
    {
        bNumber = Match.Regex("+15018902005", Patterns.E164),
        personalization = new { MY_VAR = Match.Type("Put Custom Text Here") },
        customTrackingId = Match.Type("custom-tracking-1"),
    };
}
