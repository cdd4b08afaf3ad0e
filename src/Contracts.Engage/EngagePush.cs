namespace Contracts.Engage;

/// <summary>
/// What a push delivers and from which calling numbers, shared by every destination of a batch: the program,
/// either a list of aNumbers or an aNumber group (never both), and how long the content lives on the device.
/// </summary>
/// <remarks>Create it with <see cref="FromANumbers"/> or <see cref="FromANumberGroup"/>; the client validates it before sending anything.</remarks>
public sealed record EngagePush
{
    /// <summary>
    /// ENGAGE's recommended time to live: 960 seconds (16 minutes). The contract states it in words and as the TTL's
    /// example, not as a value a generator reads; a test holds the two together.
    /// </summary>
    public const int RecommendedTtlSeconds = 960;

    // The contract's defaults, as the generated request model holds them.
    private static readonly BatchPushRequest Defaults = new();

    private EngagePush(Guid programContentUuid, IReadOnlyList<string>? aNumbers, Guid? aNumberGroupId)
    {
        ProgramContentUuid = programContentUuid;
        ANumbers = aNumbers;
        ANumberGroupId = aNumberGroupId;
    }

    /// <summary>A push whose calls come from the listed aNumbers (1 to <see cref="BatchPushRequest.MaxANumbers"/>, E.164, uploaded in the Content Portal).</summary>
    public static EngagePush FromANumbers(Guid programContentUuid, IEnumerable<string> aNumbers)
    {
        ArgumentNullException.ThrowIfNull(aNumbers);
        return new EngagePush(programContentUuid, aNumbers.ToArray(), null);
    }

    /// <summary>A push whose calls come from the numbers of an aNumber group configured in the Content Portal.</summary>
    public static EngagePush FromANumberGroup(Guid programContentUuid, Guid aNumberGroupId)
        => new(programContentUuid, null, aNumberGroupId);

    /// <summary>The ENGAGE program (Program Content UUID from the Content Portal) delivered to the devices.</summary>
    public Guid ProgramContentUuid { get; }

    /// <summary>The calling numbers, when the push names them; null when it names a group.</summary>
    public IReadOnlyList<string>? ANumbers { get; }

    /// <summary>The aNumber group, when the push names one; null when it lists aNumbers.</summary>
    public Guid? ANumberGroupId { get; }

    /// <summary>How long the content lives on the device, in seconds (at least 1). Default the contract's: 3600, as ENGAGE's own default.</summary>
    public int TtlSeconds { get; init; } = Defaults.TtlSeconds;

    /// <summary>Whether the content stays on the device after the call. Default the contract's: false, as ENGAGE recommends.</summary>
    public bool KeepAfterCall { get; init; } = Defaults.KeepAfterCall is true;

    /// <summary>Content is not sent to devices before this moment; null sends at once.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>The request body for <paramref name="destinations"/>.</summary>
    public BatchPushRequest ToRequest(IList<Destination> destinations) => new()
    {
        Destinations = destinations,
        ANumbers = ANumbers is null ? null : ANumbers as IList<string> ?? ANumbers.ToList(),
        ANumberGroupId = ANumberGroupId,
        NotBefore = NotBefore,
        TtlSeconds = TtlSeconds,
        KeepAfterCall = KeepAfterCall,
    };
}
