using Contracts.Core.Http;

namespace Contracts.Core.Tests;

/// <summary>A vendor's exception reads a failed answer's header by name, whatever case the answer wrote it in.</summary>
public sealed class VendorFailureTests
{
    private static VendorFailure Failure(Dictionary<string, IEnumerable<string>> headers)
        => new("op", 502, "Bad gateway", "", headers);

    [Fact]
    public void A_header_is_found_in_any_case_and_its_values_are_joined()
    {
        // A case-sensitive dictionary, so the match is the method's and not the dictionary's comparer.
        var failure = Failure(new(StringComparer.Ordinal) { ["content-TYPE"] = ["text/html", "charset=utf-8"] });

        Assert.Equal("text/html, charset=utf-8", failure.Header("Content-Type"));
    }

    [Fact]
    public void A_missing_header_is_null()
        => Assert.Null(Failure(new() { ["X-Request-Id"] = ["r-1"] }).Header("Content-Type"));
}
