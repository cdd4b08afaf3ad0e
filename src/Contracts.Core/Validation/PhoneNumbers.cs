namespace Contracts.Core.Validation;

/// <summary>Phone number formats vendors require.</summary>
public static class PhoneNumbers
{
    /// <summary>
    /// True when <paramref name="number"/> is E.164: a plus sign, a first digit 1-9, and 2 to 15 digits in all
    /// (ITU-T E.164 allows at most 15), nothing else: no spaces, dashes or brackets.
    /// </summary>
    public static bool IsE164(string? number)
    {
        if (number is null || number.Length < 3 || number.Length > 16 || number[0] != '+' || number[1] is < '1' or > '9')
            return false;
        // Vectorised: batches check every destination before sending, so this runs once per number sent.
        return !number.AsSpan(2).ContainsAnyExceptInRange('0', '9');
    }
}
