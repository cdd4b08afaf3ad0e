using Contracts.Sandbox;

namespace Contracts.Cli;

/// <summary>
/// A vendor client for one command and, with --sandbox, the embedded sandbox it talks to instead (started here,
/// announced on standard error, stopped with the connection). Without --sandbox and without credentials there is no
/// client: a scheduled job must fail, not report success while sending nothing.
/// </summary>
internal sealed class VendorConnection<TClient> : IAsyncDisposable
    where TClient : IDisposable
{
    private VendorConnection(TClient client, SandboxServer? sandbox)
    {
        Client = client;
        Sandbox = sandbox;
    }

    public TClient Client { get; }

    /// <summary>The embedded sandbox, with --sandbox.</summary>
    public SandboxServer? Sandbox { get; }

    /// <summary>
    /// Creates the client: against a sandbox started now when the command asked for it (--sandbox, said on standard
    /// error), else with the configured credentials.
    /// </summary>
    /// <exception cref="MissingCredentialsException">No --sandbox and no credentials: nothing is sent.</exception>
    /// <param name="vendor">The vendor as users know it.</param>
    /// <param name="hasCredentials">Whether the settings hold credentials for the vendor.</param>
    /// <param name="howToConfigure">How to give credentials, e.g. "set NOTIFY_ENGAGE__CLIENTID ..., or pass --settings".</param>
    /// <param name="baseUrlOf">The vendor's base URL in the sandbox, for the note.</param>
    /// <param name="createClient">Creates the client; given the sandbox when there is one.</param>
    /// <param name="context">Where the note goes.</param>
    /// <param name="cancellationToken">Cancels starting the sandbox.</param>
    public static async Task<VendorConnection<TClient>> OpenAsync(
        string vendor, bool hasCredentials, string howToConfigure, Func<SandboxServer, Uri> baseUrlOf,
        Func<SandboxServer?, TClient> createClient, CommandContext context, CancellationToken cancellationToken)
    {
        SandboxServer? sandbox = null;
        if (context.UseSandbox)
        {
            sandbox = await SandboxServer.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            context.Note($"--sandbox: using the embedded sandbox at {baseUrlOf(sandbox)}; nothing goes to {vendor}{(hasCredentials ? " (the configured credentials are not used)" : "")}.");
        }
        else if (!hasCredentials)
        {
            throw new MissingCredentialsException(vendor, howToConfigure);
        }
        try
        {
            return new VendorConnection<TClient>(createClient(sandbox), sandbox);
        }
        catch
        {
            // Invalid settings: the client was never made, so the sandbox is stopped here.
            if (sandbox is not null)
                await sandbox.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // A client with asynchronous clean-up (ONC closes its session) is given the chance to do it.
        if (Client is IAsyncDisposable asynchronous)
            await asynchronous.DisposeAsync().ConfigureAwait(false);
        else
            Client.Dispose();
        if (Sandbox is not null)
            await Sandbox.DisposeAsync().ConfigureAwait(false);
    }
}
