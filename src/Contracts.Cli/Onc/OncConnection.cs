using Contracts.Onc;
using Contracts.Sandbox;
using Microsoft.Extensions.Configuration;

namespace Contracts.Cli.Onc;

/// <summary>
/// An ONC client for a command: the real service when credentials are configured (NOTIFY_ONC__BASEURL,
/// NOTIFY_ONC__ACCOUNTID, NOTIFY_ONC__USERNAME, NOTIFY_ONC__PASSWORD, or the "Onc" section of --settings), otherwise
/// the embedded sandbox, announced on standard error. Disposing closes the session.
/// </summary>
internal sealed class OncConnection : IAsyncDisposable
{
    private OncConnection(OncClient client, SandboxServer? sandbox)
    {
        Client = client;
        Sandbox = sandbox;
    }

    public OncClient Client { get; }

    /// <summary>The embedded sandbox, when no credentials were given.</summary>
    public SandboxServer? Sandbox { get; }

    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">Credentials are configured but incomplete; the message names the option.</exception>
    public static async Task<OncConnection> OpenAsync(IConfiguration configuration, CommandContext context, Action<OncClientOptions> adjust, CancellationToken cancellationToken)
    {
        var options = new OncClientOptions();
        configuration.GetSection("Onc").Bind(options);
        SandboxServer? sandbox = null;
        if (string.IsNullOrEmpty(options.AccountId) && string.IsNullOrEmpty(options.UserName) && string.IsNullOrEmpty(options.Password))
        {
            sandbox = await SandboxServer.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            context.Note($"No ONC credentials (set NOTIFY_ONC__BASEURL, NOTIFY_ONC__ACCOUNTID, NOTIFY_ONC__USERNAME and NOTIFY_ONC__PASSWORD, or pass --settings): using the embedded sandbox at {sandbox.OncBaseUrl}");
            var sandboxOptions = sandbox.CreateOncClientOptions();
            options.BaseUrl = sandboxOptions.BaseUrl;
            options.AccountId = sandboxOptions.AccountId;
            options.UserName = sandboxOptions.UserName;
            options.Password = sandboxOptions.Password;
        }
        adjust(options);
        try
        {
            return new OncConnection(new OncClient(options), sandbox);
        }
        catch
        {
            if (sandbox is not null)
                await sandbox.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync().ConfigureAwait(false);
        if (Sandbox is not null)
            await Sandbox.DisposeAsync().ConfigureAwait(false);
    }
}
