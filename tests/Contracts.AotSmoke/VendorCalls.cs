using Contracts.Accengage;
using Contracts.Engage;
using Contracts.Ogangi;

namespace Contracts.AotSmoke;

/// <summary>
/// A few calls per vendor that cross every part of its client: token or signing, a JSON or XML answer, a request body,
/// a batch, paging (JSON and CSV). Each checks what the sandbox answers, not only that nothing threw.
/// </summary>
internal static class VendorCalls
{
    public static async Task EngageAsync(SmokeSteps steps, string how, IEngageClient client, Guid program)
    {
        await steps.RunAsync($"ENGAGE ({how}) token health", async () =>
        {
            var health = await client.CheckTokenHealthAsync();
            return health.Message ?? "";
        });
        await steps.RunAsync($"ENGAGE ({how}) batch push", async () =>
        {
            var report = await client.PushAllAsync(EngagePush.FromANumbers(program, ["+5014008029"]),
                [new Destination { BNumber = "+15550000001" }, new Destination { BNumber = "+15550000002" }]);
            SmokeSteps.Require(report.AcceptedCount == 2, $"{report.AcceptedCount} of 2 accepted");
            return $"{report.AcceptedCount} accepted";
        });
    }

    public static async Task OgangiAsync(SmokeSteps steps, string how, IOgangiClient client, string shortCode)
    {
        await steps.RunAsync($"Ogangi ({how}) sendSMS", async () =>
        {
            var sent = await client.SendSmsAsync("584141234567", "AOT smoke", shortCode);
            var messages = sent.Messages ?? [];
            SmokeSteps.Require(messages.Count > 0, "no message in the answer");
            return $"{messages.Count} message(s)";
        });
        await steps.RunAsync($"Ogangi ({how}) fireMessage (POST, JSON body)", async () =>
        {
            // The only JSON Ogangi receives: the descriptor goes out through the client's source-generated context.
            var fired = await client.FireMessageAsync(FireMessageDescriptor.Create(shortCode, "STOP", "584141234567"));
            SmokeSteps.Require(fired.MtSent is { Text: "STOP", Mobilenumber: "584141234567" }, "the answer does not echo the message fired");
            return $"fired {fired.MtSent!.Text} for {fired.MtSent.Mobilenumber}";
        });
        await steps.RunAsync($"Ogangi ({how}) MO messages", async () =>
        {
            var page = await client.GetMoMessagesAsync(1, 10);
            return $"{page.Messages?.Count ?? 0} messages of {page.Records} records";
        });
    }

    public static async Task AccengageAsync(SmokeSteps steps, string how, IAccengageClient client)
    {
        await steps.RunAsync($"Accengage ({how}) campaigns, paged", async () =>
        {
            var count = 0;
            await foreach (var _ in client.EnumerateCampaignsAsync())
                count++;
            SmokeSteps.Require(count > 0, "no campaign");
            return $"{count} campaigns";
        });
        await steps.RunAsync($"Accengage ({how}) devices, CSV pages", async () =>
        {
            var count = 0;
            await foreach (var _ in client.EnumerateDevicesAsync())
                count++;
            return $"{count} devices";
        });
    }
}
