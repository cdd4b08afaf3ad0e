using Contracts.Engage;
using Contracts.Sandbox;
using Microsoft.Extensions.Configuration;

namespace Contracts.Cli.Engage;

/// <summary>
/// An ENGAGE client for a command: the real service when credentials are configured, otherwise the embedded
/// sandbox, announced on standard error.
/// </summary>
internal sealed class EngageConnection : IAsyncDisposable
{
    private EngageConnection(EngageClient client, SandboxServer? sandbox)
    {
        Client = client;
        Sandbox = sandbox;
    }

    public EngageClient Client { get; }

    /// <summary>The embedded sandbox, when no credentials were given.</summary>
    public SandboxServer? Sandbox { get; }

    public static async Task<EngageConnection> OpenAsync(IConfiguration configuration, CommandContext context, Action<EngageClientOptions> adjust, CancellationToken cancellationToken)
    {
        var options = new EngageClientOptions();
        configuration.GetSection("Engage").Bind(options);
        SandboxServer? sandbox = null;
        if (string.IsNullOrEmpty(options.ClientId) && string.IsNullOrEmpty(options.ClientSecret))
        {
            sandbox = await SandboxServer.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            context.Note($"No ENGAGE credentials (set NOTIFY_ENGAGE__CLIENTID and NOTIFY_ENGAGE__CLIENTSECRET, or pass --settings): using the embedded sandbox at {sandbox.EngageBaseUrl}");
            var sandboxOptions = sandbox.CreateEngageClientOptions();
            options.BaseUrl = sandboxOptions.BaseUrl;
            options.ClientId = sandboxOptions.ClientId;
            options.ClientSecret = sandboxOptions.ClientSecret;
        }
        adjust(options);
        try
        {
            return new EngageConnection(new EngageClient(options), sandbox);
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
        Client.Dispose();
        if (Sandbox is not null)
            await Sandbox.DisposeAsync().ConfigureAwait(false);
    }
}
