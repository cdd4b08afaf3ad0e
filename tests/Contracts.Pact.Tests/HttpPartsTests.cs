using Contracts.Pacts.Matchers;

namespace Contracts.Pacts.Tests;

/// <summary>Headers, query parameters and paths take matchers too: signatures, tokens and ids change on every call.</summary>
public sealed class HttpPartsTests : IDisposable
{
    private readonly TemporaryPactDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_header_matcher_accepts_another_token_of_the_same_shape()
    {
        var builder = BearerInteraction();

        await builder.VerifyAsync(ctx => Wire.GetAsync(ctx, "/me", ("Authorization", "Bearer zzz.yyy.xxx")));

        var request = _dir.Read()["interactions"]![0]!["request"]!;
        Assert.Equal("Bearer aaa.bbb.ccc", request["headers"]!["Authorization"]![0]!.GetValue<string>());
        Assert.Equal("regex", request["matchingRules"]!["header"]!["Authorization"]!["matchers"]![0]!["match"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_header_of_another_shape_fails_and_the_message_names_the_header()
    {
        var builder = BearerInteraction();

        var failure = await Assert.ThrowsAsync<PactVerificationException>(() => builder.VerifyAsync(ctx => Wire.GetAsync(ctx, "/me", ("Authorization", "Basic dXNlcjpwYXNz"))));

        Assert.Contains("- header Authorization: ", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Basic dXNlcjpwYXNz", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_parameters_take_matchers_and_repeated_values_in_order()
    {
        var builder = QueryInteraction();

        await builder.VerifyAsync(ctx => Wire.GetAsync(ctx, "/search?page=7&tag=red&tag=blue"));

        var query = _dir.Read()["interactions"]![0]!["request"]!["query"]!;
        Assert.Equal("1", query["page"]![0]!.GetValue<string>());
        Assert.Equal(["red", "blue"], query["tag"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public async Task A_query_value_the_matcher_refuses_fails_and_the_message_names_the_parameter()
    {
        var builder = QueryInteraction();

        var failure = await Assert.ThrowsAsync<PactVerificationException>(() => builder.VerifyAsync(ctx => Wire.GetAsync(ctx, "/search?page=last&tag=red&tag=blue")));

        Assert.Contains("- query page: ", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'last'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_matcher_accepts_other_variable_segments_and_the_mock_answers_with_header_examples()
    {
        var builder = SignedPathInteraction();

        var requestId = "";
        await builder.VerifyAsync(async ctx =>
        {
            var answer = await Wire.GetAsync(ctx, "/login/9/paul/0123456789abcdef");
            requestId = answer.Response.Headers.GetValues("X-Request-Id").Single();
        });

        Assert.Equal("3f2c", requestId);
        Assert.Equal("/login/8/peter/ffffffffffffffff", _dir.Read()["interactions"]![0]!["request"]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_path_the_matcher_refuses_fails_and_names_the_path()
    {
        var builder = SignedPathInteraction();

        var failure = await Assert.ThrowsAsync<PactVerificationException>(() => builder.VerifyAsync(ctx => Wire.GetAsync(ctx, "/login/9/paul/NOT-HEX")));

        Assert.Contains("/login/9/paul/NOT-HEX", failure.Message, StringComparison.Ordinal);
    }

    private PactBuilder BearerInteraction()
    {
        var builder = _dir.Pact().WithHttpInteractions();
        builder.UponReceiving("a request with a bearer token")
            .WithRequest(HttpMethod.Get, "/me")
            .WithHeader("Authorization", Match.Regex("Bearer aaa.bbb.ccc", @"^Bearer [a-z]+\.[a-z]+\.[a-z]+$"))
            .WillRespond()
            .WithStatus(204);
        return builder;
    }

    private PactBuilder QueryInteraction()
    {
        var builder = _dir.Pact().WithHttpInteractions();
        builder.UponReceiving("a search")
            .WithRequest(HttpMethod.Get, "/search")
            .WithQuery("page", Match.Regex("1", "^[0-9]+$"))
            .WithQuery("tag", "red")
            .WithQuery("tag", "blue")
            .WillRespond()
            .WithStatus(204);
        return builder;
    }

    private PactBuilder SignedPathInteraction()
    {
        var builder = _dir.Pact().WithHttpInteractions();
        builder.UponReceiving("a signed login")
            .WithRequest(HttpMethod.Get, Match.Regex("/login/8/peter/ffffffffffffffff", "^/login/[0-9]+/[^/]+/[0-9a-f]{16}$"))
            .WillRespond()
            .WithStatus(200)
            .WithHeader("X-Request-Id", Match.Regex("3f2c", "^[0-9a-f]+$"));
        return builder;
    }
}
