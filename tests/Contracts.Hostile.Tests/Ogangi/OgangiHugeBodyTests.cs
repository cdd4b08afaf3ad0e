using Contracts.Core;
using Contracts.Hostile.Tests.Infrastructure;

namespace Contracts.Hostile.Tests.Ogangi;

[CollectionDefinition(nameof(MemoryMeasured), DisableParallelization = true)]
public sealed class MemoryMeasured;

/// <summary>An answer above MaxResponseBytes is refused, and reading it does not cost memory in proportion to its size.</summary>
[Collection(nameof(MemoryMeasured))]
public sealed class OgangiHugeBodyTests
{
    private const long Limit = 1024 * 1024;
    private const long Huge = 64L * 1024 * 1024;

    /// <summary>Allocation allowed for the whole call, far under the 64 MiB body.</summary>
    private const long AllocationBound = 16L * 1024 * 1024;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Huge_body_is_refused_with_memory_bounded(bool declareLength)
    {
        await using var server = await HostileServer.StartAsync();
        server.Respond((_, exchange) => exchange.HugeBodyAsync(200, Huge, "application/xml", declareLength));
        using var client = OgangiHostile.Client(server, o => o.MaxResponseBytes = Limit);

        // Warm up the pipeline once so that first-call allocations (JIT, connection pools) are not measured.
        await Assert.ThrowsAsync<ResponseTooLargeException>(() => OgangiHostile.SendSmsAsync(client));
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var error = await Assert.ThrowsAsync<ResponseTooLargeException>(() => OgangiHostile.SendSmsAsync(client)).WaitAsync(TimeSpan.FromSeconds(30));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(Limit, error.Limit);
        Assert.Equal(DeliveryState.Unknown, error.Delivery);
        Assert.True(allocated < AllocationBound, $"the call allocated {allocated:N0} bytes for a {Huge:N0}-byte answer with a limit of {Limit:N0}");
        Assert.Equal(2, server.Count(OgangiHostile.IsSendSms));
    }

    [Fact]
    public async Task Body_just_under_the_limit_is_read()
    {
        await using var server = await HostileServer.StartAsync();
        var body = OgangiHostile.SendSmsOk.Replace("</response>", "<!--" + new string('x', 500_000) + "--></response>", StringComparison.Ordinal);
        server.Respond((_, exchange) => exchange.RespondAsync(200, body, "application/xml"));
        using var client = OgangiHostile.Client(server, o => o.MaxResponseBytes = Limit);

        var result = await OgangiHostile.SendSmsAsync(client);

        Assert.NotNull(result);
    }
}
