using Contracts.Sandbox;

namespace Contracts.Cli;

/// <summary>
/// A vendor client for one command: the real vendor when its credentials are configured, otherwise the embedded
/// sandbox, started here, announced on standard error and stopped with the connection.
/// </summary>
/// <typeparam name="TClient">The vendor's client.</typeparam>
internal sealed class VendorConnection<TClient> : IAsyncDisposable
    where TClient : IDisposable
{
    private VendorConnection(TClient client, SandboxServer? sandbox)
    {
        Client = client;
        Sandbox = sandbox;
    }

    public TClient Client { get; }

    /// <summary>The embedded sandbox, when no credentials were given.</summary>
    public SandboxServer? Sandbox { get; }

    /// <summary>Opens the connection.</summary>
    /// <param name="context">Where the sandbox note goes.</param>
    /// <param name="configured">Whether credentials for the real vendor were given.</param>
    /// <param name="missingCredentials">What to set to use the real vendor, for the note, e.g. "No ENGAGE credentials (set ...)".</param>
    /// <param name="baseUrlOf">The vendor's base URL in the sandbox, for the note.</param>
    /// <param name="create">Creates the client; gets the sandbox when there is one, to take its address and demo credentials.</param>
    /// <param name="cancellationToken">Stops the sandbox from starting.</param>
    public static async Task<VendorConnection<TClient>> OpenAsync(
        CommandContext context, bool configured, string missingCredentials, Func<SandboxServer, Uri> baseUrlOf, Func<SandboxServer?, TClient> create, CancellationToken cancellationToken)
    {
        SandboxServer? sandbox = null;
        if (!configured)
        {
            sandbox = await SandboxServer.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            context.Note($"{missingCredentials}: using the embedded sandbox at {baseUrlOf(sandbox)}");
        }
        try
        {
            return new VendorConnection<TClient>(create(sandbox), sandbox);
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
