using Contracts.Accengage;
using Microsoft.Extensions.Configuration;

namespace Contracts.Cli.Accengage;

/// <summary>
/// An Accengage client for a command: the real service when a user e-mail or API key is configured
/// (NOTIFY_ACCENGAGE__USEREMAIL, NOTIFY_ACCENGAGE__APIKEY, NOTIFY_ACCENGAGE__PARTNERID, optionally
/// NOTIFY_ACCENGAGE__BASEURL, or the "Accengage" section of --settings), otherwise the embedded sandbox's demo
/// account, announced on standard error.
/// </summary>
internal static class AccengageConnection
{
    public static Task<VendorConnection<AccengageClient>> OpenAsync(IConfiguration configuration, CommandContext context, string? partnerId, Action<AccengageClientOptions>? adjust, CancellationToken cancellationToken)
    {
        var options = CliSettings.Bind(configuration.GetSection("Accengage"), new AccengageClientOptions());
        return VendorConnection<AccengageClient>.OpenAsync(
            "Accengage",
            hasCredentials: !string.IsNullOrEmpty(options.UserEmail) || !string.IsNullOrEmpty(options.ApiKey),
            "set NOTIFY_ACCENGAGE__USEREMAIL, NOTIFY_ACCENGAGE__APIKEY and NOTIFY_ACCENGAGE__PARTNERID, or Accengage:UserEmail, Accengage:ApiKey and Accengage:PartnerId in the --settings file",
            sandbox => sandbox.AccengageBaseUrl,
            sandbox =>
            {
                if (sandbox is not null)
                {
                    var demo = sandbox.CreateAccengageClientOptions();
                    options.BaseUrl = demo.BaseUrl;
                    options.UserEmail = demo.UserEmail;
                    options.ApiKey = demo.ApiKey;
                    if (string.IsNullOrEmpty(options.PartnerId))
                        options.PartnerId = demo.PartnerId;
                }
                if (!string.IsNullOrEmpty(partnerId))
                    options.PartnerId = partnerId;
                adjust?.Invoke(options);
                return new AccengageClient(options);
            },
            context,
            cancellationToken);
    }
}
