using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Contracts.Core;
using Contracts.Engage;
using Contracts.Sandbox.Engage;
using Microsoft.Extensions.Time.Testing;

namespace Contracts.Sandbox.Tests;

/// <summary>The simulated ENGAGE answers as the guide documents, for the SDK and for raw HTTP alike.</summary>
public sealed class EngageSimulatorTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private SandboxServer _sandbox = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync(new SandboxOptions { TimeProvider = _time });
        _http = new HttpClient { BaseAddress = _sandbox.EngageBaseUrl };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _sandbox.DisposeAsync();
    }

    private async Task<string> TokenAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "federated/content/v2/token") { Content = JsonContent.Create(new { clientId = "sandbox-client", clientSecret = "sandbox-secret" }) };
        request.Headers.Add("X-Federated-Purpose", "inform");
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PushAsync(string json, string? token = null, string program = "3e1b9b27-d1f9-4c8d-800f-bb534d6928d6")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"federated/outbound/v2/batch?programContentUuid={program}") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? await TokenAsync());
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task Wrong_secret_gets_the_documented_500()
    {
        using var client = new EngageClient(new EngageClientOptions { BaseUrl = _sandbox.EngageBaseUrl, ClientId = "sandbox-client", ClientSecret = "wrong" });

        var error = await Assert.ThrowsAsync<AccessTokenException>(() => client.CheckTokenHealthAsync());

        Assert.Equal(500, error.StatusCode);
        Assert.Equal("500", error.ErrorCode);
        Assert.Contains("Failed to grant access token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guide_sample_body_with_string_ttl_is_accepted()
    {
        const string guideBody = """{"destinations":[{"bNumber":"+15018902005","personalization":{"MY_VAR":"Put Custom Text Here"},"customTrackingId":"custom-tracking-1"}],"aNumbers":["+5014008029","+5013509988"],"notBefore":"2020-02-10T16:00:00Z","ttlSeconds":"3600","keepAfterCall":"false"}""";

        var (status, body) = await PushAsync(guideBody);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("success", body.GetProperty("response").GetString());
        Assert.Equal("", body.GetProperty("errorCode").GetString());
        Assert.True(Guid.TryParse(body.GetProperty("requestId").GetString(), out _));
    }

    [Theory]
    [InlineData("""{"destinations":[{"bNumber":"+15018902005"}],"ttlSeconds":3600}""", 400, "Must send aNumbers or a valid ANumberGroupId", 400)]
    [InlineData("""{"destinations":[{"bNumber":"+15018902005"}],"aNumbers":["+5014008029"],"aNumberGroupId":"935b91a0-f2fb-4c43-b629-63fea6634512","ttlSeconds":3600}""", 400, "Must send aNumbers or a valid ANumberGroupId", 400)]
    [InlineData("""{"destinations":[{"bNumber":"+15018902005"}],"aNumbers":["+15559999999"],"ttlSeconds":3600}""", 200, "Not allowed to use one or more anumbers.", 200)]
    [InlineData("""{"destinations":[{"bNumber":"15018902005"}],"aNumberGroupId":"935b91a0-f2fb-4c43-b629-63fea6634512","ttlSeconds":3600}""", 400, "Invalid bNumber '15018902005': must be E.164", 400)]
    [InlineData("""{"destinations":[{"bNumber":"+15018902005"}],"aNumberGroupId":"935b91a0-f2fb-4c43-b629-63fea6634512","ttlSeconds":0}""", 400, "ttlSeconds must be a positive integer", 400)]
    public async Task Documented_failures_answer_as_the_guide_shows(string json, int status, string response, int errorCode)
    {
        var (actualStatus, body) = await PushAsync(json);

        Assert.Equal(status, (int)actualStatus);
        Assert.Equal(response, body.GetProperty("response").GetString());
        Assert.Equal(errorCode, body.GetProperty("errorCode").GetInt32());
    }

    [Fact]
    public async Task Unknown_program_is_invalid_program_setup()
    {
        var (status, body) = await PushAsync("""{"destinations":[{"bNumber":"+15018902005"}],"aNumbers":["+5014008029"]}""", program: Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Invalid program setup on this program", body.GetProperty("response").GetString());
    }

    [Fact]
    public async Task Tokens_expire_after_the_configured_lifetime_with_401_and_no_body()
    {
        var token = await TokenAsync();
        const string json = """{"destinations":[{"bNumber":"+15018902005"}],"aNumbers":["+5014008029"]}""";
        Assert.Equal(HttpStatusCode.OK, (await PushAsync(json, token)).Status);

        _time.Advance(TimeSpan.FromMinutes(15));
        var (status, body) = await PushAsync(json, token);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(JsonValueKind.Undefined, body.ValueKind);
    }

    [Fact]
    public async Task Sandbox_client_pushes_and_the_sandbox_counts_what_it_accepted()
    {
        using var client = _sandbox.CreateEngageClient();

        var report = await client.PushAllAsync(EngagePush.FromANumberGroup(EngageSandboxOptions.DemoProgram, EngageSandboxOptions.DemoANumberGroup),
            Enumerable.Range(0, 2_500).Select(i => new Destination { BNumber = $"+1555{i:D7}" }));

        Assert.Equal(2_500, report.AcceptedCount);
        Assert.Equal(3, _sandbox.Engage.AcceptedPushes);
        Assert.Equal(2_500, _sandbox.Engage.AcceptedDestinations);
        Assert.Equal(1, _sandbox.Engage.TokenRequests);
    }
}
