using System.CommandLine;

namespace Contracts.Cli.Onc;

/// <summary>`notify onc`: Dynamic Notifications outbound campaigns (ONC).</summary>
internal static class OncCommand
{
    public static Command Create(GlobalOptions globals) => new("onc",
        "Dynamic Notifications outbound campaigns (ONC, SOAP): list campaigns, add contacts from a file.\n"
        + "Credentials: NOTIFY_ONC__BASEURL (the service's .svc address), NOTIFY_ONC__ACCOUNTID, NOTIFY_ONC__USERNAME and NOTIFY_ONC__PASSWORD, "
        + "or {\"Onc\":{\"BaseUrl\":...,\"AccountId\":...,\"UserName\":...,\"Password\":...}} in --settings; without them a command fails (exit 2); --sandbox uses the embedded sandbox.")
    {
        new Command("campaigns", "ONC campaigns.") { OncCampaignsListCommand.Create(globals) },
        new Command("contacts", "Contacts within an ONC campaign.") { OncContactsAddCommand.Create(globals) },
    };
}
