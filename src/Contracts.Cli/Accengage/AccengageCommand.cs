using System.CommandLine;

namespace Contracts.Cli.Accengage;

/// <summary>`notify accengage`: campaigns and messages (every page), instant messages, devices into static lists.</summary>
internal static class AccengageCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var partner = new Option<string?>("--partner")
        {
            Description = "Partner ID of the app (default: NOTIFY_ACCENGAGE__PARTNERID, or with --sandbox the sandbox's demo app).",
            Recursive = true,
        };
        return new Command(
            "accengage",
            "Accengage: list campaigns and messages, send instant messages, upsert devices into static lists.\n" +
            "Credentials: NOTIFY_ACCENGAGE__USEREMAIL, NOTIFY_ACCENGAGE__APIKEY, NOTIFY_ACCENGAGE__PARTNERID (and NOTIFY_ACCENGAGE__BASEURL), " +
            "or {\"Accengage\":{\"UserEmail\":...,\"ApiKey\":...,\"PartnerId\":...}} in --settings; without them a command fails (exit 2); --sandbox uses the embedded sandbox's demo account.")
        {
            partner,
            new Command("campaigns", "Campaigns of the app.") { AccengageListCommand.Campaigns(globals, partner) },
            new Command("messages", "Push messages of the app.") { AccengageListCommand.Messages(globals, partner) },
            AccengageSendCommand.Create(globals, partner),
            new Command("devices", "Devices of the app.") { AccengageDevicesUpsertCommand.Create(globals, partner) },
        };
    }
}
