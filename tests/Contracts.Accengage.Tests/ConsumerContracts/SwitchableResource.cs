using Contracts.Pacts;
using static Contracts.Accengage.Tests.ConsumerContracts.AccengageContract;

namespace Contracts.Accengage.Tests.ConsumerContracts;

/// <summary>
/// The routes in-app messages and alarms share, for one of them named one way (by ID, or by external ID): read and
/// update at its route, switch it on or off at the route's <c>/status</c>, which answers 200 when the status changed
/// and 204 when it already was the one asked for.
/// </summary>
/// <param name="Resource">What it is, with its article: "an in-app message".</param>
/// <param name="IsActive">Whether it is active in the provider state.</param>
/// <param name="ProviderState">The state in which it exists, with that status.</param>
/// <param name="Path">Its route, e.g. <c>/alarms/12345</c> or <c>/alarms/external/my-alarm</c> (after the app's path).</param>
/// <param name="PathPattern">The route's shape, e.g. <c>/alarms/[0-9]+</c>.</param>
internal sealed record SwitchableResource(string Resource, bool IsActive, string ProviderState, string Path, string PathPattern)
{
    private string NamedBy => Path.Contains("/external/", StringComparison.Ordinal) ? ", by external ID" : "";

    /// <summary>Adds the three interactions: the read answered with <paramref name="answer"/>, the update sending <paramref name="update"/>, the switch to <paramref name="activate"/>.</summary>
    public void ReadUpdateAndSwitch(PactBuilder builder, object answer, object update, bool activate)
    {
        var route = AppRoute(Path, PathPattern);
        builder.AuthorizedRequest($"a request for {Resource}{NamedBy}", ProviderState, HttpMethod.Get, route)
            .AcceptingJson()
            .WillRespond()
            .WithStatus(200)
            .WithJsonBody(answer);
        builder.AuthorizedRequest($"a request to update {Resource}{NamedBy}", ProviderState, HttpMethod.Put, route)
            .WithJsonBody(update)
            .WillRespond()
            .WithStatus(200);
        var verb = activate ? "activate" : "deactivate";
        var status = IsActive ? "active" : "inactive";
        builder.AuthorizedRequest($"a request to {verb} {Resource} that is {status}{NamedBy}", ProviderState, HttpMethod.Put, AppRoute(Path + "/status", PathPattern + "/status"))
            .WithJsonBody(new { isActive = activate })
            .WillRespond()
            .WithStatus(activate == IsActive ? 204 : 200);
    }
}
