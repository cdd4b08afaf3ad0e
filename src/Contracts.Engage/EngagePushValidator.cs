using Contracts.Core.Validation;
using Contracts.Engage.Logging;
using Microsoft.Extensions.Logging;

namespace Contracts.Engage;

/// <summary>
/// ENGAGE's documented rules, checked before anything is sent: E.164 numbers, 1 to 400 aNumbers, aNumbers or an
/// aNumber group but not both, a positive TTL, a program UUID. Personalization values over 20 characters are
/// allowed but logged, as First Orion only recommends that limit.
/// </summary>
public static class EngagePushValidator
{
    /// <summary>First Orion's recommended maximum length of a personalization value.</summary>
    public const int RecommendedPersonalizationLength = 20;

    /// <summary>Returns every problem with the settings shared by all destinations of a push (empty when none).</summary>
    public static IReadOnlyList<string> CheckPush(EngagePush push)
    {
        ArgumentNullException.ThrowIfNull(push);
        var problems = new List<string>();
        if (push.ProgramContentUuid == Guid.Empty)
            problems.Add("programContentUuid must be the program's UUID, not the empty UUID.");
        if (push.ANumbers is null == push.ANumberGroupId is null)
            problems.Add("send either aNumbers or aNumberGroupId, never both and never neither.");
        if (push.ANumbers is { } aNumbers)
        {
            if (aNumbers.Count is 0 or > EngagePush.MaxANumbers)
                problems.Add($"aNumbers must hold 1 to {EngagePush.MaxANumbers} numbers (got {aNumbers.Count}).");
            for (var i = 0; i < aNumbers.Count; i++)
            {
                if (!PhoneNumbers.IsE164(aNumbers[i]))
                    problems.Add($"aNumbers[{i}] '{aNumbers[i]}' is not E.164 (a plus sign, then 2 to 15 digits, the first not 0).");
            }
        }
        if (push.ANumberGroupId == Guid.Empty)
            problems.Add("aNumberGroupId must be the group's UUID, not the empty UUID.");
        if (push.TtlSeconds <= 0)
            problems.Add($"ttlSeconds must be more than 0 (got {push.TtlSeconds}); ENGAGE recommends {EngagePush.RecommendedTtlSeconds}.");
        return problems;
    }

    /// <summary>Returns why <paramref name="destination"/> cannot be sent, or null when it can.</summary>
    public static string? CheckDestination(Destination? destination)
    {
        if (destination is null)
            return "the destination is null.";
        if (!PhoneNumbers.IsE164(destination.BNumber))
            return $"bNumber '{destination.BNumber}' is not E.164 (a plus sign, then 2 to 15 digits, the first not 0).";
        return null;
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
        var problems = CheckPush(push).ToList();
        if (destinations.Count == 0)
            problems.Add("destinations must hold at least one destination.");
        for (var i = 0; i < destinations.Count; i++)
        {
            if (CheckDestination(destinations[i]) is { } problem)
                problems.Add($"destinations[{i}]: {problem}");
        }
        ThrowIfAny(problems);
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing the problems of a push, if any.</summary>
    internal static void ThrowIfInvalid(EngagePush push) => ThrowIfAny(CheckPush(push));

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
