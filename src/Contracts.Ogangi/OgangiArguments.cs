using Contracts.Core.Http;
using Contracts.Core.Validation;

namespace Contracts.Ogangi;

/// <summary>
/// Checks the plain values of one call and turns them into path values, collecting every problem so that one
/// <see cref="ArgumentException"/> lists them all before anything is sent.
/// </summary>
internal sealed class OgangiArguments(string method)
{
    /// <summary>The problems found so far; the generated limit checks (x-sdk-limit) add theirs here.</summary>
    public ContractProblems Problems { get; } = new();

    /// <summary>
    /// A mobile number in international form, with or without a leading '+' (E.164: 2 to 15 digits, the first not
    /// 0); returned as digits only, the form every Ogangi sample uses.
    /// </summary>
    public string MobileNumber(string name, string? value)
    {
        if (value is null)
            return Problem(name, "is required.");
        var withPlus = value.StartsWith('+') ? value : "+" + value;
        if (!PhoneNumbers.IsE164(withPlus))
            return Problem(name, $"'{value}' is not a mobile number in international form (2 to 15 digits, the first not 0, an optional leading '+').");
        return withPlus[1..];
    }

    /// <summary>A message text, non-blank and valid Unicode (its length is the generated limit check's).</summary>
    public string Text(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return Problem(name, "is empty; Ogangi needs a text to send.");
        if (!IsValidUtf16(value))
            return Problem(name, "is not valid Unicode text (it holds a lone surrogate, which has no UTF-8 form).");
        return value;
    }

    /// <summary>A required free-text path value (a short code, a carrier).</summary>
    public string Segment(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return Problem(name, "is required.");
        return SegmentProblem(name, value) ?? value;
    }

    /// <summary>An optional path value: the literal <c>null</c> when absent.</summary>
    public string OptionalSegment(string name, string? value)
    {
        if (value is null)
            return OgangiLimits.AbsentValue;
        if (string.IsNullOrWhiteSpace(value))
            return Problem(name, "is blank; pass null to leave it out.");
        return SegmentProblem(name, value) ?? value;
    }

    /// <summary>A problem that names its own fields (of a filter).</summary>
    public void Add(string problem) => Problems.Add("", problem);

    /// <summary>Throws one <see cref="ArgumentException"/> listing every problem found, if any.</summary>
    public void ThrowIfAny() => Problems.ThrowIfAny($"The Ogangi {method} call");

    private string? SegmentProblem(string name, string value)
    {
        if (RouteSafety.SegmentProblem(value) is { } problem)
            return Problem(name, problem);
        if (!IsValidUtf16(value))
            return Problem(name, "is not valid Unicode text (it holds a lone surrogate).");
        return null;
    }

    private string Problem(string name, string problem)
    {
        Problems.Add(name, problem);
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
