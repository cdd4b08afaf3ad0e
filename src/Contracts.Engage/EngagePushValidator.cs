using Contracts.Core.Validation;
using Contracts.Engage.Logging;
using Microsoft.Extensions.Logging;

namespace Contracts.Engage;

/// <summary>
/// ENGAGE's rules, checked before anything is sent. What the contract states (required fields, 1 to 400 aNumbers in
/// E.164, a TTL of at least 1, E.164 bNumbers) is checked by the request models' generated checks; this class adds
/// what the contract cannot state: aNumbers or an aNumber group but not both, a program and a group that are not the
/// empty UUID. Personalization values over 20 characters are allowed but logged, as First Orion only recommends that
/// limit.
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
    internal static void ThrowIfInvalid(EngagePush push, IList<Destination> destinations) => Check(push, destinations).ThrowIfAny(Subject);

    /// <summary>Throws <see cref="ArgumentException"/> listing the problems of a push, if any.</summary>
    internal static void ThrowIfInvalid(EngagePush push) => InvalidRequest.ThrowIfAny(Subject, CheckPush(push));

    private const string Subject = "The ENGAGE push";

    private static ContractProblems Check(EngagePush push, IList<Destination> destinations)
    {
        var problems = ContractProblems.Of(push.ToRequest(destinations));
        if (push.ProgramContentUuid == Guid.Empty)
            problems.Add("programContentUuid", "must be the program's UUID, not the empty UUID.");
        if (push.ANumbers is null == push.ANumberGroupId is null)
            problems.Add("aNumbers", "or aNumberGroupId: send one of them, never both and never neither.");
        if (push.ANumberGroupId == Guid.Empty)
            problems.Add("aNumberGroupId", "must be the group's UUID, not the empty UUID.");
        return problems;
    }
}
