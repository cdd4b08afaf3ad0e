using System.Globalization;

namespace Contracts.Core.Validation;

/// <summary>
/// The rules of a contract's <c>x-sdk-limit</c>: limits the SDK sets where the vendor documents none, which the
/// generator turns into a per-operation check. Their messages say the limit is the client's, not the vendor's, so a
/// caller does not go looking for it in the vendor's documents.
/// </summary>
public static class SdkLimitChecks
{
    /// <summary>An integer the SDK keeps between <paramref name="minimum"/> and <paramref name="maximum"/>.</summary>
    public static void SdkRange(this ContractProblems problems, string name, long value, long minimum, long maximum)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (value < minimum || value > maximum)
            problems.Add(name, string.Create(CultureInfo.InvariantCulture, $"must be between {minimum} and {maximum} (got {value}; the client's own limit)."));
    }

    /// <summary>
    /// A text the SDK sends at most <paramref name="maximum"/> UTF-16 code units of (an emoji counts 2, as in a UCS-2
    /// SMS); a null text is left to the required check.
    /// </summary>
    public static void SdkMaxUtf16Length(this ContractProblems problems, string name, string? value, int maximum)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (value is not null && value.Length > maximum)
            problems.Add(name, string.Create(CultureInfo.InvariantCulture, $"has {value.Length} characters (UTF-16 code units); the most this client sends is {maximum}."));
    }
}
