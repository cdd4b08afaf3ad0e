using System.Collections.Concurrent;
using System.Xml.Linq;
using Contracts.Core;
using Contracts.Core.Http;
using static Contracts.Onc.Tests.OncContract;

namespace Contracts.Onc.Tests;

/// <summary>
/// Every SOAP request is a POST, so the pipeline resends after a 503 or 504 only what the contract marks idempotent
/// (sdk:idempotent on the WSDL's operations, generated into OutboundNotificationsCampaignsServiceOperations); a 429
/// says the service did nothing, so any operation is sent again after it.
/// </summary>
public sealed class RetryByContractTests : FakeOncTests
{
    [Theory]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_503_or_504_on_AddCampaignContact_is_not_sent_again_and_its_delivery_is_unknown(int status)
    {
        await using var client = new OncClient(Onc.Options(o => o.MaxRetries = 3));
        await client.GetCampaignListingAsync().WaitAsync(Bound.Test);
        Onc.Intercept = (operation, _) => operation == "AddCampaignContact" ? (status, "text/html", "<html>busy</html>") : null;

        var error = await Assert.ThrowsAsync<OncException>(() => client.AddCampaignContactAsync(Samples.NewContact("+15550800")).WaitAsync(Bound.Test));

        Assert.Equal((status, DeliveryState.Unknown, "AddCampaignContact"), (error.StatusCode, error.Delivery, error.Operation));
        Assert.Equal(1, Onc.Count("AddCampaignContact"));
    }

    [Theory]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_503_or_504_on_GetCampaignListing_is_sent_again(int status)
    {
        await using var client = new OncClient(Onc.Options(o => o.MaxRetries = 2));
        Onc.Intercept = (operation, attempt) => operation == "GetCampaignListing" && attempt == 1 ? (status, "text/html", "<html>busy</html>") : null;

        Assert.Equal([Samples.SpringCampaign], await client.GetCampaignListingAsync().WaitAsync(Bound.Test));

        Assert.Equal(2, Onc.Count("GetCampaignListing"));
        Assert.Equal(Onc.CallsTo("GetCampaignListing")[0].ToString(), Onc.CallsTo("GetCampaignListing")[1].ToString());
    }

    [Theory]
    [InlineData("AddCampaignContact")]
    [InlineData("GetCampaignListing")]
    public async Task A_429_is_sent_again_whatever_the_operation(string operation)
    {
        await using var client = new OncClient(Onc.Options(o => o.MaxRetries = 2));
        await client.GetCampaignsAsync().WaitAsync(Bound.Test);
        Onc.Intercept = (called, attempt) => called == operation && attempt == 1 ? (429, "text/plain", "slow down") : null;

        await (operation == "AddCampaignContact"
            ? client.AddCampaignContactAsync(Samples.NewContact("+15550802"))
            : client.GetCampaignListingAsync()).WaitAsync(Bound.Test);

        Assert.Equal(2, Onc.Count(operation));
    }

    [Fact]
    public async Task Each_request_tells_the_pipeline_its_operation_and_whether_the_contract_makes_it_idempotent()
    {
        var seen = new ConcurrentQueue<VendorOperation>();
        var options = Onc.Options();
        // The recorder is the transport under the SDK's pipeline: it sees the operation the pipeline was told.
        using var transport = new OperationRecorder(seen) { InnerHandler = VendorHttpPipeline.CreateTransport() };
        await using (var client = new OncClient(options, transport))
        {
            await client.GetCampaignsAsync().WaitAsync(Bound.Test);
            await client.AddCampaignContactAsync(Samples.NewContact("+15550803")).WaitAsync(Bound.Test);
        }

        Assert.Equal(
            [("OpenAPISession", true), ("GetCampaigns", true), ("AddCampaignContact", false), ("CloseAPISession", true)],
            seen.Select(o => (o.Id, o.IsIdempotent)));
        Assert.All(seen, o => Assert.Equal(ActionPrefix + o.Id, o.RouteTemplate));
    }

    [Fact]
    public void The_generated_idempotent_actions_are_the_operations_the_contract_marks()
    {
        XNamespace sdk = "urn:contracts-sdk:extensions";
        var marked = Load().Root!.Element(Wsdl + "portType")!.Elements(Wsdl + "operation")
            .Where(o => (string?)o.Attribute(sdk + "idempotent") == "true")
            .Select(o => ActionPrefix + (string)o.Attribute("name")!);

        Assert.Equal(marked.Order(StringComparer.Ordinal), OutboundNotificationsCampaignsServiceOperations.IdempotentActions.Order(StringComparer.Ordinal));
        Assert.Equal(
            ["CloseAPISession", "GetCampaign", "GetCampaignContacts", "GetCampaignContactsListing", "GetCampaignListing", "GetCampaigns", "OpenAPISession"],
            OutboundNotificationsCampaignsServiceOperations.IdempotentActions.Select(a => OutboundNotificationsCampaignsServiceOperations.NameByAction[a]).Order(StringComparer.Ordinal));
    }

    /// <summary>Records what the pipeline knows of each request's operation, next to the transport.</summary>
    private sealed class OperationRecorder(ConcurrentQueue<VendorOperation> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Options.TryGetValue(VendorOperation.Key, out var operation))
                seen.Enqueue(operation);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
