namespace Contracts.Engage.Tests;

/// <summary>Every response body the ENGAGE Federated Batch Push guide prints is read by the generated client, whatever type its errorCode has.</summary>
public sealed class DocumentSampleTests : IAsyncLifetime
{
    private FakeEngage _engage = null!;

    public async Task InitializeAsync() => _engage = await FakeEngage.StartAsync();

    public async Task DisposeAsync() => await _engage.DisposeAsync();

    [Fact]
    public async Task Token_success_sample_reads_with_a_numeric_errorCode()
    {
        _engage.TokenAnswer = _ => (200, DocumentSamples.TokenSuccess);
        using var raw = new EngageClient(new HttpClient { BaseAddress = _engage.Server.BaseUrl });

        var answer = await raw.GetTokenAsync(XFederatedPurpose.Inform, new TokenRequest { ClientId = "a", ClientSecret = "b" });

        Assert.StartsWith("eyJraWQiOiJzVkM5", answer.AccessToken, StringComparison.Ordinal);
        Assert.Equal("Success", answer.Message);
        Assert.Equal("0", answer.ErrorCode);
        Assert.Equal("12ab005b-1522-406b-82c9-a2ab9a1ff49d", answer.RequestId);
    }

    [Fact]
    public async Task Token_failure_sample_reads_into_the_exception()
    {
        _engage.TokenAnswer = _ => (500, DocumentSamples.TokenFailure);
        using var raw = new EngageClient(new HttpClient { BaseAddress = _engage.Server.BaseUrl });

        var error = await Assert.ThrowsAsync<EngageException<TokenResponse>>(() => raw.GetTokenAsync(XFederatedPurpose.Inform, new TokenRequest { ClientId = "a", ClientSecret = "b" }));

        Assert.Null(error.Result.AccessToken);
        Assert.Equal("500", error.Result.ErrorCode);
        Assert.Equal("500", error.ErrorCode);
        Assert.Equal("5cf3ad7e-0428-491f-a85f-c444487d1523", error.RequestId);
    }

    [Fact]
    public async Task Health_sample_reads_with_an_empty_string_errorCode()
    {
        using var client = new EngageClient(_engage.Options());

        var answer = await client.CheckTokenHealthAsync();

        Assert.Null(answer.AccessToken);
        Assert.Equal("Healthy", answer.Message);
        Assert.Equal("", answer.ErrorCode);
        Assert.Equal("5c79f9a0-447e-4093-87d8-05bdd25e9200", answer.RequestId);
    }

    public static TheoryData<int, string, bool, string, string> PushSamples() => new()
    {
        { 200, DocumentSamples.PushSuccess, true, "", "329f83c4-38ca-4760-a18a-3fb44962c536" },
        { 200, DocumentSamples.PushANumbersNotAllowed, false, "200", "51934465-cc14-4e68-97a0-af7d6faf9f55" },
        { 400, DocumentSamples.PushInvalidProgram, false, "400", "e9a76f6b-b921-4ffa-b6f2-1a29334073c4" },
        { 400, DocumentSamples.PushMissingANumbers, false, "400", "04707ac5-36e1-42f1-b747-355fad2d772b" },
    };

    [Theory]
    [MemberData(nameof(PushSamples))]
    public async Task Push_samples_read_and_classify(int status, string body, bool success, string errorCode, string requestId)
    {
        _engage.PushAnswer = (_, _) => (status, body);
        using var client = new EngageClient(_engage.Options());

        BatchPushResponse answer;
        try
        {
            answer = await client.PushBatchAsync(Samples.Program, Samples.GuidePush().ToRequest(Samples.GuideDestinations()));
        }
        catch (EngageException<BatchPushResponse> error)
        {
            Assert.Equal(status, error.StatusCode);
            answer = error.Result;
        }

        Assert.Equal(success, answer.IsSuccess);
        Assert.Equal(errorCode, answer.ErrorCode);
        Assert.Equal(requestId, answer.RequestId);
    }

    [Fact]
    public async Task Unauthorized_without_body_is_a_clear_exception()
    {
        _engage.RejectAllTokens = true;
        using var raw = new EngageClient(new HttpClient { BaseAddress = _engage.Server.BaseUrl });

        var error = await Assert.ThrowsAsync<EngageException>(() => raw.CheckTokenHealthAsync());

        Assert.Equal(401, error.StatusCode);
        Assert.Null(error.ErrorCode);
        Assert.StartsWith("ENGAGE: The bearer token is missing, invalid or expired", error.Message, StringComparison.Ordinal);
    }
}
