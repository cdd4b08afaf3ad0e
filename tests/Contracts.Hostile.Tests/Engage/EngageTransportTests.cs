using System.Diagnostics;
using Contracts.Core;
using Contracts.Engage;
using Contracts.Hostile.Tests.Infrastructure;

namespace Contracts.Hostile.Tests.Engage;

/// <summary>ENGAGE against answers that stall, trickle, never end, reset, throttle or echo secrets.</summary>
public sealed class EngageTransportTests : EngageHost
{
    public static TheoryData<string> StallKinds => StallingAnswers.Kinds;

    private static Func<HostileRequest, HostileExchange, Task> Stall(string kind) => StallingAnswers.For(kind);

    [Theory]
    [MemberData(nameof(StallKinds))]
    public async Task A_push_answer_that_never_completes_times_out_with_delivery_unknown(string kind)
    {
        PushScript = Stall(kind);
        using var client = Client();
        var clock = Stopwatch.StartNew();

        var failure = await Guarantees.FailsWithin(() => client.PushAsync(Push(), OneDestination()));

        // An endless body on loopback can outrun the deadline: the size limit then ends it, as typed and as unknown.
        var error = kind == "endless" && failure is ResponseTooLargeException
            ? (VendorTransportException)failure
            : Assert.IsType<VendorTimeoutException>(failure);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.Equal(DeliveryState.Unknown, error.Delivery);
        Assert.Single(PushRequests);
        Guarantees.NoSecretIn(error, ClientSecret, Token);
    }

    [Theory]
    [MemberData(nameof(StallKinds))]
    public async Task A_health_answer_that_never_completes_times_out(string kind)
    {
        HealthScript = Stall(kind);
        using var client = Client();

        var failure = await Guarantees.FailsWithin(() => client.CheckTokenHealthAsync());

        if (kind == "endless" && failure is ResponseTooLargeException)
            return;
        Assert.Equal(TimeSpan.FromSeconds(2), Assert.IsType<VendorTimeoutException>(failure).Timeout);
    }

    [Fact]
    public async Task A_reset_before_the_push_is_read_is_a_transport_error_and_the_push_is_not_recorded()
    {
        // The token answer closes its connection, so the push needs a new one, which the server resets unread.
        TokenScript = (_, exchange) => exchange.RespondAsync(200, TokenAnswer(), headers: [("Connection", "close")]);
        PushScript = (_, exchange) => exchange.RespondAsync(200, PushSuccess);
        using var client = Client();
        var connectionsBefore = 0;
        TokenScript = (_, exchange) =>
        {
            connectionsBefore = Server.ConnectionsAccepted;
            Server.ResetOnAccept = 100;
            return exchange.RespondAsync(200, TokenAnswer(), headers: [("Connection", "close")]);
        };

        var error = await Guarantees.FailsWithin(() => client.PushAsync(Push(), OneDestination()));

        var transport = Assert.IsType<VendorTransportException>(error);
        Assert.NotEqual(DeliveryState.Refused, transport.Delivery);
        Assert.Empty(PushRequests);
        Assert.True(Server.ConnectionsAccepted > connectionsBefore);
        Guarantees.NoSecretIn(error, ClientSecret, Token);
    }

    [Fact]
    public async Task A_reset_on_every_connection_fails_the_token_typed_and_sends_no_push()
    {
        Server.ResetOnAccept = 100;
        using var client = Client();

        var error = await Guarantees.FailsWithin(() => client.PushAsync(Push(), OneDestination()));

        Assert.IsAssignableFrom<VendorApiException>(error);
        Assert.True(error is AccessTokenException or VendorTransportException, error.ToString());
        Assert.Equal(DeliveryState.NotSent, ((VendorApiException)error).Delivery);
        Assert.Empty(Server.Requests);
        Guarantees.NoSecretIn(error, ClientSecret);
    }

    [Fact]
    public async Task A_reset_after_the_push_was_read_is_unknown_delivery_and_never_resent()
    {
        PushScript = (_, exchange) =>
        {
            exchange.Reset();
            return Task.CompletedTask;
        };
        using var client = Client();

        var error = await Guarantees.FailsWithin(() => client.PushAsync(Push(), OneDestination()));

        var transport = Assert.IsType<VendorTransportException>(error);
        Assert.Equal(DeliveryState.Unknown, transport.Delivery);
        await Task.Delay(200);
        Assert.Single(PushRequests);
        Guarantees.NoSecretIn(error, ClientSecret, Token);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("1")]
    public async Task A_429_on_a_push_is_retried_with_the_same_body(string? retryAfter)
    {
        PushScript = (request, exchange) => PushRequests.Count == 1
            ? exchange.RespondAsync(429, """{"message":"slow down"}""", headers: retryAfter is null ? null : [("Retry-After", retryAfter)])
            : exchange.RespondAsync(200, PushSuccess);
        using var client = Client(o => o.Timeout = TimeSpan.FromSeconds(25));

        var answer = await client.PushAsync(Push(), OneDestination()).WaitAsync(Guarantees.Patience);

        Assert.True(answer.IsSuccess);
        var pushes = PushRequests;
        Assert.Equal(2, pushes.Count);
        Assert.Equal(pushes[0].BodyText, pushes[1].BodyText);
    }

    [Theory]
    [InlineData(503, null)]
    [InlineData(503, "0")]
    [InlineData(504, null)]
    [InlineData(504, "0")]
    public async Task A_503_or_504_on_a_push_is_not_retried_and_delivery_is_unknown(int status, string? retryAfter)
    {
        PushScript = (_, exchange) => exchange.RespondAsync(status, """{"message":"busy"}""", headers: retryAfter is null ? null : [("Retry-After", retryAfter)]);
        using var client = Client();

        var error = await Guarantees.FailsWithin(() => client.PushAsync(Push(), OneDestination()));

        var vendor = Assert.IsAssignableFrom<VendorApiException>(error);
        Assert.Equal(status, vendor.StatusCode);
        Assert.Equal(DeliveryState.Unknown, vendor.Delivery);
        await Task.Delay(200);
        Assert.Single(PushRequests);
    }

    [Theory]
    [InlineData(503, null)]
    [InlineData(503, "0")]
    [InlineData(504, null)]
    public async Task A_503_or_504_on_the_idempotent_health_check_is_retried(int status, string? retryAfter)
    {
        HealthScript = (_, exchange) => HealthRequests.Count == 1
            ? exchange.RespondAsync(status, """{"message":"busy"}""", headers: retryAfter is null ? null : [("Retry-After", retryAfter)])
            : exchange.RespondAsync(200, Healthy);
        using var client = Client();

        var health = await client.CheckTokenHealthAsync().WaitAsync(Guarantees.Patience);

        Assert.Equal("Healthy", health.Message);
        Assert.Equal(2, HealthRequests.Count);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task A_retry_after_longer_than_the_time_left_fails_at_once(int status)
    {
        PushScript = (_, exchange) => exchange.RespondAsync(status, "{}", headers: [("Retry-After", "120")]);
        HealthScript = PushScript;
        using var client = Client(o => o.Timeout = TimeSpan.FromSeconds(25));
        var clock = Stopwatch.StartNew();

        var error = await Guarantees.ThrowsWithin<RetryAfterTooLongException>(() => status == 429 ? client.PushAsync(Push(), OneDestination()) : client.CheckTokenHealthAsync());

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed} of a 25 s timeout");
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.Equal(1, Server.Count(r => r.Path != TokenPath));
    }

    [Fact]
    public async Task A_token_endpoint_that_stalls_once_fails_the_call_unsent_and_the_next_call_succeeds()
    {
        TokenScript = (_, exchange) => TokenRequests.Count == 1 ? exchange.NeverAnswerAsync() : exchange.RespondAsync(200, TokenAnswer());
        using var client = Client();

        var error = await Guarantees.FailsWithin(() => client.PushAsync(Push(), OneDestination()));

        Assert.True(error is AccessTokenException or VendorTimeoutException, error.ToString());
        Assert.Equal(DeliveryState.NotSent, ((VendorApiException)error).Delivery);
        Assert.Empty(PushRequests);
        Guarantees.NoSecretIn(error, ClientSecret);

        var answer = await client.PushAsync(Push(), OneDestination()).WaitAsync(Guarantees.Patience);

        Assert.True(answer.IsSuccess);
        Assert.Equal(2, TokenRequests.Count);
        Assert.Single(PushRequests);
    }

    [Fact]
    public async Task A_batch_over_a_token_endpoint_that_stalls_once_reports_unsent_items_not_attempted_never_rejected()
    {
        TokenScript = (_, exchange) => TokenRequests.Count == 1 ? exchange.NeverAnswerAsync() : exchange.RespondAsync(200, TokenAnswer());
        using var client = Client(o =>
        {
            o.BatchSize = 2;
            o.MaxConcurrency = 1;
        });
        var destinations = Numbered(6).ToList();

        var report = await client.PushAllAsync(Push(), destinations, keepAcceptedDestinations: true).WaitAsync(Guarantees.Patience);

        Assert.Equal(0, report.RejectedCount);
        Assert.Equal(6, report.TotalCount);
        var sent = PushRequests.SelectMany(r => destinations.Where(d => r.BodyText.Contains(d.BNumber, StringComparison.Ordinal))).ToHashSet();
        var notAttempted = report.NotAttempted.Select(f => f.Item).ToHashSet();
        Assert.All(destinations.Where(d => !sent.Contains(d)), d => Assert.Contains(d, notAttempted));
        Assert.True(report.NotAttemptedCount > 0, report.ToString());
        Assert.Equal(sent.Count, report.AcceptedCount);
    }

    [Fact]
    public async Task An_error_that_echoes_the_push_request_leaks_neither_the_token_nor_the_secret()
    {
        PushScript = (request, exchange) => exchange.RespondAsync(
            400,
            System.Text.Json.JsonSerializer.Serialize(new { message = Guarantees.Echo(request), errorCode = request.Header("Authorization"), requestId = request.Header("Authorization") }),
            headers: [("X-Echo-Authorization", request.Header("Authorization") ?? ""), ("WWW-Authenticate", "Bearer error=\"" + request.Header("Authorization") + "\"")]);
        using var client = Client();

        var error = await Guarantees.FailsWithin(() => client.PushAsync(Push(), OneDestination()));

        var engage = Assert.IsAssignableFrom<EngageException>(error);
        Assert.True((engage.Response + engage.VendorMessage).Contains("Bearer ***", StringComparison.Ordinal), $"Response: [{engage.Response}] VendorMessage: [{engage.VendorMessage}] Exception: {error}");
        Guarantees.NoSecretIn(error, ClientSecret, Token);
    }

    [Fact]
    public async Task An_error_that_echoes_the_token_request_leaks_neither_the_secret_nor_the_client_secret_in_headers()
    {
        TokenScript = (request, exchange) => exchange.RespondAsync(
            401,
            System.Text.Json.JsonSerializer.Serialize(new { message = Guarantees.Echo(request), errorCode = "E1", requestId = request.BodyText }),
            headers: [("X-Echo-Body", request.BodyText.Replace("\n", " ", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal))]);
        using var client = Client();

        var error = await Guarantees.FailsWithin(() => client.PushAsync(Push(), OneDestination()));

        Assert.Contains(ClientSecret, Assert.Single(TokenRequests).BodyText, StringComparison.Ordinal);
        Guarantees.NoSecretIn(error, ClientSecret);
    }

    public static TheoryData<string> FailureShapes => [
        """{"response":"failure","message":"Rejected","errorCode":null}""",
        "{}",
        """{"response":"success","message":"x","errorCode":"E42","requestId":"r"}""",
    ];

    [Theory]
    [MemberData(nameof(FailureShapes))]
    public async Task A_200_that_is_not_success_throws_from_PushAsync(string body)
    {
        PushScript = (_, exchange) => exchange.RespondAsync(200, body);
        using var client = Client();

        var error = await Guarantees.FailsWithin(() => client.PushAsync(Push(), OneDestination()));

        Assert.IsAssignableFrom<EngageException>(error);
        Assert.Single(PushRequests);
    }

    [Theory]
    [MemberData(nameof(FailureShapes))]
    public async Task A_200_that_is_not_success_is_rejected_in_PushAllAsync_never_accepted(string body)
    {
        PushScript = (_, exchange) => exchange.RespondAsync(200, body);
        using var client = Client(o => o.BatchSize = 2);

        var report = await client.PushAllAsync(Push(), Numbered(4).ToList()).WaitAsync(Guarantees.Patience);

        Assert.Equal(0, report.AcceptedCount);
        Assert.Equal(4, report.RejectedCount);
    }
}
