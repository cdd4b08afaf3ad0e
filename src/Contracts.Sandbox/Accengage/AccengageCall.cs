using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Contracts.Sandbox.Accengage;

/// <summary>A route's handler: runs once the request is authenticated, with the simulator's state locked.</summary>
internal delegate IResult AccengageHandler(AccengageCall call);

/// <summary>
/// One authenticated request, as a route handler sees it: the app its partner ID names, its JSON body, the route and
/// query values, the sandbox's clock and the simulator (for its counters and the other apps).
/// </summary>
internal sealed class AccengageCall(HttpContext http, AccengageSimulator simulator, AccengageAppData? app, JsonNode? body, DateTimeOffset now)
{
    public HttpRequest Request => http.Request;

    public AccengageSimulator Simulator => simulator;

    /// <summary>The app of the route's partner ID (routes without one never ask).</summary>
    public AccengageAppData App => app ?? throw new InvalidOperationException("This route has no partner ID.");

    /// <summary>The JSON body, or null when the request had none.</summary>
    public JsonNode? Body => body;

    public DateTimeOffset Now => now;

    public string Route(string name) => Convert.ToString(http.GetRouteValue(name), CultureInfo.InvariantCulture) ?? "";

    /// <summary>A query value, or null when absent.</summary>
    public string? Query(string name) => Request.Query.TryGetValue(name, out var values) ? values.ToString() : null;

    /// <summary>The values of a PHP-style array parameter, in order: <c>name[]=a&amp;name[]=b</c> or <c>name[1]=a&amp;name[2]=b</c>.</summary>
    public IReadOnlyList<string> QueryArray(string name)
        => Request.Query
            .Where(q => q.Key.StartsWith(name + "[", StringComparison.Ordinal) && q.Key.EndsWith(']'))
            .SelectMany(q => q.Value.OfType<string>())
            .ToList();

    /// <summary>The route value <paramref name="name"/> as a positive integer ID, or null (answer <see cref="AccengageAnswers.InvalidId"/>).</summary>
    public long? RouteId(string name)
        => long.TryParse(Route(name), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
}
