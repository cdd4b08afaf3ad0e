namespace Contracts.Onc.Tests;

/// <summary>
/// The first ONC calls of a process build WCF's channel and its XML serializers by reflection and JIT-compile the
/// path: 0.9 to 2.3 s for the first AddCampaignContact of a process on a machine at load 23, against 4 to 19 ms for
/// the first call of a second client in the same process. A test that gives its client a Timeout of a second or two
/// (to see a stalled request end) would otherwise spend it on that compilation, and fail by timing out before the
/// behaviour it tests. Every test against a <see cref="FakeOnc"/> waits for one warm-up of the process first: each
/// operation the tests lean on, once, on a fake of its own and with the default Timeout.
/// </summary>
internal static class ColdStart
{
    private static readonly Lazy<Task> Warm = new(WarmAsync);

    /// <summary>Completes once the process has made each kind of call once.</summary>
    public static Task WarmedAsync() => Warm.Value;

    private static async Task WarmAsync()
    {
        await using var onc = await FakeOnc.StartAsync();
        await using var client = new OncClient(onc.Options());
        await client.GetCampaignListingAsync();
        await client.GetCampaignsAsync();
        await client.AddCampaignContactAsync(Samples.NewContact("+15550999"));
        await client.GetCampaignContactsAsync(Samples.SpringCampaign);
    }
}
