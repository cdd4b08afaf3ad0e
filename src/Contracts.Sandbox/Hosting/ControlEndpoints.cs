using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Contracts.Sandbox.Hosting;

/// <summary>
/// The sandbox's own endpoints under /_sandbox, for tools that drive it from outside the process: Pact's provider
/// state changes, credential expiry and a reset.
/// </summary>
internal static class ControlEndpoints
{
    public const string Prefix = "/_sandbox";

    public static void Map(IEndpointRouteBuilder routes, IReadOnlyList<VendorSimulator> simulators)
    {
        var control = routes.MapGroup(Prefix);

        // pact verifier --state-change-url .../_sandbox/provider-states/{vendor} --state-change-teardown:
        // {"state": "...", "params": {...}, "action": "setup" | "teardown"}.
        control.MapPost("/provider-states/{vendor}", async (string vendor, HttpRequest request) =>
        {
            if (Find(simulators, vendor) is not { } simulator)
                return Results.NotFound($"No simulated vendor '{vendor}'.");
            using var body = await JsonDocument.ParseAsync(request.Body).ConfigureAwait(false);
            var root = body.RootElement;
            var action = root.TryGetProperty("action", out var a) ? a.GetString() : "setup";
            if (action == "teardown")
            {
                simulator.Reset();
                return Results.Ok();
            }
            var state = root.TryGetProperty("state", out var s) ? s.GetString() ?? "" : "";
            var parameters = root.TryGetProperty("params", out var p) && p.ValueKind == JsonValueKind.Object
                ? p.EnumerateObject().ToDictionary(e => e.Name, e => e.Value.Clone())
                : new Dictionary<string, JsonElement>();
            return simulator.ApplyProviderState(state, parameters)
                ? Results.Ok()
                : Results.BadRequest($"{simulator.Name} sandbox has no provider state '{state}'.");
        });

        control.MapPost("/{vendor}/expire-credentials", (string vendor) =>
        {
            if (Find(simulators, vendor) is not { } simulator)
                return Results.NotFound($"No simulated vendor '{vendor}'.");
            simulator.ExpireCredentials();
            return Results.Ok();
        });

        control.MapPost("/reset", () =>
        {
            foreach (var simulator in simulators)
                simulator.Reset();
            return Results.Ok();
        });
    }

    /// <summary>The simulator a vendor segment or header names: its prefix or its name, in any case.</summary>
    internal static VendorSimulator? Find(IReadOnlyList<VendorSimulator> simulators, string vendor)
        => simulators.FirstOrDefault(s => string.Equals(s.Prefix.Trim('/'), vendor, StringComparison.OrdinalIgnoreCase)
            || string.Equals(s.Name, vendor, StringComparison.OrdinalIgnoreCase));
}
