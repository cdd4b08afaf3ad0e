using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Contracts.Sandbox.Hosting;

/// <summary>
/// Lets a tool address a simulated vendor at the vendor's own paths (<c>/v1/me/...</c> rather than
/// <c>/accengage/v1/me/...</c>) by naming it in the <c>X-Sandbox-Vendor</c> header (its prefix or its name): the request
/// is routed as if it had the prefix. Pact verification needs this, since a consumer contract describes the vendor's
/// paths and links (e.g. a <c>Link</c> header to <c>/v1/...</c>), not the sandbox's. Simulators build such links from
/// the request target as it arrived, so the links always lead back the way the caller came.
/// </summary>
internal static class VendorHeaderRouting
{
    public const string HeaderName = "X-Sandbox-Vendor";

    /// <summary>Adds the rewrite; must run before routing.</summary>
    public static void Use(IApplicationBuilder app, IReadOnlyList<VendorSimulator> simulators)
        => app.Use((context, next) =>
        {
            var request = context.Request;
            if (request.Headers[HeaderName].ToString() is { Length: > 0 } vendor
                && !request.Path.StartsWithSegments(ControlEndpoints.Prefix, StringComparison.Ordinal)
                && ControlEndpoints.Find(simulators, vendor.Trim('/')) is { } simulator
                && !request.Path.StartsWithSegments(simulator.Prefix, StringComparison.Ordinal))
            {
                request.Path = new PathString(simulator.Prefix).Add(request.Path);
            }
            return next(context);
        });
}
