using Contracts.Engage;
using Microsoft.Extensions.Configuration;

namespace Contracts.Cli.Engage;

/// <summary>
/// An ENGAGE client for a command: the real service when credentials are configured, otherwise the embedded
/// sandbox, announced on standard error.
/// </summary>
internal static class EngageConnection
{
    public static Task<VendorConnection<EngageClient>> OpenAsync(IConfiguration configuration, CommandContext context, Action<EngageClientOptions> adjust, CancellationToken cancellationToken)
    {
        var options = CliSettings.Bind(configuration.GetSection("Engage"), new EngageClientOptions());
        return VendorConnection<EngageClient>.OpenAsync(
            "ENGAGE",
            hasCredentials: !string.IsNullOrEmpty(options.ClientId) || !string.IsNullOrEmpty(options.ClientSecret),
            "set NOTIFY_ENGAGE__CLIENTID and NOTIFY_ENGAGE__CLIENTSECRET, or Engage:ClientId and Engage:ClientSecret in the --settings file",
            sandbox => sandbox.EngageBaseUrl,
            sandbox =>
            {
                if (sandbox is not null)
                {
                    var sandboxOptions = sandbox.CreateEngageClientOptions();
                    options.BaseUrl = sandboxOptions.BaseUrl;
                    options.ClientId = sandboxOptions.ClientId;
                    options.ClientSecret = sandboxOptions.ClientSecret;
                }
                adjust(options);
                return new EngageClient(options);
            },
            context,
            cancellationToken);
    }
}
