using Contracts.Core.Validation;

namespace Contracts.Core.Tests;

/// <summary>The rules of a contract's x-sdk-limit: the client's own limits, worded as the client's, not the contract's.</summary>
public sealed class SdkLimitChecksTests
{
    [Theory]
    [InlineData(3, "pinLength must be between 4 and 10 (got 3; the client's own limit).")]
    [InlineData(11, "pinLength must be between 4 and 10 (got 11; the client's own limit).")]
    public void A_value_outside_the_range_is_one_problem_naming_the_bounds(long value, string expected)
    {
        var problems = new ContractProblems();

        problems.SdkRange("pinLength", value, 4, 10);

        Assert.Equal(expected, problems.ToString());
    }

    [Theory]
    [InlineData(4)]
    [InlineData(10)]
    public void The_bounds_themselves_are_allowed(long value)
    {
        var problems = new ContractProblems();

        problems.SdkRange("pinLength", value, 4, 10);

        Assert.Equal(0, problems.Count);
    }

    [Fact]
    public void A_text_length_counts_utf16_code_units_so_an_emoji_counts_two()
    {
        var problems = new ContractProblems();

        problems.SdkMaxUtf16Length("text", "abc", 3);
        problems.SdkMaxUtf16Length("text", "ab😀", 3);
        problems.SdkMaxUtf16Length("text", null, 3);

        Assert.Equal("text has 4 characters (UTF-16 code units); the most this client sends is 3.", problems.ToString());
    }
}
