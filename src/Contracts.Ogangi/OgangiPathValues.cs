using Contracts.Core.Http;
using Contracts.Core.Validation;

namespace Contracts.Ogangi;

/// <summary>
/// The rules of Ogangi's plain path values (the contract's <c>x-path-value</c>), which each generated checked request
/// calls before encoding: each adds its problem, if any, and returns the value as it is written in the path.
/// </summary>
internal static class OgangiPathValues
{
    /// <summary>
    /// A mobile number in international form, with or without a leading '+' (E.164: 2 to 15 digits, the first not
    /// 0); returned as digits only, the form every Ogangi sample uses.
    /// </summary>
    public static string MobileNumber(this ContractProblems problems, string name, string? value)
    {
        if (value is null)
            return problems.Problem(name, "is required.");
        var withPlus = value.StartsWith('+') ? value : "+" + value;
        if (!PhoneNumbers.IsE164(withPlus))
            return problems.Problem(name, "is not a mobile number in international form (2 to 15 digits, the first not 0, an optional leading '+'); not shown: a number is a personal value, typo or not.");
        return withPlus[1..];
    }

    /// <summary>A message text, non-blank and valid Unicode (its length is the generated limit check's).</summary>
    public static string Text(this ContractProblems problems, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return problems.Problem(name, "is empty; Ogangi needs a text to send.");
        if (!IsValidUtf16(value))
            return problems.Problem(name, "is not valid Unicode text (it holds a lone surrogate, which has no UTF-8 form).");
        return value;
    }

    /// <summary>A required free-text path value (a short code, a carrier).</summary>
    public static string Segment(this ContractProblems problems, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return problems.Problem(name, "is required.");
        return problems.SegmentProblem(name, value) ?? value;
    }

    /// <summary>An optional path value: <paramref name="absentValue"/> (the contract's literal <c>null</c>) when absent.</summary>
    public static string OptionalSegment(this ContractProblems problems, string name, string? value, string absentValue)
    {
        if (value is null)
            return absentValue;
        if (string.IsNullOrWhiteSpace(value))
            return problems.Problem(name, "is blank; pass null to leave it out.");
        return problems.SegmentProblem(name, value) ?? value;
    }

    private static string? SegmentProblem(this ContractProblems problems, string name, string value)
    {
        if (RouteSafety.SegmentProblem(value) is { } problem)
            return problems.Problem(name, problem);
        if (!IsValidUtf16(value))
            return problems.Problem(name, "is not valid Unicode text (it holds a lone surrogate).");
        return null;
    }

    private static string Problem(this ContractProblems problems, string name, string problem)
    {
        problems.Add(name, problem);
        return "";
    }

    private static bool IsValidUtf16(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                i++;
            else if (char.IsSurrogate(value[i]))
                return false;
        }
        return true;
    }
}
