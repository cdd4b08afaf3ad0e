using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Contracts.Engage.Tests;

/// <summary>
/// An error answer quoting the pushed destinations (their bNumbers, the personalization shown to them) shows them as
/// *** in every failure text: the exception's message, vendor message, typed result and ToString, a batch's failure
/// reasons, and the logs. The aNumbers, a business's own calling numbers, stay shown.
/// </summary>
public sealed class PersonalValueTests : IAsyncLifetime
{
    private const string EchoingError = """{"message":"bNumber +15018902005 (14258309029) refused 'Put Custom Text Here' from +5014008029","errorCode":"E-4001","requestId":"req-9"}""";

    private FakeEngage _engage = null!;
    private readonly FakeLogCollector _logs = new();

    public async Task InitializeAsync() => _engage = await FakeEngage.StartAsync();

    public async Task DisposeAsync() => await _engage.DisposeAsync();

    [Theory]
    [InlineData(400)]
    [InlineData(500)]
    public async Task A_failure_quoting_the_destinations_shows_them_masked_and_the_anumber_as_it_is(int status)
    {
        _engage.PushAnswer = (_, _) => (status, EchoingError);
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
        using var client = new EngageClient(_engage.Options(o => o.MaxRetries = 0), transport: null, loggerFactory);

        var error = await Assert.ThrowsAnyAsync<EngageException>(() => client.PushAsync(Samples.GuidePush(), Samples.GuideDestinations()));

        Assert.Equal("bNumber *** (***) refused '***' from +5014008029", error.VendorMessage);
        AssertShowsNoDestination(error.Message, error.ToString());
    }

    [Fact]
    public async Task A_refusal_in_an_http_200_quoting_a_destination_shows_it_masked_in_the_typed_result_too()
    {
        _engage.PushAnswer = (_, _) => (200, """{"response":"Blocked: +15018902005","message":"Device +15018902005 opted out","errorCode":"200","requestId":"req-10"}""");
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
        using var client = new EngageClient(_engage.Options(), transport: null, loggerFactory);

        var error = await Assert.ThrowsAsync<EngageException<BatchPushResponse>>(() => client.PushAsync(Samples.GuidePush(), Samples.GuideDestinations()));

        Assert.Equal("Blocked: ***", error.Result.Response);
        Assert.Equal("req-10", error.RequestId);
        AssertShowsNoDestination(error.Message, error.ToString(), error.VendorMessage, error.Result.Message);
    }

    [Fact]
    public async Task A_batch_chunks_failure_reason_shows_no_destination()
    {
        _engage.PushAnswer = (_, _) => (500, """{"message":"Cannot push to +15550000003","errorCode":"E-5","requestId":"req-11"}""");
        using var client = new EngageClient(_engage.Options(o => { o.BatchSize = 10; o.MaxConcurrency = 1; o.MaxRetries = 0; }));

        var report = await client.PushAllAsync(Samples.GuidePush(), Samples.Numbered(10));

        var failure = Assert.Single(report.Unknown.Concat(report.Rejected).Select(f => f.Failure).Distinct());
        Assert.Contains("Cannot push to ***", failure.Reason, StringComparison.Ordinal);
    }

    private void AssertShowsNoDestination(params string?[] texts)
    {
        var all = texts.Concat(_logs.GetSnapshot().Select(r => r.Message)).ToList();
        foreach (var value in new[] { "15018902005", "14258309029", "Put Custom Text Here" })
            Assert.DoesNotContain(all, text => text?.Contains(value, StringComparison.Ordinal) == true);
    }
}
