using Contracts.Pacts.Native;

namespace Contracts.Pacts.Tests;

/// <summary>Handles are freed once, misuse fails early with a message that says what to do, and a missing engine says how to install it.</summary>
public sealed class LifecycleTests : IDisposable
{
    private readonly TemporaryPactDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_engine_is_the_pinned_pact_ffi()
    {
        Assert.Equal("0.5.8", PactEngine.Version);
    }

    [Fact]
    public void Disposing_twice_does_nothing_and_a_disposed_builder_refuses_further_use()
    {
        var builder = _dir.Pact().WithHttpInteractions();
        var request = builder.UponReceiving("a request");

        builder.Dispose();
        builder.Dispose();

        Assert.Throws<ObjectDisposedException>(() => builder.UponReceiving("another request"));
        Assert.Throws<ObjectDisposedException>(() => request.WithRequest(HttpMethod.Get, "/"));
        Assert.Throws<ObjectDisposedException>(() => builder.Verify(_ => { }));
    }

    [Fact]
    public async Task A_verified_builder_can_be_disposed_and_refuses_to_verify_again()
    {
        var builder = _dir.Pact().WithHttpInteractions();
        builder.UponReceiving("a request").WithRequest(HttpMethod.Get, "/").WillRespond().WithStatus(204);
        await builder.VerifyAsync(ctx => Wire.GetAsync(ctx, "/"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => builder.VerifyAsync(ctx => Wire.GetAsync(ctx, "/")));
        builder.Dispose();
        builder.Dispose();

        Assert.Contains("has been verified; create another with WithHttpInteractions()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_builders_created_and_disposed_in_parallel_do_not_disturb_each_other()
    {
        var pact = _dir.Pact();

        Parallel.For(0, 64, i =>
        {
            using var builder = pact.WithHttpInteractions();
            builder.UponReceiving($"request {i}").WithRequest(HttpMethod.Get, $"/{i}").WillRespond().WithStatus(200);
        });

        Assert.False(File.Exists(_dir.FileOf()));
    }

    [Fact]
    public void Misuse_fails_before_anything_runs_with_a_message_that_says_what_to_do()
    {
        var builder = _dir.Pact().WithHttpInteractions();

        Assert.Contains("add an interaction with UponReceiving first", Assert.Throws<InvalidOperationException>(() => builder.Verify(_ => { })).Message, StringComparison.Ordinal);
        var request = builder.UponReceiving("a request");
        Assert.Contains("call WithRequest before WillRespond", Assert.Throws<InvalidOperationException>(() => request.WillRespond()).Message, StringComparison.Ordinal);
        Assert.Contains("each parameter with WithQuery", Assert.Throws<ArgumentException>(() => request.WithRequest(HttpMethod.Get, "/a?b=c")).Message, StringComparison.Ordinal);
        Assert.Contains("already has an interaction 'a request'", Assert.Throws<ArgumentException>(() => builder.UponReceiving("a request")).Message, StringComparison.Ordinal);
        Assert.Contains("has no request: call WithRequest", Assert.Throws<InvalidOperationException>(() => builder.Verify(_ => { })).Message, StringComparison.Ordinal);
        request.WithRequest(HttpMethod.Post, "/a").WithBody("x", "text/plain");
        Assert.Contains("already has a body", Assert.Throws<InvalidOperationException>(() => request.WithBody("y", "text/plain")).Message, StringComparison.Ordinal);
        Assert.Contains("starts at the root", Assert.Throws<ArgumentException>(() => request.WithBodyMatchingRule("items", Matchers.MatchingRule.Type())).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_engine_names_the_command_that_installs_it()
    {
        var nowhere = Directory.CreateTempSubdirectory("no-engine-");
        try
        {
            var error = Assert.Throws<PactEngineNotFoundException>(() => PactEngineLocator.Locate(explicitPath: null, nowhere.FullName));

            Assert.Contains("libpact_ffi.so was not found", error.Message, StringComparison.Ordinal);
            Assert.Contains("cd build && npm ci", error.Message, StringComparison.Ordinal);
            Assert.Contains(PactEngineLocator.OverrideVariable, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            nowhere.Delete();
        }
    }

    [Fact]
    public void An_override_that_names_no_file_says_so()
    {
        var error = Assert.Throws<PactEngineNotFoundException>(() => PactEngineLocator.Locate("/nonexistent/libpact_ffi.so", AppContext.BaseDirectory));

        Assert.Contains("PACT_FFI_LIBRARY names '/nonexistent/libpact_ffi.so', which does not exist.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_engine_is_found_from_the_test_assembly_without_any_setting()
    {
        var path = PactEngineLocator.Locate(explicitPath: null, AppContext.BaseDirectory);

        Assert.EndsWith(PactEngineLocator.PinnedRelativePath, path, StringComparison.Ordinal);
        Assert.True(File.Exists(path));
    }
}
