using Contracts.Core.Validation;

namespace Contracts.Core.Http;

/// <summary>
/// Keeps every path value one segment of the route the contract describes. A value of <c>.</c> or <c>..</c> is
/// removed or climbs a level when the URL is resolved (<c>UpdateDevice(udid: "..")</c> would address the app
/// itself), and an empty one merges two segments: such a route names another resource than the caller meant.
/// </summary>
public static class RouteSafety
{
    /// <summary>
    /// Throws <see cref="InvalidRequestException"/> (an <see cref="ArgumentException"/>; a batch reports it rejected) when the relative route in <paramref name="route"/> (path and query,
    /// as a generated operation built it) has an empty, <c>.</c> or <c>..</c> segment, escaped or not. Routes from
    /// the contracts never do, so such a segment always comes from a value. Nothing has been sent at that point.
    /// </summary>
    public static void ThrowIfUnsafe(ReadOnlySpan<char> route)
    {
        var queryAt = route.IndexOfAny('?', '#');
        var path = queryAt < 0 ? route : route[..queryAt];
        var scheme = path.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            // An absolute URL (a next-page link): only its path is made of values.
            var pathAt = path[(scheme + 3)..].IndexOf('/');
            path = pathAt < 0 ? [] : path[(scheme + 3 + pathAt)..];
        }
        foreach (var range in path.Split('/'))
        {
            var segment = path[range];
            if (range.Start.Value == 0 && segment.IsEmpty)
                continue; // a leading '/'
            // No contract route ends with '/' or has '//': an empty segment anywhere else is an empty value.
            if (segment.IsEmpty || IsDots(segment))
                throw new InvalidRequestException($"A path value is empty, '.' or '..' (in '{Describe(path)}'): it would not stay one segment of the route, so nothing was sent.", nameof(route));
        }
    }

    /// <summary>Throws <see cref="InvalidRequestException"/> naming <paramref name="parameterName"/> when <paramref name="value"/> could not be one path segment.</summary>
    public static void ThrowIfNotOneSegment(string? value, string parameterName)
    {
        if (SegmentProblem(value) is { } problem)
            throw new InvalidRequestException($"{parameterName} {problem}", parameterName);
    }

    /// <summary>Why <paramref name="value"/> could not be one path segment (to follow its name), or null when it can.</summary>
    public static string? SegmentProblem(string? value) => value switch
    {
        null => "is required.",
        "" => "is empty; an empty path segment would shift the values after it.",
        _ when IsDots(value) => $"cannot be '{value}': HTTP stacks remove such a path segment, which would change the route.",
        _ => null,
    };

    private static bool IsDots(ReadOnlySpan<char> segment)
    {
        var unescaped = segment.Contains('%') ? Uri.UnescapeDataString(segment.ToString()).AsSpan() : segment;
        return unescaped is "." or "..";
    }

    /// <summary>The route's shape with values hidden: a path value may be personal data.</summary>
    private static string Describe(ReadOnlySpan<char> path)
    {
        var parts = path.ToString().Split('/');
        return string.Join('/', parts.Select(p => p.Length == 0 || IsDots(p) ? p : "…"));
    }
}
