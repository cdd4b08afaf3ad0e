using System.Collections.Concurrent;
using Contracts.Core.Http;
using Contracts.Pacts;

namespace Contracts.Onc.Tests.ConsumerContracts;

/// <summary>
/// The real <see cref="OncClient"/> aimed at the Pact mock server, over the SDK's own HTTP pipeline with one handler
/// added that records the SOAP operation of every request. The mock server checks what each request holds; the
/// record shows how many were sent and in which order (one session open, a session check, a retry), which a
/// mock server does not report.
/// </summary>
internal sealed class ContractClient : IAsyncDisposable
{
    private readonly OperationRecorder _recorder = new();
    private readonly HttpMessageHandler _pipeline;

    public ContractClient(ConsumerContext ctx)
    {
        var options = new OncClientOptions
        {
            BaseUrl = new Uri(ctx.MockServerUri, OncPact.ServicePath.TrimStart('/')),
            AccountId = OncExamples.AccountId,
            UserName = OncExamples.UserName,
            Password = OncExamples.Password,
            RetryDelay = TimeSpan.Zero,
        };
        // The recorder is the transport under the SDK's pipeline: it sees each request as the pipeline sends it.
        _recorder.InnerHandler = VendorHttpPipeline.CreateTransport();
        _pipeline = _recorder;
        Onc = new OncClient(options, _pipeline);
    }

    public OncClient Onc { get; }

    /// <summary>
    /// Verifies <paramref name="builder"/>'s interactions: runs <paramref name="use"/> on a client aimed at the mock
    /// server, disposes the client (which closes its session), and returns the operations the client sent.
    /// </summary>
    public static async Task<IReadOnlyList<string>> VerifyAsync(PactBuilder builder, Func<OncClient, Task> use)
    {
        IReadOnlyList<string> sent = [];
        await builder.VerifyAsync(async ctx =>
        {
            var client = new ContractClient(ctx);
            await using (client)
                await use(client.Onc);
            sent = client.Sent;
        });
        return sent;
    }

    /// <summary>The operation of every request sent so far (the last segment of its SOAPAction), in order.</summary>
    public IReadOnlyList<string> Sent => _recorder.Operations;

    /// <summary>Disposes the client, which closes its session (CloseAPISession), then the pipeline the client does not own.</summary>
    public async ValueTask DisposeAsync()
    {
        await Onc.DisposeAsync();
        _pipeline.Dispose();
    }

    private sealed class OperationRecorder : DelegatingHandler
    {
        private readonly ConcurrentQueue<string> _operations = new();

        public IReadOnlyList<string> Operations => _operations.ToArray();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var action = request.Headers.TryGetValues("SOAPAction", out var values) ? values.Single() : "(no SOAPAction)";
            _operations.Enqueue(action.Trim('"').Split('/')[^1]);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
