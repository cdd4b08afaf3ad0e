using Contracts.Pacts.Matchers;

namespace Contracts.Pacts.Tests;

public sealed class VerificationTests : IDisposable
{
    private readonly TemporaryPactDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_consumer_that_does_what_the_interaction_says_passes_and_the_pact_file_records_it()
    {
        var builder = _dir.Pact().WithHttpInteractions();
        builder.UponReceiving("a request for order 42")
            .Given("order 42 exists")
            .WithRequest(HttpMethod.Get, "/orders/42")
            .WithHeader("Accept", "application/json")
            .WillRespond()
            .WithStatus(200)
            .WithJsonBody(new { id = 42, state = "open" });

        var answer = "";
        await builder.VerifyAsync(async ctx => answer = (await Wire.GetAsync(ctx, "/orders/42", ("Accept", "application/json"))).Body);

        Assert.Equal("""{"id":42,"state":"open"}""", answer);
        var pact = _dir.Read();
        Assert.Equal("Consumer", pact["consumer"]!["name"]!.GetValue<string>());
        Assert.Equal("Provider", pact["provider"]!["name"]!.GetValue<string>());
        Assert.Equal("4.0", pact["metadata"]!["pactSpecification"]!["version"]!.GetValue<string>());
        var interaction = Assert.Single(pact["interactions"]!.AsArray())!;
        Assert.Equal("a request for order 42", interaction["description"]!.GetValue<string>());
        Assert.Equal("order 42 exists", interaction["providerStates"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("/orders/42", interaction["request"]!["path"]!.GetValue<string>());
        Assert.Equal("application/json", interaction["request"]!["headers"]!["Accept"]![0]!.GetValue<string>());
        Assert.Equal(200, interaction["response"]!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_deliberate_body_mismatch_fails_with_a_message_that_quotes_it_and_writes_no_pact()
    {
        var output = new List<string>();
        var builder = _dir.Pact(output: output.Add).WithHttpInteractions();
        builder.UponReceiving("an order is created")
            .WithRequest(HttpMethod.Post, "/orders")
            .WithJsonBody(new { item = "book", quantity = 1 })
            .WillRespond()
            .WithStatus(201);

        var failure = await Assert.ThrowsAsync<PactVerificationException>(() => builder.VerifyAsync(
            ctx => Wire.PostJsonAsync(ctx, "/orders", """{"item":"pen","quantity":1}""")));

        Assert.Contains("Pact verification failed for Consumer -> Provider: 1 problem.", failure.Message, StringComparison.Ordinal);
        Assert.Contains("1. POST /orders: received, but it differs from the interaction:", failure.Message, StringComparison.Ordinal);
        Assert.Contains("- body $.item: Expected 'pen' (String) to be equal to 'book' (String)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Mock server log", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Received request POST /orders", failure.MockServerLog, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"request-mismatch\"", failure.MismatchesJson, StringComparison.Ordinal);
        Assert.Equal(failure.Message, Assert.Single(output));
        Assert.False(File.Exists(_dir.FileOf()));
    }

    [Fact]
    public async Task A_missing_interaction_is_reported_by_method_and_path()
    {
        var builder = _dir.Pact().WithHttpInteractions();
        builder.UponReceiving("a health check").WithRequest(HttpMethod.Get, "/health").WillRespond().WithStatus(200);
        builder.UponReceiving("a status check").WithRequest(HttpMethod.Get, "/status").WillRespond().WithStatus(200);

        var failure = await Assert.ThrowsAsync<PactVerificationException>(() => builder.VerifyAsync(ctx => Wire.GetAsync(ctx, "/health")));

        Assert.Contains("1. GET /status: expected by the contract, never received.", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("/health", failure.Message.Split("Mock server log")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_no_interaction_expects_is_reported_with_what_was_received()
    {
        var builder = _dir.Pact().WithHttpInteractions();
        builder.UponReceiving("a health check").WithRequest(HttpMethod.Get, "/health").WillRespond().WithStatus(200);

        var failure = await Assert.ThrowsAsync<PactVerificationException>(() => builder.VerifyAsync(async ctx =>
        {
            await Wire.GetAsync(ctx, "/health");
            await Wire.SendAsync(ctx, HttpMethod.Delete, "/orders/7");
        }));

        Assert.Contains("1. DELETE /orders/7: received, but no interaction expects it.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_consumers_own_exception_is_kept_as_the_inner_exception_beside_the_mismatches()
    {
        var builder = _dir.Pact().WithHttpInteractions();
        builder.UponReceiving("a health check").WithRequest(HttpMethod.Get, "/health").WillRespond().WithStatus(200);

        var failure = await Assert.ThrowsAsync<PactVerificationException>(() => builder.VerifyAsync(
            _ => throw new InvalidOperationException("the client gave up")));

        Assert.IsType<InvalidOperationException>(failure.InnerException);
        Assert.Contains("The consumer also failed: InvalidOperationException: the client gave up", failure.Message, StringComparison.Ordinal);
        Assert.Contains("GET /health: expected by the contract, never received.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_consumer_exception_without_any_mismatch_surfaces_unchanged_and_writes_no_pact()
    {
        var builder = _dir.Pact().WithHttpInteractions();
        builder.UponReceiving("a health check").WithRequest(HttpMethod.Get, "/health").WillRespond().WithStatus(200);

        var failure = await Assert.ThrowsAsync<FormatException>(() => builder.VerifyAsync(async ctx =>
        {
            await Wire.GetAsync(ctx, "/health");
            throw new FormatException("the consumer could not read the answer");
        }));

        Assert.Equal("the consumer could not read the answer", failure.Message);
        Assert.False(File.Exists(_dir.FileOf()));
    }

    [Fact]
    public async Task The_synchronous_Verify_runs_the_same_checks()
    {
        var builder = _dir.Pact().WithHttpInteractions();
        builder.UponReceiving("a health check").WithRequest(HttpMethod.Get, "/health").WillRespond().WithStatus(204);

        var failure = Assert.Throws<PactVerificationException>(() => builder.Verify(_ => { }));

        Assert.Contains("GET /health: expected by the contract, never received.", failure.Message, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_provider_state_with_parameters_is_recorded_as_json_values()
    {
        var builder = _dir.Pact().WithHttpInteractions();
        builder.UponReceiving("a request for a customer")
            .Given("a customer exists", new Dictionary<string, object?> { ["id"] = 7, ["name"] = "Ada", ["vip"] = true })
            .WithRequest(HttpMethod.Get, "/customers/7")
            .WillRespond()
            .WithJsonBody(new { id = Match.Integer(7) });

        await builder.VerifyAsync(ctx => Wire.GetAsync(ctx, "/customers/7"));

        var state = _dir.Read()["interactions"]![0]!["providerStates"]![0]!;
        Assert.Equal("a customer exists", state["name"]!.GetValue<string>());
        Assert.Equal(7, state["params"]!["id"]!.GetValue<int>());
        Assert.Equal("Ada", state["params"]!["name"]!.GetValue<string>());
        Assert.True(state["params"]!["vip"]!.GetValue<bool>());
    }
}
