using System.Net;
using System.Net.Http.Json;

namespace Contracts.Sandbox.Tests;

/// <summary>The /_sandbox endpoints tools use from outside the process (pact verifier, scripts).</summary>
public sealed class ControlEndpointTests : IAsyncLifetime
{
    private SandboxServer _sandbox = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync();
        _http = new HttpClient { BaseAddress = _sandbox.BaseUrl };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task Provider_state_setup_and_teardown_change_what_the_simulator_accepts()
    {
        using var health = new HttpRequestMessage(HttpMethod.Get, "engage/federated/content/v2/token/health");
        health.Headers.Add("Authorization", "Bearer example-token-from-a-pact");

        using (var setup = await _http.PostAsJsonAsync("_sandbox/provider-states/engage", new { state = "the access token is valid", action = "setup" }))
            Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        using (var accepted = await _http.SendAsync(Clone(health)))
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        using (var teardown = await _http.PostAsJsonAsync("_sandbox/provider-states/ENGAGE", new { state = "the access token is valid", action = "teardown" }))
            Assert.Equal(HttpStatusCode.OK, teardown.StatusCode);
        using (var refused = await _http.SendAsync(Clone(health)))
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Unknown_states_and_vendors_are_refused_with_a_reason()
    {
        using var unknownState = await _http.PostAsJsonAsync("_sandbox/provider-states/engage", new { state = "the moon is full" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownState.StatusCode);
        Assert.Contains("no provider state 'the moon is full'", await unknownState.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var unknownVendor = await _http.PostAsJsonAsync("_sandbox/provider-states/nobody", new { state = "x" });
        Assert.Equal(HttpStatusCode.NotFound, unknownVendor.StatusCode);
    }

    [Fact]
    public async Task Expire_credentials_makes_issued_tokens_fail()
    {
        using var client = _sandbox.CreateEngageClient();
        await client.CheckTokenHealthAsync();

        using (var expire = await _http.PostAsync("_sandbox/engage/expire-credentials", null))
            Assert.Equal(HttpStatusCode.OK, expire.StatusCode);
        await client.CheckTokenHealthAsync(); // refreshed transparently

        Assert.Equal(2, _sandbox.Engage.TokenRequests);
    }

    private static HttpRequestMessage Clone(HttpRequestMessage request)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri);
        foreach (var header in request.Headers)
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        return copy;
    }
}
