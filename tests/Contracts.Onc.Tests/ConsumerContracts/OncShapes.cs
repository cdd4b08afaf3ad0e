using Contracts.Pacts.Matchers;

namespace Contracts.Onc.Tests.ConsumerContracts;

/// <summary>
/// The shapes ONC's values take on the wire, as the contract's XML Schema types and the Dynamic Notifications API
/// document define them, so that
/// the Pact file states "a GUID", "an xs:dateTime", "a status from 0 to 7" rather than one sample of each.
/// Rust regex syntax, anchored.
/// </summary>
internal static class OncShapes
{
    /// <summary>The session id OpenAPISession returns: an opaque token (the vendor documents no format), never blank.</summary>
    public static readonly MatchingRule SessionId = MatchingRule.Regex(@"^\S+$");

    /// <summary>ser:guid.</summary>
    public static readonly MatchingRule Guid = MatchingRule.Regex(Patterns.Uuid);

    /// <summary>xs:dateTime as DataContractSerializer writes a DateTime: seconds, optional fraction, then Z, an offset or nothing (unspecified kind).</summary>
    public static readonly MatchingRule DateTime = MatchingRule.Regex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$");

    /// <summary>ser:duration holding a time of day (ActiveFromTime, ActiveToTime): hours, minutes, seconds, e.g. PT9H or PT17H30M.</summary>
    public static readonly MatchingRule TimeOfDay = MatchingRule.Regex(@"^PT([0-9]+H)?([0-9]+M)?([0-9]+(\.[0-9]+)?S)?$");

    /// <summary>xs:boolean as WCF writes it.</summary>
    public static readonly MatchingRule Boolean = MatchingRule.Regex("^(true|false)$");

    /// <summary>xs:int that counts something (milliseconds, plays, retries, minutes).</summary>
    public static readonly MatchingRule Count = MatchingRule.Regex("^[0-9]+$");

    /// <summary>xs:int with any sign (a delivery error code).</summary>
    public static readonly MatchingRule Integer = MatchingRule.Regex("^-?[0-9]+$");

    /// <summary>RetryCount: attempts left, 0 to 255 as the Dynamic Notifications API document says.</summary>
    public static readonly MatchingRule RetryCount = MatchingRule.Regex("^([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])$");

    /// <summary>CommunicationStatusCode: the number, 0 (do not try) to 7 (cancelled).</summary>
    public static readonly MatchingRule StatusCode = MatchingRule.Regex("^[0-7]$");

    /// <summary>An error code that reports a failure: any integer but 0 (the vendor documents no list of codes).</summary>
    public static readonly MatchingRule FailureCode = MatchingRule.Regex("^-?[1-9][0-9]*$");

    /// <summary>Free text (names, descriptions, numbers and addresses the vendor gives no format for).</summary>
    public static readonly MatchingRule Text = MatchingRule.Type();
}
