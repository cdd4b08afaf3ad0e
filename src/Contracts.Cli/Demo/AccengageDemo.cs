using Contracts.Accengage;
using Contracts.Core;
using Contracts.Sandbox;
using Contracts.Sandbox.Accengage;

namespace Contracts.Cli.Demo;

/// <summary>
/// Accengage in the demo: a signed token request, lists read over several pages by the Link header, an instant
/// message to 250 targets split into requests of at most 100, tokens expiring mid-run, and a wrong API key refused.
/// </summary>
internal sealed class AccengageDemo : IVendorDemo
{
    private const int Targets = 250;

    public string Title => "Accengage";

    public async Task RunAsync(CommandContext context, SandboxServer sandbox, DemoSteps steps, CancellationToken cancellationToken)
    {
        var accengage = sandbox.Accengage;
        using var client = sandbox.CreateAccengageClient();

        var welcome = await client.GetMeAsync(cancellationToken);
        steps.Record("accengage.token", $"signed token request for {sandbox.Options.Accengage.UserEmail} granted; GET /v1/me answered \"{welcome}\" (token requests: {accengage.TokenRequests})",
            welcome == "Welcome" && accengage.TokenRequests == 1);

        var campaigns = await client.EnumerateCampaignsAsync(cancellationToken: cancellationToken).Select(c => c.Id).ToListAsync(cancellationToken);
        var messages = await client.EnumerateMessagesAsync(cancellationToken: cancellationToken).CountAsync(cancellationToken);
        var pages = (campaigns.Count + sandbox.Options.Accengage.PageSize - 1) / sandbox.Options.Accengage.PageSize;
        steps.Record("accengage.paging",
            $"{campaigns.Count} campaigns read over {pages} pages and {messages} messages, following Link rel=\"next\" until the last page had none",
            campaigns.Count == AccengageDemoAccount.CampaignCount && campaigns.Distinct().Count() == campaigns.Count && messages == AccengageDemoAccount.MessageCount && pages > 1);

        var requestsBefore = accengage.InstantMessageRequests;
        var report = await client.SendInstantMessageToAllAsync(
            new MessageData { ParentMessageId = AccengageDemoAccount.MessageId, Text = "Hi ${firstname}, summer sales start now" },
            Enumerable.Range(0, Targets).Select(i => new Target { AdditionalProperties = { ["clientId"] = i < 3 ? "123456" : $"C{i:D6}" }, Data = new Dictionary<string, object> { ["firstname"] = $"User {i}" } }),
            cancellationToken: cancellationToken);
        var requests = accengage.InstantMessageRequests - requestsBefore;
        steps.Record("accengage.instant-message",
            $"{report.AcceptedCount} of {Targets} targets accepted in {requests} instant messages of at most {accengage.LargestInstantMessage} targets (Accengage allows 100)",
            report.AcceptedCount == Targets && requests == (Targets + 99) / 100 && accengage.LargestInstantMessage <= AccengageLimits.MaxTargetsPerInstantMessage);

        var tokensBefore = accengage.TokenRequests;
        accengage.ExpireCredentials();
        var campaign = await client.GetCampaignAsync(AccengageSandboxOptions.DemoPartnerId, AccengageDemoAccount.CampaignId, cancellationToken);
        steps.Record("accengage.token-refresh",
            $"tokens expired server-side (401 API_ERR_TOKEN); the client got a new one once and read campaign {campaign.Id} \"{campaign.Name}\" (token requests: {tokensBefore} -> {accengage.TokenRequests})",
            accengage.TokenRequests == tokensBefore + 1);

        var wrongKey = sandbox.CreateAccengageClientOptions();
        wrongKey.ApiKey = "not-the-api-key";
        using var refusedClient = new AccengageClient(wrongKey);
        var refusals = accengage.SignatureRefusals;
        try
        {
            await refusedClient.GetMeAsync(cancellationToken);
            steps.Record("accengage.bad-api-key", "a request signed with a wrong API key was accepted", asExpected: false);
        }
        catch (AccessTokenException refused)
        {
            steps.Record("accengage.bad-api-key",
                $"a wrong API key: the signed token request was refused with HTTP {refused.StatusCode} {refused.ErrorCode}; nothing else was sent",
                refused.StatusCode == 400 && refused.ErrorCode == "API_ERR_SIGNATURE" && accengage.SignatureRefusals == refusals + 1);
        }
    }
}
