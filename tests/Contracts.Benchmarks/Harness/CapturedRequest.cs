using System.Text;

namespace Contracts.Benchmarks.Harness;

/// <summary>A request as it reached the transport: what a vendor would receive.</summary>
public sealed record CapturedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public static CapturedRequest Of(HttpRequestMessage request, byte[] body)
    {
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        return new CapturedRequest(request.Method.Method, request.RequestUri!.PathAndQuery, headers, body);
    }

    /// <summary>
    /// Throws unless <paramref name="baseline"/> sends what <paramref name="sdk"/> sends: method, path and query, body
    /// and the listed headers. Run at setup, so a benchmark never compares two different requests.
    /// </summary>
    public static void ThrowUnlessSame(CapturedRequest? sdk, CapturedRequest? baseline, params string[] headers)
    {
        ArgumentNullException.ThrowIfNull(sdk);
        ArgumentNullException.ThrowIfNull(baseline);
        var differences = new List<string>();
        if (sdk.Method != baseline.Method)
            differences.Add($"method: SDK {sdk.Method}, baseline {baseline.Method}");
        if (sdk.PathAndQuery != baseline.PathAndQuery)
            differences.Add($"path: SDK {sdk.PathAndQuery}\n      baseline {baseline.PathAndQuery}");
        foreach (var name in headers)
        {
            var mine = sdk.Headers.GetValueOrDefault(name);
            var theirs = baseline.Headers.GetValueOrDefault(name);
            if (mine is null || mine != theirs)
                differences.Add($"header {name}: SDK '{mine}', baseline '{theirs}'");
        }
        if (!sdk.Body.AsSpan().SequenceEqual(baseline.Body))
            differences.Add($"body:\nSDK:      {Encoding.UTF8.GetString(sdk.Body)}\nbaseline: {Encoding.UTF8.GetString(baseline.Body)}");
        if (differences.Count > 0)
            throw new InvalidOperationException("The baseline does not send the SDK's bytes:\n" + string.Join('\n', differences));
    }
}
