using Contracts.Pacts;
using Contracts.Pacts.Matchers;
using Xunit.Abstractions;

namespace Contracts.Accengage.Tests.ConsumerContracts;

/// <summary>
/// The pair Contracts.Accengage -> Accengage (contracts/pacts/Contracts.Accengage-Accengage.json): names, the shapes
/// Accengage's values take, the signed headers and bearer token every request carries, and the token interaction
/// every protected call starts with.
/// </summary>
internal static class AccengageContract
{
    public const string Consumer = "Contracts.Accengage";
    public const string Provider = "Accengage";

    public const string PartnerId = FakeAccengage.PartnerId;
    public const string UserEmail = FakeAccengage.UserEmail;

    /// <summary>An opaque token, the same bytes on every run so that the Pact file does not change.</summary>
    public const string ExampleToken = "5b1f0c3e9a7d4c2b8e6f1a0d3c5b7e9f";

    public const string TokenPath = "/v1/access_token";
    public const string MePath = "/v1/me";
    public const string AppPath = "/v1/me/apps/" + PartnerId;

    public const string UserHasAKey = "the user mymail@client.com has generated an API key";

    /// <summary>Accengage-Time: Unix time in seconds.</summary>
    public const string UnixSeconds = "^[0-9]+$";

    /// <summary>Accengage-Signature: SHA1 in lowercase hexadecimal.</summary>
    public const string Sha1Hex = "^[0-9a-f]{40}$";

    /// <summary>The Authorization header: token_type then access_token.</summary>
    public const string BearerToken = @"^Bearer \S+$";

    public const string Email = @"^[^@\s]+@[^@\s]+$";

    /// <summary>A day, as the stats routes take and give it.</summary>
    public const string Day = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

    /// <summary>A day, or a day and a time separated by a space: the dates of clicks, targets and date filters.</summary>
    public const string DayOrSpacedDateTime = "^[0-9]{4}-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2}:[0-9]{2})?$";

    /// <summary>An ISO 8601 / RFC 3339 date-time with its offset (Z or ±hh:mm), optionally with fractions of a second.</summary>
    public const string DateTimeWithOffset = @"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$";

    public static Matcher Time => Match.Regex("1507722391", UnixSeconds);

    public static Matcher Signature => Match.Regex("ba04fc7206950ce63d78ddbc9e65c48fb96e54d7", Sha1Hex);

    public static Matcher Bearer => Match.Regex($"Bearer {ExampleToken}", BearerToken);

    public static PactBuilder NewBuilder(ITestOutputHelper output)
        => Pact.V4(Consumer, Provider, new PactConfig { Output = output.WriteLine }).WithHttpInteractions();

    /// <summary>
    /// Verifies <paramref name="builder"/> with a real <see cref="AccengageClient"/> (signing handler, token provider,
    /// pipeline) aimed at the mock server, and checks that every request it sent was signed over its exact bytes.
    /// </summary>
    public static Task VerifyAsync(PactBuilder builder, Func<AccengageClient, Task> interact)
        => VerifyAsync(builder, (client, _) => interact(client));

    /// <inheritdoc cref="VerifyAsync(PactBuilder, Func{AccengageClient, Task})"/>
    /// <remarks><paramref name="interact"/> also gets the transport, which tells what was sent and how often.</remarks>
    public static Task VerifyAsync(PactBuilder builder, Func<AccengageClient, SignatureCheckingTransport, Task> interact)
        => builder.VerifyAsync(async ctx =>
        {
            // The API key only signs: the mock server never sees it, so the transport checks the signatures.
            using var transport = new SignatureCheckingTransport(FakeAccengage.ApiKey);
            using (var client = new AccengageClient(FakeAccengage.OptionsFor(ctx.MockServerUri), transport))
                await interact(client, transport);
            transport.AssertEveryRequestWasSignedOverItsBytes();
        });

    /// <summary>A route of the app whose suffix has no variable part, e.g. <c>AppRoute("/campaigns")</c>; the partner ID is matched by shape.</summary>
    public static Matcher AppRoute(string suffix) => AppRoute(suffix, suffix);

    /// <summary>A route of the app with variable parts, e.g. <c>AppRoute("/campaigns/91", "/campaigns/[0-9]+")</c>.</summary>
    public static Matcher AppRoute(string suffixExample, string suffixPattern)
        => Match.Regex(AppPath + suffixExample, "^/v1/me/apps/[^/]+" + suffixPattern + "$");

    /// <summary>Message 2157 (any message ID) or one of its routes, e.g. <c>MessageRoute("/send")</c>.</summary>
    public static Matcher MessageRoute(string suffix = "") => AppRoute("/messages/2157" + suffix, "/messages/[0-9]+" + suffix);

    /// <summary>The signed headers every request carries: Accengage-Time and Accengage-Signature.</summary>
    private static RequestBuilder Signed(this RequestBuilder request)
        => request.WithHeader("Accengage-Time", Time).WithHeader("Accengage-Signature", Signature);

    /// <summary>
    /// A request to a protected route as the client sends it: signed, with the bearer token of
    /// <see cref="TokenGranted"/>.
    /// </summary>
    public static RequestBuilder AuthorizedRequest(this PactBuilder builder, string description, string providerState, HttpMethod method, Matcher route)
        => builder.UponReceiving(description).Given(providerState).WithRequest(method, route).Authorized();

    /// <inheritdoc cref="AuthorizedRequest(PactBuilder, string, string, HttpMethod, Matcher)"/>
    public static RequestBuilder AuthorizedRequest(this PactBuilder builder, string description, string providerState, HttpMethod method, string path)
        => builder.UponReceiving(description).Given(providerState).WithRequest(method, path).Authorized();

    private static RequestBuilder Authorized(this RequestBuilder request) => request.Signed().WithHeader("Authorization", Bearer);

    /// <summary>A request that expects JSON back.</summary>
    public static RequestBuilder AcceptingJson(this RequestBuilder request) => request.WithHeader("Accept", "application/json");

    /// <summary>POST /v1/access_token for the user: a Bearer token.</summary>
    public static void TokenGranted(PactBuilder builder)
        => TokenRequest(builder, "a request for an access token", UserHasAKey)
            .WithStatus(200)
            .WithJsonBody(new { token_type = "Bearer", access_token = Match.Regex(ExampleToken, @"^\S+$") });

    /// <summary>The token request as the client sends it: signed, without a token, the user's e-mail as JSON.</summary>
    public static ResponseBuilder TokenRequest(PactBuilder builder, string description, string providerState)
        => builder.UponReceiving(description)
            .Given(providerState)
            .WithRequest(HttpMethod.Post, TokenPath)
            .Signed()
            .AcceptingJson()
            .WithJsonBody(new { email = Match.Regex(UserEmail, Email) })
            .WillRespond();

    /// <summary>Accengage's error body with one error: the label exactly, the message by type.</summary>
    public static object Error(string label, string message)
        => new { errors = new[] { new { label, message = Match.Type(message) } } };

    /// <summary>The answer of a creation: the technical ID of the new resource.</summary>
    public static object Created(long id) => new { id = Match.Integer(id) };
}
