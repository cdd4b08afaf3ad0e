using Contracts.Ogangi;
using Contracts.Sandbox.Ogangi;
using Microsoft.Extensions.Configuration;

namespace Contracts.Cli.Ogangi;

/// <summary>
/// Runs an Ogangi command: a client for the customer's Campaign Manager when credentials are configured (Ogangi:BaseUrl,
/// InstanceId, PublicKey, PrivateKey), otherwise for the embedded sandbox; and every way a call can fail turned into
/// a documented exit code.
/// </summary>
internal static class OgangiConnection
{
    /// <summary>The configuration section: NOTIFY_OGANGI__* variables or "Ogangi" in the settings file.</summary>
    public const string Section = "Ogangi";

    /// <summary>
    /// Opens the connection, runs <paramref name="body"/> with it and the short code to send from by default
    /// (Ogangi:From, else the sandbox's), and returns its exit code, or the documented code for what went wrong: 2 for
    /// settings or values refused before sending, 3 for Ogangi refusing or not answering, 130 for Ctrl+C (see
    /// <see cref="CommandFailures"/>). Messages go to standard error and never hold the private key.
    /// </summary>
    public static async Task<int> RunAsync(GlobalOptions globals, System.CommandLine.ParseResult parse, CommandContext context, Func<VendorConnection<OgangiClient>, string?, Task<int>> body, CancellationToken cancellationToken)
    {
        return await CommandFailures.RunAsync(context, async () =>
        {
            var settings = globals.LoadSettings(parse).GetSection(Section);
            await using var connection = await OpenAsync(settings, context, cancellationToken).ConfigureAwait(false);
            var defaultFrom = settings["From"] ?? (connection.Sandbox is null ? null : OgangiSandboxOptions.DemoShortCode);
            return await body(connection, defaultFrom).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    private static Task<VendorConnection<OgangiClient>> OpenAsync(IConfiguration settings, CommandContext context, CancellationToken cancellationToken)
    {
        var options = CliSettings.Bind(settings, new OgangiClientOptions());
        return VendorConnection<OgangiClient>.OpenAsync(
            "Ogangi",
            hasCredentials: options.InstanceId is not null || !string.IsNullOrEmpty(options.PublicKey) || !string.IsNullOrEmpty(options.PrivateKey),
            "set NOTIFY_OGANGI__BASEURL, NOTIFY_OGANGI__INSTANCEID, NOTIFY_OGANGI__PUBLICKEY and NOTIFY_OGANGI__PRIVATEKEY, or Ogangi:BaseUrl, Ogangi:InstanceId, Ogangi:PublicKey and Ogangi:PrivateKey in the --settings file",
            sandbox => sandbox.OgangiBaseUrl,
            sandbox => new OgangiClient(sandbox?.CreateOgangiClientOptions() ?? options),
            context,
            cancellationToken);
    }
}
