namespace Contracts.Engage.Tests;

/// <summary>The push request example in the ENGAGE Federated Batch Push guide: its two destinations, aNumbers, group and program.</summary>
internal static class Samples
{
    public static readonly Guid Program = Guid.Parse("3e1b9b27-d1f9-4c8d-800f-bb534d6928d6");
    public static readonly Guid Group = Guid.Parse("935b91a0-f2fb-4c43-b629-63fea6634512");
    public static readonly string[] ANumbers = ["+5014008029", "+5013509988"];

    public static Destination[] GuideDestinations() =>
    [
        new() { BNumber = "+15018902005", Personalization = new Dictionary<string, string> { ["MY_VAR"] = "Put Custom Text Here" }, CustomTrackingId = "custom-tracking-1" },
        new() { BNumber = "+14258309029", Personalization = new Dictionary<string, string> { ["MY_VAR"] = "Put Custom Text Here" }, CustomTrackingId = "custom-tracking-2" },
    ];

    public static EngagePush GuidePush() => EngagePush.FromANumbers(Program, ANumbers) with
    {
        NotBefore = new DateTimeOffset(2020, 2, 10, 16, 0, 0, TimeSpan.Zero),
        TtlSeconds = 3600,
        KeepAfterCall = false,
    };

    /// <summary>n distinct valid destinations: +1555 followed by a 7-digit counter.</summary>
    public static IEnumerable<Destination> Numbered(int count)
    {
        for (var i = 0; i < count; i++)
            yield return new Destination { BNumber = $"+1555{i:D7}", CustomTrackingId = $"t-{i}" };
    }
}
