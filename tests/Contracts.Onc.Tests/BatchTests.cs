using System.Xml.Linq;
using Contracts.Core;
using Contracts.Core.Batching;
using static Contracts.Onc.Tests.OncContract;

namespace Contracts.Onc.Tests;

/// <summary>Many contacts: bounded concurrency on one session, every contact reported exactly once.</summary>
public sealed class BatchTests : FakeOncTests
{
    [Fact]
    public async Task Each_contact_is_accepted_or_rejected_with_the_service_code_and_concurrency_stays_bounded()
    {
        Onc.CallDelay = TimeSpan.FromMilliseconds(20);
        Onc.AddContactCode = contact => ((string?)contact.Element(Dc + "SMSCommInfo")!.Element(Dc + "Destination"))!.EndsWith('7') ? 11 : 0;
        var contacts = Enumerable.Range(0, 40).Select(i => Samples.NewContact($"+1555020{i:D2}")).ToList();
        await using var client = new OncClient(Onc.Options(o => o.MaxConcurrency = 3));

        var report = await client.AddCampaignContactsAsync(contacts, keepAcceptedContacts: true);

        Assert.Equal(40, report.TotalCount);
        Assert.Equal(36, report.AcceptedCount);
        Assert.Equal(4, report.RejectedCount);
        Assert.All(report.Rejected, r =>
        {
            Assert.EndsWith("7", r.Item.SMSCommInfo!.Destination, StringComparison.Ordinal);
            Assert.Equal(BatchFailureKind.VendorRejected, r.Failure.Kind);
            Assert.Equal("11", r.Failure.ErrorCode);
        });
        Assert.Equal(40, Onc.Count("AddCampaignContact"));
        Assert.Equal(1, Onc.Count("OpenAPISession"));
        Assert.InRange(Onc.Server.PeakConcurrency, 1, 3);
        Assert.Equal(contacts.Select(c => c.Id).Order(), report.Accepted.Concat(report.Rejected.Select(r => r.Item)).Select(c => c.Id).Order());
    }

    [Fact]
    public async Task Invalid_contacts_are_rejected_without_being_sent()
    {
        var bad = Samples.NewContact("+15550300");
        bad.SMSCommInfo!.RetryCount = -1;
        var noCampaign = Samples.NewContact("+15550301");
        noCampaign.CampaignId = Guid.Empty;
        await using var client = new OncClient(Onc.Options());

        var report = await client.AddCampaignContactsAsync([Samples.NewContact("+15550302"), bad, noCampaign]);

        Assert.Equal(1, report.AcceptedCount);
        Assert.Equal(2, report.RejectedCount);
        Assert.All(report.Rejected, r => Assert.Equal(BatchFailureKind.InvalidInput, r.Failure.Kind));
        Assert.Equal(1, Onc.Count("AddCampaignContact"));
    }

    [Fact]
    public async Task Refused_credentials_stop_the_batch_and_report_every_contact_not_attempted()
    {
        Onc.OpenFailure = (1, "Invalid credentials");
        await using var client = new OncClient(Onc.Options(o => o.MaxConcurrency = 2));

        var report = await client.AddCampaignContactsAsync(Enumerable.Range(0, 25).Select(i => Samples.NewContact($"+1555040{i:D2}")));

        Assert.Equal(25, report.NotAttemptedCount);
        Assert.Equal(0, Onc.Count("AddCampaignContact"));
        Assert.InRange(Onc.Count("OpenAPISession"), 1, 2);
        Assert.Contains(report.NotAttempted, r => r.Failure.Kind == BatchFailureKind.AuthenticationFailed && r.Failure.ErrorCode == "1");
    }

    [Fact]
    public async Task Cancelling_reports_the_rest_as_not_attempted()
    {
        Onc.CallDelay = TimeSpan.FromMilliseconds(50);
        await using var client = new OncClient(Onc.Options(o => o.MaxConcurrency = 1));
        using var cancel = new CancellationTokenSource();
        var results = new List<BatchChunkResult<OutboundNotificationContactInfo>>();

        await foreach (var result in client.AddCampaignContactsInChunksAsync(Enumerable.Range(0, 30).Select(i => Samples.NewContact($"+1555050{i:D2}")), cancel.Token))
        {
            results.Add(result);
            if (results.Count == 3)
                await cancel.CancelAsync();
        }

        Assert.Equal(30, results.Sum(r => r.Items.Count));
        Assert.Contains(results, r => r.Outcome == BatchItemOutcome.NotAttempted && r.Failure!.Kind == BatchFailureKind.Cancelled);
        // A contact on the wire when the batch was cancelled is unknown (the service may have it), not "not attempted":
        // the service received every accepted contact, none it was not told of, and no contact reported not attempted.
        var received = ReceivedContactIds();
        HashSet<Guid> IdsOf(params BatchItemOutcome[] outcomes) => results.Where(r => outcomes.Contains(r.Outcome)).SelectMany(r => r.Items).Select(c => c.Id).ToHashSet();
        Assert.Subset(received.ToHashSet(), IdsOf(BatchItemOutcome.Accepted));
        Assert.Superset(received.ToHashSet(), IdsOf(BatchItemOutcome.Accepted, BatchItemOutcome.Unknown));
        Assert.Empty(IdsOf(BatchItemOutcome.NotAttempted).Intersect(received));
    }

    [Fact]
    public async Task Over_a_failing_server_contacts_that_left_are_unknown_and_none_is_sent_twice()
    {
        await using var client = new OncClient(Onc.Options(o => { o.Timeout = TimeSpan.FromSeconds(2); o.MaxConcurrency = 4; o.MaxRetries = 3; }));
        await client.AddCampaignContactAsync(Samples.NewContact("+15550899")).WaitAsync(Bound.Test); // an open session: the batch's calls are not the client's first
        // By the destination's last digit: 0 to 2 answered 503, 3 to 5 never answered (the call's timeout passes), 6 to 9 accepted.
        Onc.Handle = async exchange =>
        {
            if (exchange.Operation != "AddCampaignContact")
                return false;
            var digit = DestinationOf(exchange.RequestBody)[^1];
            if (digit <= '2')
            {
                exchange.Context.Response.StatusCode = 503;
                return true;
            }
            if (digit <= '5')
            {
                await FakeOnc.StallAsync(exchange.Context);
                return true;
            }
            return false;
        };
        var contacts = Enumerable.Range(0, 20).Select(i => Samples.NewContact($"+155509{i:D2}")).ToList();

        var report = await client.AddCampaignContactsAsync(contacts, keepAcceptedContacts: true).WaitAsync(Bound.Test);

        var received = ReceivedContactIds().Skip(1).ToList();
        Assert.Equal(received.Count, received.Distinct().Count()); // none sent twice
        var accepted = report.Accepted.Select(c => c.Id).ToHashSet();
        var unknown = report.Unknown.Select(u => u.Item.Id).ToHashSet();
        Assert.Equal((20L, 0L, 0L), (report.TotalCount, report.RejectedCount, report.NotAttemptedCount));
        Assert.Subset(received.ToHashSet(), accepted); // accepted means the service has it
        Assert.Superset(Ending("012345"), unknown); // none of these can have been accepted, and each left
        Assert.Subset(Ending("6789"), accepted);
        Assert.All(report.Unknown, u => Assert.Equal(DeliveryState.Unknown, Assert.IsAssignableFrom<VendorApiException>(u.Failure.Exception).Delivery));

        HashSet<Guid> Ending(string digits) => contacts.Where(c => digits.Contains(c.SMSCommInfo!.Destination![^1], StringComparison.Ordinal)).Select(c => c.Id).ToHashSet();
    }

    private List<Guid> ReceivedContactIds()
        => Onc.CallsTo("AddCampaignContact").Select(c => Guid.Parse((string)c.Element(Tempuri + "contact")!.Element(Dc + "Id")!)).ToList();

    private static string DestinationOf(string requestBody)
        => (string)XElement.Parse(requestBody).Descendants(Dc + "Destination").First();
}
