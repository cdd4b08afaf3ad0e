using System.Globalization;
using Contracts.Ogangi;
using Contracts.Sandbox;
using Contracts.Sandbox.Ogangi;

namespace Contracts.Cli.Demo;

/// <summary>Ogangi in the demo: a signed SMS, a client with the wrong key refused as BAD_SIGNATURE, MO messages listed with a filter.</summary>
internal sealed class OgangiDemo : IVendorDemo
{
    public string Title => "Ogangi (Messangi) Campaign Manager";

    public async Task RunAsync(CommandContext context, SandboxServer sandbox, DemoSteps steps, CancellationToken cancellationToken)
    {
        using var client = sandbox.CreateOgangiClient();

        // An SMS: every path parameter signed with the workspace's private key, the number and text Base64url-encoded.
        const string text = "Your order #1042 has shipped";
        var message = (await client.SendSmsAsync("+13056708084", text, OgangiSandboxOptions.DemoShortCode, cancellationToken: cancellationToken)).Messages!.Single();
        var stored = sandbox.Ogangi.SentMessages[^1];
        steps.Record("ogangi.send-sms",
            $"sendSMS to {message.To} via {message.Carrier}: message {message.Id}, {message.Status} ({message.StatusDescription}); the sandbox decoded \"{stored.Text}\"",
            message.Status == "SENT_TO_CARRIER" && message.Id == stored.Id.ToString(CultureInfo.InvariantCulture) && stored.Text == text && stored.To == "13056708084");

        // A client whose private key is not the workspace's: Ogangi answers BAD_SIGNATURE and sends nothing.
        var wrongKey = sandbox.CreateOgangiClientOptions();
        wrongKey.PrivateKey = "not-the-workspace-private-key";
        using var impostor = new OgangiClient(wrongKey);
        var sentBefore = sandbox.Ogangi.SentMessages.Count;
        try
        {
            await impostor.SendSmsAsync("+13056708084", text, OgangiSandboxOptions.DemoShortCode, cancellationToken: cancellationToken);
            steps.Record("ogangi.bad-signature", "a call signed with the wrong private key was accepted", asExpected: false);
        }
        catch (OgangiException refused)
        {
            steps.Record("ogangi.bad-signature",
                $"a client with the wrong private key was refused: {refused.ErrorCode} \"{refused.VendorMessage}\" (HTTP {refused.StatusCode}); nothing sent",
                refused.IsBadSignature && sandbox.Ogangi.SentMessages.Count == sentBefore);
        }

        // An MO fired as if a user had replied, then the incoming messages whose keyword starts with OGANGI, newest first.
        await client.FireMessageAsync("584140000000", "OGANGI yes please", cancellationToken);
        var page = await client.GetMoMessagesAsync(1, 5, new OgangiMoFilter { Keywords = ["^OGANGI"], Order = OgangiSortOrder.Descending }, cancellationToken);
        var expected = sandbox.Ogangi.IncomingMessages.Count(m => m.Keyword.StartsWith("OGANGI", StringComparison.Ordinal));
        var newest = page.Messages!.FirstOrDefault();
        steps.Record("ogangi.mo-list",
            $"getMOMessages keyword=^OGANGI order=desc: {page.Records} of {sandbox.Ogangi.IncomingMessages.Count} MO messages match, page 1 shows {page.Messages!.Count}, newest \"{newest?.Text}\" from {newest?.From}",
            page.Records == expected && page.Messages.Count == Math.Min(5, expected) && newest?.Text == "OGANGI yes please");
    }
}
