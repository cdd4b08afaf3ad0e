using System.CommandLine;

namespace Contracts.Cli.Ogangi;

/// <summary>`notify ogangi`: send SMS and list incoming messages through an Ogangi (Messangi) Campaign Manager.</summary>
internal static class OgangiCommand
{
    public static Command Create(GlobalOptions globals) => new("ogangi",
        "Ogangi (Messangi) Campaign Manager: send SMS, list incoming messages (MO).\n" +
        "Credentials: NOTIFY_OGANGI__BASEURL (your Campaign Manager's .../rest/api/), NOTIFY_OGANGI__INSTANCEID, NOTIFY_OGANGI__PUBLICKEY, " +
        "NOTIFY_OGANGI__PRIVATEKEY and optionally NOTIFY_OGANGI__FROM (default short code), or the same under \"Ogangi\" in --settings. " +
        "Without them a command fails (exit 2); --sandbox uses the embedded sandbox.")
    {
        OgangiSendSmsCommand.Create(globals),
        new Command("mo", "Incoming messages (MO).") { OgangiMoListCommand.Create(globals) },
    };
}
