using Contracts.Core.Security;

namespace Contracts.Core.Tests;

/// <summary>PersonalValues.For applies Core's rule to values a client declares outside OperationRequest (ONC).</summary>
public sealed class PersonalValuesForTests
{
    [Fact]
    public void Masks_numbers_with_and_without_their_plus_escaped_forms_and_leaves_short_values_shown()
    {
        var scrubber = PersonalValues.For(["+15550123987", "a&b <x@example.com>", "Hi", null]);

        Assert.Equal("to ***, *** and ***; Hi", scrubber.Scrub("to +15550123987, 15550123987 and a&amp;b &lt;x@example.com&gt;; Hi"));
    }
}
