using System.Xml.Linq;
using Contracts.Pacts;
using Contracts.Pacts.Matchers;
using Xunit.Abstractions;

namespace Contracts.Ogangi.Tests.ConsumerContracts;

/// <summary>
/// The pair Contracts.Ogangi -> Ogangi (contracts/pacts/Contracts.Ogangi-Ogangi.json): names, the workspace the
/// calls are made in, the client aimed at the mock server, and the shapes of Ogangi's XML answers.
/// </summary>
/// <remarks>
/// Paths are relative to the API base (the contract's servers end in <c>/rest/api</c>), so the mock server's root
/// stands for a Campaign Manager's <c>.../rest/api/</c>.
/// </remarks>
internal static class OgangiContract
{
    public const string Consumer = "Contracts.Ogangi";
    public const string Provider = "Ogangi";

    /// <summary>The keys of the contract's worked examples: a public test workspace, not a secret.</summary>
    public const long InstanceId = FakeOgangi.InstanceId;
    public const string PublicKey = FakeOgangi.PublicKey;
    public const string PrivateKey = FakeOgangi.PrivateKey;

    /// <summary>
    /// The provider state every call needs: the workspace and the keys its calls are signed with, given as
    /// parameters so that a provider can set them up and check the signatures in the Pact file.
    /// </summary>
    public const string WorkspaceExists = "workspace 8 exists with public key examplePublicKey and private key privateKey";

    public static readonly IReadOnlyDictionary<string, object?> WorkspaceKeys = new Dictionary<string, object?>
    {
        ["instanceId"] = InstanceId,
        ["publicKey"] = PublicKey,
        ["privateKey"] = PrivateKey,
    };

    public const string XmlContentType = "application/xml";

    /// <summary>The root of every answer, <c>&lt;response&gt;</c> (Ogangi's XML has no namespace).</summary>
    public static readonly XmlPath Response = XmlPath.Root("response");

    /// <summary>The dynamic part of an answer, <c>&lt;response&gt;&lt;result&gt;</c>.</summary>
    public static readonly XmlPath Result = Response.Element("result");

    /// <summary>Message ids are signed 64-bit numbers in the Send SMS sample of the Messangi RESTful API documentation (-8174720676710228700).</summary>
    public const string MessageIdPattern = "^-?[0-9]+$";

    /// <summary>A count: a decimal without sign.</summary>
    public const string CountPattern = "^[0-9]+$";

    /// <summary>The documented date format <c>yyyy-MM-dd'T'HH:mm:ss.SSSZZ</c>, whose offset the documentation's samples write with a colon (-04:30).</summary>
    public const string MessageDatePattern = @"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}[+-][0-9]{2}:?[0-9]{2}$";

    /// <summary>An MO's send date: documented like a message date, sampled as <c>2014-10-13 10:30:51.922</c> (space, no offset).</summary>
    public const string MoSendDatePattern = @"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,3})?(?:Z|[+-][0-9]{2}:?[0-9]{2})?$";

    public static PactBuilder NewBuilder(ITestOutputHelper output)
        => Pact.V4(Consumer, Provider, new PactConfig { Output = output.WriteLine }).WithHttpInteractions();

    /// <summary>
    /// Runs <paramref name="call"/> with the real client (its pipeline, signer and XML reader) against the mock server,
    /// then checks that the client sent exactly the example path of the contract: the contract's example is a real
    /// call, not a sample written by hand.
    /// </summary>
    public static async Task VerifyAsync(PactBuilder builder, SignedPathMatcher path, Func<OgangiClient, Task> call, string privateKey = PrivateKey)
    {
        using var transport = new SentPaths();
        await builder.VerifyAsync(async ctx =>
        {
            using var client = new OgangiClient(
                new OgangiClientOptions
                {
                    BaseUrl = ctx.MockServerUri,
                    InstanceId = InstanceId,
                    PublicKey = PublicKey,
                    PrivateKey = privateKey,
                    RetryDelay = TimeSpan.Zero,
                },
                transport);
            await call(client);
        });

        Assert.Equal([path.Example], transport.Paths);
    }

    /// <summary>A GET of an Ogangi method in the test workspace, asking for XML.</summary>
    public static RequestBuilder Get(PactBuilder builder, string description, SignedPathMatcher path)
        => builder.UponReceiving(description)
            .Given(WorkspaceExists, WorkspaceKeys)
            .WithRequest(HttpMethod.Get, path.Matcher)
            .WithHeader("Accept", XmlContentType);

    /// <summary>Ogangi's answer: HTTP 200 and the XML envelope, whose status says whether the call was executed.</summary>
    public static ResponseBuilder AnswersXml(RequestBuilder request, string xml)
        => request.WillRespond()
            .WithStatus(200)
            .WithBody(xml, XmlContentType);

    /// <summary>Text rules for the children of <paramref name="parent"/>: any text, or a regex where one is given.</summary>
    public static ResponseBuilder WithTextRules(this ResponseBuilder response, XmlPath parent, params (XName Element, string? Regex)[] children)
    {
        foreach (var (element, regex) in children)
            response.WithBodyMatchingRule(parent.Element(element).Text(), regex is null ? MatchingRule.Type() : MatchingRule.Regex(regex));
        return response;
    }
}
