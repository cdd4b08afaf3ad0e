using Contracts.Pacts.Matchers;

namespace Contracts.Pacts.Tests;

/// <summary>The committed Pact files: one per pair, every verified interaction once, the same bytes whatever the test order.</summary>
public sealed class PactFileTests : IDisposable
{
    private readonly TemporaryPactDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Builders_verified_in_parallel_write_one_file_with_every_interaction_sorted_by_description()
    {
        var pact = _dir.Pact();
        var names = Enumerable.Range(1, 12).Select(i => $"request {i:D2}").ToArray();

        await Task.WhenAll(names.Reverse().Select(name => Task.Run(() => VerifyOneAsync(pact, name))));

        var descriptions = _dir.Read()["interactions"]!.AsArray().Select(i => i!["description"]!.GetValue<string>());
        Assert.Equal(names, descriptions);
    }

    [Fact]
    public async Task The_file_is_byte_identical_whatever_order_the_interactions_were_verified_in()
    {
        using var other = new TemporaryPactDir();
        var names = new[] { "b", "a", "d", "c", "f", "e" };

        foreach (var name in names)
            await VerifyOneAsync(_dir.Pact(), name);
        await Task.WhenAll(names.Order().Select(name => Task.Run(() => VerifyOneAsync(other.Pact(), name))));

        Assert.Equal(File.ReadAllBytes(_dir.FileOf()), File.ReadAllBytes(other.FileOf()));
    }

    [Fact]
    public async Task The_layout_is_stable_and_readable()
    {
        var builder = _dir.Pact().WithHttpInteractions();
        builder.UponReceiving("a number is registered")
            .WithRequest(HttpMethod.Post, "/numbers")
            .WithJsonBody(new { number = Match.Regex("+15018902005", @"^\+[1-9][0-9]{1,14}$"), note = "café" })
            .WillRespond()
            .WithStatus(204);

        await builder.VerifyAsync(ctx => Wire.PostJsonAsync(ctx, "/numbers", """{"number":"+14258309029","note":"café"}"""));

        var text = await File.ReadAllTextAsync(_dir.FileOf());
        Assert.StartsWith("{\n  \"consumer\": {\n    \"name\": \"Consumer\"\n  },\n", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.Contains("\"number\": \"+15018902005\"", text, StringComparison.Ordinal);
        Assert.Contains("\"note\": \"café\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interaction_that_several_tests_share_is_written_once()
    {
        await VerifyOneAsync(_dir.Pact(), "a shared token request");
        await VerifyOneAsync(_dir.Pact(), "a shared token request");

        Assert.Single(_dir.Read()["interactions"]!.AsArray());
    }

    [Fact]
    public async Task Two_different_interactions_under_one_description_are_refused()
    {
        await VerifyOneAsync(_dir.Pact(), "an ambiguous request", status: 200);

        var error = await Assert.ThrowsAsync<PactException>(() => VerifyOneAsync(_dir.Pact(), "an ambiguous request", status: 404));

        Assert.Contains("two tests define the interaction 'an ambiguous request' (provider states []) differently", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_write_of_a_run_replaces_the_file_so_deleted_interactions_do_not_linger()
    {
        Directory.CreateDirectory(_dir.Path);
        await File.WriteAllTextAsync(_dir.FileOf(), """{"consumer":{"name":"Consumer"},"interactions":[{"description":"a deleted test's request"}],"metadata":{},"provider":{"name":"Provider"}}""");

        await VerifyOneAsync(_dir.Pact(), "the only request left");

        var interaction = Assert.Single(_dir.Read()["interactions"]!.AsArray());
        Assert.Equal("the only request left", interaction!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pairs_get_their_own_files()
    {
        await VerifyOneAsync(_dir.Pact("App", "Billing"), "a bill");
        await VerifyOneAsync(_dir.Pact("App", "Shipping"), "a parcel");

        Assert.Equal("a bill", _dir.Read("App", "Billing")["interactions"]![0]!["description"]!.GetValue<string>());
        Assert.Equal("a parcel", _dir.Read("App", "Shipping")["interactions"]![0]!["description"]!.GetValue<string>());
    }

    private static async Task VerifyOneAsync(PactV4 pact, string description, int status = 200)
    {
        var path = "/" + Uri.EscapeDataString(description);
        using var builder = pact.WithHttpInteractions();
        builder.UponReceiving(description).WithRequest(HttpMethod.Get, path).WillRespond().WithStatus(status);
        await builder.VerifyAsync(ctx => Wire.GetAsync(ctx, path));
    }
}
