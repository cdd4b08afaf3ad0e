using Contracts.Core;

namespace Contracts.Engage.Tests;

/// <summary>
/// A status the contract does not declare for the operation still carries ENGAGE's body: its errorCode, message and
/// requestId reach the typed exception, so a caller can quote them to ENGAGE's support.
/// </summary>
public sealed class UndeclaredStatusTests
{
    private const string ErrorBody = """{"message":"Program is suspended","errorCode":"E-4031","requestId":"req-7f3a"}""";

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(500)]
    public async Task A_push_answered_with_an_undeclared_status_carries_engages_error_code_message_and_request_id(int status)
    {
        await using var engage = await FakeEngage.StartAsync();
        engage.PushAnswer = (_, _) => (status, ErrorBody);
        using var client = new EngageClient(engage.Options(o => o.MaxRetries = 0));

        var error = await Assert.ThrowsAsync<EngageException>(() => client.PushAsync(Samples.GuidePush(), Samples.GuideDestinations()));

        Assert.Equal((status, "E-4031", "Program is suspended", "req-7f3a"), (error.StatusCode, error.ErrorCode, error.VendorMessage, error.RequestId));
        Assert.Contains("req-7f3a", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    public async Task A_token_refused_with_an_undeclared_status_carries_engages_error_code_and_request_id(int status)
    {
        await using var engage = await FakeEngage.StartAsync();
        engage.TokenAnswer = _ => (status, """{"message":"Invalid client credentials","errorCode":1002,"requestId":"req-tok-1"}""");
        using var client = new EngageClient(engage.Options(o => o.MaxRetries = 0));

        var error = await Assert.ThrowsAsync<AccessTokenException>(() => client.PushAsync(Samples.GuidePush(), Samples.GuideDestinations()));

        Assert.Equal((status, "1002", "Invalid client credentials", "req-tok-1"), (error.StatusCode, error.ErrorCode, error.VendorMessage, error.RequestId));
        Assert.Empty(engage.PushRequests);
    }

    [Theory]
    [InlineData("<html><body>Forbidden</body></html>")]
    [InlineData("{\"unexpected\":true}")]
    [InlineData("{\"errorCode\":")]
    [InlineData("")]
    public async Task A_body_that_is_not_engages_leaves_the_fields_empty_and_keeps_the_status(string body)
    {
        await using var engage = await FakeEngage.StartAsync();
        engage.PushAnswer = (_, _) => (403, body);
        using var client = new EngageClient(engage.Options(o => o.MaxRetries = 0));

        var error = await Assert.ThrowsAsync<EngageException>(() => client.PushAsync(Samples.GuidePush(), Samples.GuideDestinations()));

        Assert.Equal((403, null, null, null), (error.StatusCode, error.ErrorCode, error.VendorMessage, error.RequestId));
    }
}
