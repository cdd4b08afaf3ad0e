using Contracts.Core.Validation;
using Contracts.Engage.Logging;
using Microsoft.Extensions.Logging;

namespace Contracts.Engage;

/// <summary>
/// ENGAGE's rules, checked before anything is sent. What the contract states (required fields, 1 to 400 aNumbers, a
/// TTL of at least 1, E.164 bNumbers) is checked by the request models' generated checks; this class adds what the
/// generated check cannot see or the contract cannot state: aNumbers or an aNumber group but not both, a program and
/// a group that are not the empty UUID, each aNumber in E.164 (the contract's item pattern, which the model generator
/// does not expose; a test holds the two together). Personalization values over 20 characters are allowed but
/// logged, as First Orion only recommends that limit.
/// </summary>
public static class EngagePushValidator
{
    /// <summary>First Orion's recommended maximum length of a personalization value.</summary>
    public const int RecommendedPersonalizationLength = 20;

    /// <summary>Returns every problem with the settings shared by all destinations of a push (empty when none).</summary>
    public static IReadOnlyList<string> CheckPush(EngagePush push)
    {
        ArgumentNullException.ThrowIfNull(push);
        // The request without its destinations: their rules are checked with them.
        return [.. Check(push, []).Found.Where(p => !p.Path.StartsWith("destinations", StringComparison.Ordinal)).Select(p => p.ToString())];
    }

    /// <summary>Returns why <paramref name="destination"/> cannot be sent, or null when it can.</summary>
    public static string? CheckDestination(Destination? destination)
    {
        return destination is null ? "the destination is null." : ContractProblems.Describe(destination);
    }

    /// <summary>Logs a warning for each personalization value longer than First Orion recommends.</summary>
    public static void WarnAboutLongPersonalization(Destination destination, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(logger);
        // Checked first: with warnings off, looking at every value of every destination would be work for nothing.
        if (destination.Personalization is not { Count: > 0 } values || !logger.IsEnabled(LogLevel.Warning))
            return;
        foreach (var (name, value) in values)
        {
            if (value is { Length: > RecommendedPersonalizationLength })
                EngageLog.LongPersonalization(logger, name, value.Length, RecommendedPersonalizationLength);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem of a push and its destinations.</summary>
    internal static void ThrowIfInvalid(EngagePush push, IList<Destination> destinations)
    {
        var problems = Check(push, destinations);
        if (problems.Count > 0)
            ThrowIfAny([.. problems.Found.Select(p => p.ToString())]);
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing the problems of a push, if any.</summary>
    internal static void ThrowIfInvalid(EngagePush push) => ThrowIfAny(CheckPush(push));

    private static ContractProblems Check(EngagePush push, IList<Destination> destinations)
    {
        var problems = ContractProblems.Of(push.ToRequest(destinations));
        if (push.ProgramContentUuid == Guid.Empty)
            problems.Add("programContentUuid", "must be the program's UUID, not the empty UUID.");
        if (push.ANumbers is null == push.ANumberGroupId is null)
            problems.Add("aNumbers", "or aNumberGroupId: send one of them, never both and never neither.");
        if (push.ANumberGroupId == Guid.Empty)
            problems.Add("aNumberGroupId", "must be the group's UUID, not the empty UUID.");
        var aNumbers = push.ANumbers ?? [];
        for (var i = 0; i < aNumbers.Count; i++)
        {
            // An aNumber is a business's calling number, not a person's: it is shown, so the caller can find it.
            if (!PhoneNumbers.IsE164(aNumbers[i]))
                problems.Add($"aNumbers[{i}]", $"'{aNumbers[i]}' is not E.164 (a plus sign, then 2 to 15 digits, the first not 0).");
        }
        return problems;
    }

    private static void ThrowIfAny(IReadOnlyList<string> problems)
    {
        if (problems.Count == 0)
            return;
        const int shown = 10;
        var text = string.Join(Environment.NewLine, problems.Take(shown).Select(p => "- " + p));
        if (problems.Count > shown)
            text += $"{Environment.NewLine}- and {problems.Count - shown} more";
        throw new ArgumentException($"The ENGAGE push is invalid; nothing was sent:{Environment.NewLine}{text}");
    }
}
