using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Contracts.Sandbox.Accengage;

/// <summary>Maps the simulator's routes so that each one runs through <see cref="AccengageSimulator.HandleAsync"/> (signature, token, app).</summary>
internal sealed class AccengageRoutes(AccengageSimulator simulator, IEndpointRouteBuilder group)
{
    /// <summary>Maps <paramref name="pattern"/> (under /accengage) for <paramref name="method"/>.</summary>
    /// <param name="method">GET, POST, PUT or DELETE.</param>
    /// <param name="pattern">The route as the contract writes it, e.g. <c>/v1/me/apps/{partnerId}/campaigns/{campaignId}</c>.</param>
    /// <param name="handler">Answers the authenticated request.</param>
    /// <param name="open">True for the token route, which is signed but needs no token.</param>
    public void Map(string method, string pattern, AccengageHandler handler, bool open = false)
    {
        var family = FamilyOf(pattern);
        Func<HttpContext, Task<IResult>> run = http => simulator.HandleAsync(http, family, handler, open);
        group.MapMethods(pattern, [method], run);
    }

    /// <summary>Any other path under /accengage: 404 with the error body, as Accengage answers a misspelt route.</summary>
    public void MapFallback()
        => group.MapFallback(() => AccengageAnswers.NotFound("The requested URL does not exist on the server"));

    /// <summary>The resource family a route belongs to (<c>campaigns</c> for <c>/v1/me/apps/{partnerId}/campaigns/...</c>), for the "no rights" state.</summary>
    private static string FamilyOf(string pattern)
    {
        const string app = "/v1/me/apps/{partnerId}/";
        if (!pattern.StartsWith(app, StringComparison.Ordinal))
            return "";
        var rest = pattern[app.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? rest : rest[..slash];
    }
}
