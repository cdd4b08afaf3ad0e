using Contracts.Core;

namespace Contracts.Hostile.Tests.Onc;

/// <summary>
/// A 64 MB SOAP answer, declared or chunked, to AddCampaignContact with MaxResponseBytes = 1 MiB: ResponseTooLargeException,
/// allocating a small multiple of the limit rather than the body.
/// </summary>
[Collection(MemoryMeasured.Name)]
public sealed class OncHugeBodyTests : OncHost
{
    private const long Limit = 1024 * 1024;
    private const long Huge = 64L * 1024 * 1024;

    /// <summary>Allocation allowed for the whole call, far under the 64 MiB body.</summary>
    private const long AllocationBound = 16L * 1024 * 1024;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_huge_answer_is_refused_with_memory_bounded(bool declareLength)
    {
        AddContactScript = (_, exchange) => exchange.HugeBodyAsync(200, Huge, SoapContentType, declareLength);
        await using var client = Client(o => o.MaxResponseBytes = Limit);
        await client.GetCampaignListingAsync().WaitAsync(Guarantees.Patience);

        // Once unmeasured, so that first-call allocations (JIT, WCF's channel, the connection pool) are not counted.
        await Guarantees.ThrowsWithin<ResponseTooLargeException>(() => client.AddCampaignContactAsync(NewContact("+15550200")));
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var error = await Guarantees.ThrowsWithin<ResponseTooLargeException>(() => client.AddCampaignContactAsync(NewContact("+15550201")));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(Limit, error.Limit);
        Assert.Equal(DeliveryState.Unknown, error.Delivery);
        Assert.True(allocated < AllocationBound, $"the call allocated {allocated:N0} bytes for a {Huge:N0}-byte answer with a limit of {Limit:N0}");
        Assert.Equal(2, AddContactRequests.Count);
        Guarantees.NoSecretIn(error, Secrets);
    }
}
