using Contracts.Engage;
using Contracts.Accengage;
using Contracts.Ogangi;
using Contracts.Onc;
using Contracts.Sandbox;
using Contracts.Sandbox.Engage;
using Contracts.Sandbox.Ogangi;
using Contracts.Sandbox.Onc;

namespace Contracts.Cli.Sandbox;

/// <summary>
/// What `notify sandbox --json` prints: an appsettings-shaped document. Its `Contracts` section is what the SDK's
/// configuration overloads (`services.AddEngageClient(configuration.GetSection(EngageClientOptions.SectionName))`) and
/// notify's `--settings` read, so a program can be pointed at a running sandbox with its output alone; its `Sandbox`
/// section names the account's ready-made program, group, short code and campaign. The credentials are the sandbox's
/// public fake ones.
/// </summary>
internal static class SandboxSettings
{
    public static object For(SandboxServer sandbox)
    {
        var engage = sandbox.CreateEngageClientOptions();
        var ogangi = sandbox.CreateOgangiClientOptions();
        var accengage = sandbox.CreateAccengageClientOptions();
        var onc = sandbox.CreateOncClientOptions();
        return new Dictionary<string, object>
        {
            ["Contracts"] = new Dictionary<string, object>
            {
                [Section(EngageClientOptions.SectionName)] = new { BaseUrl = engage.BaseUrl, engage.ClientId, engage.ClientSecret },
                [Section(OgangiClientOptions.SectionName)] = new { BaseUrl = ogangi.BaseUrl, ogangi.InstanceId, ogangi.PublicKey, ogangi.PrivateKey },
                [Section(AccengageClientOptions.SectionName)] = new { BaseUrl = accengage.BaseUrl, accengage.PartnerId, accengage.UserEmail, accengage.ApiKey },
                [Section(OncClientOptions.SectionName)] = new { BaseUrl = onc.BaseUrl, onc.AccountId, onc.UserName, onc.Password },
            },
            ["Sandbox"] = new
            {
                BaseUrl = sandbox.BaseUrl,
                EngageProgram = EngageSandboxOptions.DemoProgram,
                EngageANumberGroup = EngageSandboxOptions.DemoANumberGroup,
                OgangiShortCode = OgangiSandboxOptions.DemoShortCode,
                OncCampaign = OncSandboxOptions.DemoCampaign,
            },
        };
    }

    // "Contracts:Engage" -> "Engage": the options' section names are paths under "Contracts".
    private static string Section(string sectionName) => sectionName[(sectionName.LastIndexOf(':') + 1)..];
}
