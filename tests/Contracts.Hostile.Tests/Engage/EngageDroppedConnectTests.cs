using System.Net.Sockets;
using Contracts.Core;
using Contracts.Engage;

namespace Contracts.Hostile.Tests.Engage;

/// <summary>
/// A connection reset while it is being set up: SocketsHttpHandler may report it as its own unwrapped
/// <see cref="SocketException"/> (NotConnected, from reading the new connection's remote address) instead of an
/// <see cref="HttpRequestException"/>. Nothing was written, so it is the same as a refused connect.
/// </summary>
public sealed class EngageDroppedConnectTests : EngageHost
{
    [Fact]
    public async Task A_push_whose_connect_is_dropped_with_an_unwrapped_socket_exception_is_sent_again_once()
    {
        using var transport = new DropFirstPushConnect();
        using var client = new EngageClient(Options(), transport);

        var answer = await client.PushAsync(Push(), OneDestination()).WaitAsync(Guarantees.Patience);

        Assert.True(answer.IsSuccess);
        Assert.Equal(1, transport.Dropped);
        var push = Assert.Single(PushRequests);
        Assert.Equal("1", push.Header("Retry-Attempt"));
    }

    [Fact]
    public async Task A_push_whose_connect_is_dropped_with_no_retry_left_is_a_transport_error_not_sent()
    {
        using var transport = new DropFirstPushConnect();
        using var client = new EngageClient(Options(o => o.MaxRetries = 0), transport);

        var error = await Guarantees.FailsWithin(() => client.PushAsync(Push(), OneDestination()));

        var failure = Assert.IsType<VendorTransportException>(error);
        Assert.Equal(DeliveryState.NotSent, failure.Delivery);
        Assert.IsType<SocketException>(failure.InnerException);
        Assert.Empty(PushRequests);
        Guarantees.NoSecretIn(error, ClientSecret, Token);
    }

    [Fact]
    public async Task A_push_whose_answer_is_lost_to_an_unwrapped_socket_reset_is_unknown_and_never_sent_again()
    {
        using var transport = new ResetFirstPushAnswer();
        using var client = new EngageClient(Options(), transport);

        var error = await Guarantees.FailsWithin(() => client.PushAsync(Push(), OneDestination()));

        var failure = Assert.IsType<VendorTransportException>(error);
        Assert.Equal(DeliveryState.Unknown, failure.Delivery);
        Assert.Contains("the vendor may have received the request", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("could not connect", failure.Message, StringComparison.Ordinal);
        Assert.Single(PushRequests); // the vendor has it: a second push would be a second message
    }

    /// <summary>
    /// Sockets to the hostile server, except that the first push's answer is lost as a transport may report a reset
    /// after the request went out: an unwrapped <see cref="SocketException"/> (ConnectionReset).
    /// </summary>
    /// <remarks>
    /// Both transports here have no propagator, as a transport of one's own should have none: .NET's default one would make
    /// an HttpClient span of each request, seen by tests that listen to every source.
    /// </remarks>
    private sealed class ResetFirstPushAnswer() : DelegatingHandler(new SocketsHttpHandler { ActivityHeadersPropagator = null })
    {
        private int _reset;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.RequestUri!.AbsolutePath != PushPath || Interlocked.CompareExchange(ref _reset, 1, 0) != 0)
                return response;
            response.Dispose();
            throw new SocketException((int)SocketError.ConnectionReset);
        }
    }

    /// <summary>
    /// Sockets to the hostile server, except that the first push fails as .NET reports a connection reset while
    /// connecting (which a real reset produces only by a race, so it is thrown here where the connect would be).
    /// </summary>
    private sealed class DropFirstPushConnect() : DelegatingHandler(new SocketsHttpHandler { ActivityHeadersPropagator = null })
    {
        private int _dropped;

        public int Dropped => Volatile.Read(ref _dropped);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath == PushPath && Interlocked.CompareExchange(ref _dropped, 1, 0) == 0)
                throw new SocketException((int)SocketError.NotConnected);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
