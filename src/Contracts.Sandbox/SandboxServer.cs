using Contracts.Accengage;
using Contracts.Engage;
using Contracts.Ogangi;
using Contracts.Onc;
using Contracts.Sandbox.Accengage;
using Contracts.Sandbox.Engage;
using Contracts.Sandbox.Faults;
using Contracts.Sandbox.Hosting;
using Contracts.Sandbox.Ogangi;
using Contracts.Sandbox.Onc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Contracts.Sandbox;

/// <summary>
/// The sandbox: one Kestrel host on 127.0.0.1 that simulates every vendor under its own path prefix, with fault
/// injection per vendor and control endpoints under /_sandbox (Pact provider states, credential expiry, reset).
/// </summary>
/// <example>
/// <code>
/// await using var sandbox = await SandboxServer.StartAsync();
/// using var engage = sandbox.CreateEngageClient();
/// await engage.PushAsync(push, destinations);
/// </code>
/// </example>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxServer(WebApplication app, Uri baseUrl, SandboxOptions options, IReadOnlyList<VendorSimulator> simulators)
    {
        _app = app;
        BaseUrl = baseUrl;
        Options = options;
        Simulators = simulators;
        Engage = simulators.OfType<EngageSimulator>().Single();
        Ogangi = simulators.OfType<OgangiSimulator>().Single();
        Accengage = simulators.OfType<AccengageSimulator>().Single();
        Onc = simulators.OfType<OncSimulator>().Single();
    }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseUrl { get; }

    /// <summary>The settings the sandbox started with.</summary>
    public SandboxOptions Options { get; }

    /// <summary>Every simulated vendor.</summary>
    public IReadOnlyList<VendorSimulator> Simulators { get; }

    /// <summary>The simulated ENGAGE: what it received, its faults, and controls such as expiring tokens.</summary>
    public EngageSimulator Engage { get; }

    /// <summary>Base URL to give an ENGAGE client.</summary>
    public Uri EngageBaseUrl => BaseUrlOf(Engage);

    /// <summary>The simulated Ogangi Campaign Manager: the messages it sent and received, its faults and modes.</summary>
    public OgangiSimulator Ogangi { get; }

    /// <summary>Base URL to give an Ogangi client: it stands for a Campaign Manager's <c>.../rest/api/</c>.</summary>
    public Uri OgangiBaseUrl => BaseUrlOf(Ogangi);

    /// <summary>The simulated Accengage: its counters, faults, and controls such as expiring tokens.</summary>
    public AccengageSimulator Accengage { get; }

    /// <summary>Base URL to give an Accengage client.</summary>
    public Uri AccengageBaseUrl => BaseUrlOf(Accengage);

    /// <summary>The simulated ONC: its sessions, campaigns and contacts, its faults, and controls such as expiring sessions.</summary>
    public OncSimulator Onc { get; }

    /// <summary>The ONC service address (the SOAP endpoint) to give an ONC client.</summary>
    public Uri OncBaseUrl => new(BaseUrlOf(Onc), OncSimulator.ServicePath);

    /// <summary>Starts the sandbox on 127.0.0.1.</summary>
    public static async Task<SandboxServer> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, options.Port));
        var app = builder.Build();

        VendorSimulator[] simulators =
        [
            new EngageSimulator(options.Engage, options.TimeProvider, options.DocumentVariants),
            new OgangiSimulator(options.Ogangi, options.TimeProvider),
            new AccengageSimulator(options.Accengage, options.TimeProvider, options.DocumentVariants),
            new OncSimulator(options.Onc, options.TimeProvider),
        ];
        // Before routing, so that a vendor named by header is routed under its prefix.
        VendorHeaderRouting.Use(app, simulators);
        app.UseRouting();
        foreach (var simulator in simulators)
        {
            app.UseWhen(
                context => context.Request.Path.StartsWithSegments(simulator.Prefix, StringComparison.Ordinal),
                branch => branch.Use(next => context => FaultInjection.HandleAsync(simulator, context, () => next(context))));
            simulator.MapRoutes(app);
        }
        ControlEndpoints.Map(app, simulators);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxServer(app, new Uri(address.TrimEnd('/') + "/"), options, simulators);
    }

    /// <summary>The base URL a client of <paramref name="simulator"/> uses.</summary>
    public Uri BaseUrlOf(VendorSimulator simulator)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        return new Uri(BaseUrl, simulator.Prefix.TrimStart('/') + "/");
    }

    /// <summary>Options for an ENGAGE client pointed at this sandbox with its credentials.</summary>
    public EngageClientOptions CreateEngageClientOptions() => new()
    {
        BaseUrl = EngageBaseUrl,
        ClientId = Options.Engage.ClientId,
        ClientSecret = Options.Engage.ClientSecret,
    };

    /// <summary>An ENGAGE client pointed at this sandbox. Dispose it before the sandbox.</summary>
    public EngageClient CreateEngageClient(ILoggerFactory? loggerFactory = null) => new(CreateEngageClientOptions(), loggerFactory);

    /// <summary>Options for an Ogangi client pointed at this sandbox with its workspace's instance id and keys.</summary>
    public OgangiClientOptions CreateOgangiClientOptions() => new()
    {
        BaseUrl = OgangiBaseUrl,
        InstanceId = Options.Ogangi.InstanceId,
        PublicKey = Options.Ogangi.PublicKey,
        PrivateKey = Options.Ogangi.PrivateKey,
    };

    /// <summary>An Ogangi client pointed at this sandbox. Dispose it before the sandbox.</summary>
    public OgangiClient CreateOgangiClient(ILoggerFactory? loggerFactory = null) => new(CreateOgangiClientOptions(), loggerFactory);

    /// <summary>
    /// Options for an Accengage client pointed at this sandbox with its demo account: the demo app's partner ID, the
    /// user's e-mail and API key. Signing and tokens work as against Accengage.
    /// </summary>
    public AccengageClientOptions CreateAccengageClientOptions() => new()
    {
        BaseUrl = AccengageBaseUrl,
        PartnerId = Options.Accengage.Apps.FirstOrDefault()?.PartnerId ?? AccengageSandboxOptions.DemoPartnerId,
        UserEmail = Options.Accengage.UserEmail,
        ApiKey = Options.Accengage.ApiKey,
    };

    /// <summary>An Accengage client pointed at this sandbox. Dispose it before the sandbox.</summary>
    public AccengageClient CreateAccengageClient(ILoggerFactory? loggerFactory = null) => new(CreateAccengageClientOptions(), loggerFactory);

    /// <summary>Options for an ONC client pointed at this sandbox with its credentials and session idle timeout.</summary>
    public OncClientOptions CreateOncClientOptions()
    {
        var options = new OncClientOptions
        {
            BaseUrl = OncBaseUrl,
            AccountId = Options.Onc.AccountId,
            UserName = Options.Onc.UserName,
            Password = Options.Onc.Password,
            SessionIdleTimeout = Options.Onc.SessionIdleTimeout,
        };
        // A sandbox configured with a short idle timeout (to see sessions expire in a test) gets a margin that fits it.
        if (options.SessionRefreshMargin >= options.SessionIdleTimeout)
            options.SessionRefreshMargin = options.SessionIdleTimeout / 4;
        return options;
    }

    /// <summary>
    /// An ONC client pointed at this sandbox, on the sandbox's clock (so sessions idle out for both at once). Dispose it
    /// before the sandbox: disposing closes its session.
    /// </summary>
    public OncClient CreateOncClient(ILoggerFactory? loggerFactory = null) => new(CreateOncClientOptions(), loggerFactory, Options.TimeProvider);

    /// <summary>Stops the host.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
