using Contracts.Onc;
using Microsoft.Extensions.Configuration;

namespace Contracts.Cli.Onc;

/// <summary>
/// An ONC client for a command: the real service when credentials are configured (NOTIFY_ONC__BASEURL,
/// NOTIFY_ONC__ACCOUNTID, NOTIFY_ONC__USERNAME, NOTIFY_ONC__PASSWORD, or the "Onc" section of --settings), otherwise
/// the embedded sandbox, announced on standard error. Disposing the connection closes the session.
/// </summary>
internal static class OncConnection
{
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">Credentials are configured but incomplete; the message names the option.</exception>
    public static Task<VendorConnection<OncClient>> OpenAsync(IConfiguration configuration, CommandContext context, Action<OncClientOptions> adjust, CancellationToken cancellationToken)
    {
        var options = CliSettings.Bind(configuration.GetSection("Onc"), new OncClientOptions());
        return VendorConnection<OncClient>.OpenAsync(
            "ONC",
            hasCredentials: !string.IsNullOrEmpty(options.AccountId) || !string.IsNullOrEmpty(options.UserName) || !string.IsNullOrEmpty(options.Password),
            "set NOTIFY_ONC__BASEURL, NOTIFY_ONC__ACCOUNTID, NOTIFY_ONC__USERNAME and NOTIFY_ONC__PASSWORD, or Onc:BaseUrl, Onc:AccountId, Onc:UserName and Onc:Password in the --settings file",
            sandbox => sandbox.OncBaseUrl,
            sandbox =>
            {
                if (sandbox is not null)
                {
                    var sandboxOptions = sandbox.CreateOncClientOptions();
                    options.BaseUrl = sandboxOptions.BaseUrl;
                    options.AccountId = sandboxOptions.AccountId;
                    options.UserName = sandboxOptions.UserName;
                    options.Password = sandboxOptions.Password;
                }
                adjust(options);
                return new OncClient(options);
            },
            context,
            cancellationToken);
    }
}
