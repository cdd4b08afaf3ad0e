using System.Text;
using Contracts.Testing;
using Microsoft.AspNetCore.Http;

namespace Contracts.Ogangi.Tests;

/// <summary>
/// A scriptable Ogangi on a loopback port, under /mmc/rest/api/ like a customer's Campaign Manager. It takes every
/// call apart as a Java server would (split the raw path on '/', percent-decode each segment), checks the signature
/// with <see cref="IndependentSignature"/> and answers BAD_SIGNATURE when it does not match; otherwise it answers the
/// sample the Messangi RESTful API documentation prints for the method, or whatever a test scripts.
/// </summary>
internal sealed class FakeOgangi : IAsyncDisposable
{
    public const string BasePath = "/mmc/rest/api/";
    public const long InstanceId = 8;
    public const string PublicKey = "examplePublicKey";

    /// <summary>The private key of the contract's worked examples.</summary>
    public const string PrivateKey = "privateKey";

    private static readonly Dictionary<string, string> DefaultAnswers = new(StringComparer.Ordinal)
    {
        ["tools/sendSMS"] = DocumentSamples.SendSms,
        ["sendMT"] = DocumentSamples.SendMt,
        ["tools/sendSMSPinMobileNumberConfirm"] = DocumentSamples.SendPin,
        ["fireMessage"] = DocumentSamples.FireMessage,
        ["tools/getMOMessages"] = DocumentSamples.MoMessages,
    };

    private FakeOgangi()
    {
    }

    public LoopbackServer Server { get; private set; } = null!;

    /// <summary>The Campaign Manager's REST API base, as a customer configures it.</summary>
    public Uri BaseUrl => new(Server.BaseUrl, BasePath.TrimStart('/'));

    /// <summary>Answers a call: HTTP status, content type and body. Null: the default behaviour.</summary>
    public Func<OgangiCall, (int Status, string ContentType, string Body)>? Answer { get; set; }

    /// <summary>Every call received, taken apart.</summary>
    public IReadOnlyList<OgangiCall> Calls => Server.Requests.Select(OgangiCall.Parse).ToArray();

    public static async Task<FakeOgangi> StartAsync()
    {
        var fake = new FakeOgangi();
        fake.Server = await LoopbackServer.StartAsync(fake.HandleAsync);
        return fake;
    }

    public OgangiClientOptions Options(Action<OgangiClientOptions>? configure = null)
    {
        var options = new OgangiClientOptions
        {
            BaseUrl = BaseUrl,
            InstanceId = InstanceId,
            PublicKey = PublicKey,
            PrivateKey = PrivateKey,
            RetryDelay = TimeSpan.Zero,
        };
        configure?.Invoke(options);
        return options;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task HandleAsync(RecordedRequest request, HttpContext context)
    {
        var call = OgangiCall.Parse(request);
        var (status, contentType, body) = Answer?.Invoke(call) ?? DefaultAnswer(call);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body));
    }

    private static (int, string, string) DefaultAnswer(OgangiCall call)
    {
        if (call.Method is null || !DefaultAnswers.TryGetValue(call.Method, out var sample))
            return (404, "text/html", "<html><body><h1>404 Not Found</h1></body></html>");
        if (call.PublicKey != PublicKey || !call.SignatureIsValid(PrivateKey))
            return (200, "application/xml", DocumentSamples.Refusal(call.Method, "BAD_SIGNATURE", DocumentSamples.BadSignatureDescription));
        if (call.Method == "fireMessage" && call.Request.Method == "POST")
            sample = DocumentSamples.FireMessagePost;
        return (200, "application/xml", sample);
    }
}

/// <summary>One Ogangi call as the server sees it.</summary>
internal sealed class OgangiCall
{
    private OgangiCall(RecordedRequest request, string? method, IReadOnlyList<string> rawParameters, string publicKey, string signature)
    {
        Request = request;
        Method = method;
        RawParameters = rawParameters;
        Parameters = rawParameters.Select(Uri.UnescapeDataString).ToArray();
        PublicKey = publicKey;
        Signature = signature;
    }

    public RecordedRequest Request { get; }

    /// <summary>The method path (tools/sendSMS, sendMT, ...), or null when the path is not under the base.</summary>
    public string? Method { get; }

    /// <summary>The parameter segments exactly as they arrived (percent-encoded).</summary>
    public IReadOnlyList<string> RawParameters { get; }

    /// <summary>The parameter segments decoded, as a Java server's path parameters.</summary>
    public IReadOnlyList<string> Parameters { get; }

    public string SignedText => string.Join('/', Parameters);

    public string PublicKey { get; }

    public string Signature { get; }

    public bool SignatureIsValid(string privateKey)
        => string.Equals(Signature, IndependentSignature.Of(privateKey, SignedText), StringComparison.Ordinal);

    public static OgangiCall Parse(RecordedRequest request)
    {
        if (!request.Path.StartsWith(FakeOgangi.BasePath, StringComparison.Ordinal))
            return new OgangiCall(request, null, [], "", "");
        var segments = request.Path[FakeOgangi.BasePath.Length..].Split('/');
        var methodLength = segments[0] == "tools" ? 2 : 1;
        if (segments.Length < methodLength + 2)
            return new OgangiCall(request, null, [], "", "");
        return new OgangiCall(
            request,
            string.Join('/', segments[..methodLength]),
            segments[methodLength..^2],
            Uri.UnescapeDataString(segments[^2]),
            Uri.UnescapeDataString(segments[^1]));
    }

    public override string ToString() => Request.ToString();
}
