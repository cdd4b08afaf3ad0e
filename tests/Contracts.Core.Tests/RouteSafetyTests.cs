using Contracts.Core.Http;
using Contracts.Core.Validation;

namespace Contracts.Core.Tests;

public sealed class RouteSafetyTests
{
    [Theory]
    [InlineData("v1/me/apps/app-1/devices/abc")]
    [InlineData("v1/me/apps/app-1/devices?fields%5B%5D=..")] // a query value may be anything
    [InlineData("v1/me/apps/a.b/devices/..x")]
    [InlineData("https://api.example.test/v1/me/apps/app-1/campaigns?page=2")]
    public void A_route_whose_values_stay_single_segments_passes(string route)
        => RouteSafety.ThrowIfUnsafe(route);

    [Theory]
    [InlineData("v1/me/apps/app-1/devices/..")]
    [InlineData("v1/me/apps/../devices/x")]
    [InlineData("v1/me/apps/./devices/x")]
    [InlineData("v1/me/apps//devices/x")]
    [InlineData("v1/me/apps/app-1/devices/")] // an empty last value
    [InlineData("v1/me/apps/app-1/devices/?fields=a")]
    [InlineData("v1/me/apps/%2e%2E/devices/x")]
    [InlineData("v1/me/apps/%2E/devices/x")]
    public void A_dot_or_empty_segment_is_refused_before_sending(string route)
    {
        var error = Assert.Throws<InvalidRequestException>(() => RouteSafety.ThrowIfUnsafe(route));
        Assert.Contains("nothing was sent", error.Message, StringComparison.Ordinal);
        // The message shows the route's shape, not its values (they may be personal data).
        Assert.DoesNotContain("app-1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    public void A_value_that_cannot_be_one_segment_is_named(string? value)
        => Assert.Equal("udid", Assert.Throws<InvalidRequestException>(() => RouteSafety.ThrowIfNotOneSegment(value, "udid")).ParamName);

    [Theory]
    [InlineData(null, "is required.")]
    [InlineData("", "is empty")]
    [InlineData("..", "cannot be '..'")]
    [InlineData("%2E", "cannot be '%2E'")] // a percent-encoded dot is a dot to the HTTP stack
    public void Why_a_value_cannot_be_one_segment_follows_its_name(string? value, string expected)
    {
        Assert.StartsWith(expected, RouteSafety.SegmentProblem(value), StringComparison.Ordinal);
        Assert.StartsWith($"udid {expected}", Assert.Throws<InvalidRequestException>(() => RouteSafety.ThrowIfNotOneSegment(value, "udid")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("...")]
    [InlineData(".x")]
    public void A_value_that_stays_one_segment_has_no_problem(string value)
        => Assert.Null(RouteSafety.SegmentProblem(value));
}
