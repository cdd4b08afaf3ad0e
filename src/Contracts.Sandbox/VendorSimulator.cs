using System.Text.Json;
using Contracts.Sandbox.Faults;
using Microsoft.AspNetCore.Routing;

namespace Contracts.Sandbox;

/// <summary>
/// One simulated vendor of the sandbox, served under its own path prefix: its routes, its provider states (for
/// Pact verification), its faults, and how to expire the credentials it issued.
/// </summary>
public abstract class VendorSimulator
{
    /// <summary>Creates the simulator.</summary>
    /// <param name="name">The vendor as users know it (ENGAGE, Ogangi, Accengage, ONC); also the Pact provider name.</param>
    /// <param name="prefix">Path prefix, e.g. "/engage".</param>
    protected VendorSimulator(string name, string prefix)
    {
        Name = name;
        Prefix = prefix;
    }

    /// <summary>The vendor as users know it; the provider name in Pact files.</summary>
    public string Name { get; }

    /// <summary>The path prefix the vendor is served under.</summary>
    public string Prefix { get; }

    /// <summary>Faults to inject into this vendor's answers (429, 5xx, delays, malformed bodies, expiry mid-run).</summary>
    public SandboxFaults Faults { get; } = new();

    /// <summary>Makes every token or session issued so far invalid, as if it expired now.</summary>
    public abstract void ExpireCredentials();

    /// <summary>Puts the simulator back in its configured state: stored data, modes and faults cleared.</summary>
    public virtual void Reset() => Faults.Clear();

    /// <summary>
    /// Puts the simulator in the state a Pact interaction was recorded in (the interaction's <c>providerStates</c>).
    /// </summary>
    /// <returns>False when the state is unknown to this simulator.</returns>
    public abstract bool ApplyProviderState(string state, IReadOnlyDictionary<string, JsonElement> parameters);

    /// <summary>Adds the vendor's routes under <see cref="Prefix"/>.</summary>
    protected internal abstract void MapRoutes(IEndpointRouteBuilder routes);
}
