using Contracts.Core.Validation;

namespace Contracts.Accengage;

/// <summary>
/// What Accengage's document requires of a batch's shared message and of each item, checked before anything is
/// sent. An item that breaks a rule is reported rejected and never sent; the shared message breaking one stops the
/// batch before it starts. What the contract states of the message is its model's generated check; the rules here are
/// those it cannot state (one field or another, a user named by at least one criterion) or the SDK's own.
/// </summary>
public static class AccengageBatchRules
{
    /// <summary>Returns every problem of the message an instant message batch triggers (empty when none).</summary>
    public static IReadOnlyList<string> CheckMessage(MessageData message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var problems = ContractProblems.Of(message);
        if (message.ParentMessageId is null && string.IsNullOrWhiteSpace(message.ParentMessageExternalId))
            problems.Add("parentMessageId", "or parentMessageExternalId must be set (the existing message to trigger).");
        if (message.ParentMessageId is <= 0)
            problems.Add("parentMessageId", $"must be a positive message ID (got {message.ParentMessageId}).");
        // The message's own targets, if any, are replaced by each chunk's, which are checked one by one.
        return [.. problems.Found.Where(p => !p.Path.StartsWith("targets", StringComparison.Ordinal)).Select(p => p.ToString())];
    }

    /// <summary>
    /// Returns why <paramref name="target"/> cannot be sent, or null when it can: it must name the user by at least
    /// one criterion (deviceId, token, or an app field such as the client ID); <c>data</c> alone names nobody.
    /// </summary>
    public static string? CheckTarget(Target? target)
    {
        if (target is null)
            return "the target is null.";
        if (string.IsNullOrWhiteSpace(target.DeviceId) && string.IsNullOrWhiteSpace(target.Token) && target.AdditionalProperties.Count == 0)
            return "the target names no user: set deviceId, token or an indexed field of the app (e.g. the client ID).";
        return null;
    }

    /// <summary>
    /// Returns why <paramref name="user"/> cannot be sent in a device group update, or null when it can: it needs a
    /// matching key (the UDID or an indexed field) and at least one field to update, and cannot update <c>id</c>.
    /// </summary>
    public static string? CheckDeviceUpdate(IDictionary<string, object>? user)
    {
        if (user is null)
            return "the user is null.";
        if (user.Count < 2)
            return "the user needs a matching key (UDID or an indexed field) and at least one field to update.";
        if (user.Keys.Any(k => string.Equals(k, "id", StringComparison.OrdinalIgnoreCase)))
            return "the device field id cannot be updated.";
        return null;
    }
}
