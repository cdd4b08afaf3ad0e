using System.Net;
using Contracts.Core.Authentication;
using Contracts.Core.Http;

namespace Contracts.Core.Tests;

public sealed class BearerTokenHandlerTests
{
    private sealed class ScriptedTransport(Func<HttpRequestMessage, int, HttpStatusCode> answer) : HttpMessageHandler
    {
        public List<string?> AuthorizationSeen { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (AuthorizationSeen)
            {
                AuthorizationSeen.Add(request.Headers.Authorization?.ToString());
                return Task.FromResult(new HttpResponseMessage(answer(request, AuthorizationSeen.Count)));
            }
        }
    }

    private static TestTokenProvider Tokens() => new(n => Task.FromResult(new AccessToken($"token-{n}", DateTimeOffset.UtcNow.AddMinutes(15))));

    [Fact]
    public async Task Adds_the_bearer_token()
    {
        var transport = new ScriptedTransport((_, _) => HttpStatusCode.OK);
        using var client = new HttpClient(new BearerTokenHandler(Tokens()) { InnerHandler = transport });

        using var response = await client.GetAsync(new Uri("http://127.0.0.1/x"));

        Assert.Equal(["Bearer token-1"], transport.AuthorizationSeen);
    }

    [Fact]
    public async Task Retries_once_with_a_fresh_token_after_401()
    {
        var tokens = Tokens();
        var transport = new ScriptedTransport((_, n) => n == 1 ? HttpStatusCode.Unauthorized : HttpStatusCode.OK);
        using var client = new HttpClient(new BearerTokenHandler(tokens) { InnerHandler = transport });

        using var response = await client.PostAsync(new Uri("http://127.0.0.1/x"), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], transport.AuthorizationSeen);
        Assert.Equal(2, tokens.Calls);
    }

    [Fact]
    public async Task A_second_401_is_returned_without_a_third_attempt()
    {
        var tokens = Tokens();
        var transport = new ScriptedTransport((_, _) => HttpStatusCode.Unauthorized);
        using var client = new HttpClient(new BearerTokenHandler(tokens) { InnerHandler = transport });

        using var response = await client.GetAsync(new Uri("http://127.0.0.1/x"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(2, transport.AuthorizationSeen.Count);
        Assert.Equal(2, tokens.Calls);
    }

    [Fact]
    public async Task A_vendor_specific_rejection_test_triggers_the_refresh()
    {
        var tokens = Tokens();
        var transport = new ScriptedTransport((_, n) => n == 1 ? HttpStatusCode.BadRequest : HttpStatusCode.OK);
        using var client = new HttpClient(new BearerTokenHandler(tokens, (r, _) => ValueTask.FromResult(r.StatusCode == HttpStatusCode.BadRequest)) { InnerHandler = transport });

        using var response = await client.GetAsync(new Uri("http://127.0.0.1/x"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, tokens.Calls);
    }

    [Fact]
    public async Task No_token_goes_to_a_host_that_is_not_allowed()
    {
        var tokens = new TestTokenProvider(_ => Task.FromResult(new AccessToken("secret", DateTimeOffset.UtcNow.AddMinutes(15))), allowedHosts: ["api.fo-engage.com"]);
        var transport = new ScriptedTransport((_, _) => HttpStatusCode.OK);
        using var client = new HttpClient(new BearerTokenHandler(tokens) { InnerHandler = transport });

        using var response = await client.GetAsync(new Uri("http://elsewhere.example/x"));

        Assert.Equal([null], transport.AuthorizationSeen);
        Assert.Equal(0, tokens.Calls);
    }
}
