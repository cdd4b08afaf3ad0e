using System.Net;
using Contracts.Core.Http;

namespace Contracts.Core.Tests;

/// <summary>
/// A long Timeout is a bound the handler can hold: <see cref="VendorClientOptions"/> takes any positive one, and a
/// call must not fail because of its size. No traffic leaves the process: the transport is an in-memory handler.
/// </summary>
public sealed class CallDeadlineHandlerTests
{
    [Theory]
    [InlineData(60)] // past the 49.7 days a CancellationTokenSource timer takes
    [InlineData(110_000)] // past what a timestamp deadline can hold (about 292 years of nanoseconds)
    public async Task A_timeout_of_many_days_lets_the_call_through(int days)
    {
        using var handler = new CallDeadlineHandler("Fake", TimeSpan.FromDays(days)) { InnerHandler = new Answering() };
        using var invoker = new HttpMessageInvoker(handler);

        using var answer = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:9/"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task A_long_timeout_inside_a_call_keeps_the_call_deadline()
    {
        // The call's deadline has passed: the request is bounded by it, whatever its own Timeout.
        using var handler = new CallDeadlineHandler("Fake", TimeSpan.FromDays(60)) { InnerHandler = new Answering() };
        using var invoker = new HttpMessageInvoker(handler);
        using var call = CallDeadline.Begin(TimeSpan.FromTicks(1));
        await Task.Delay(1);

        await Assert.ThrowsAsync<VendorTimeoutException>(() => invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:9/"), CancellationToken.None));
    }

    private sealed class Answering : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
