namespace Contracts.Sandbox.Engage;

/// <summary>What the simulated ENGAGE account holds: credentials, programs, calling numbers and groups.</summary>
public sealed class EngageSandboxOptions
{
    /// <summary>The program UUID the sandbox knows by default.</summary>
    public static readonly Guid DemoProgram = Guid.Parse("3e1b9b27-d1f9-4c8d-800f-bb534d6928d6");

    /// <summary>The aNumber group the sandbox knows by default.</summary>
    public static readonly Guid DemoANumberGroup = Guid.Parse("935b91a0-f2fb-4c43-b629-63fea6634512");

    /// <summary>Client id the token endpoint accepts.</summary>
    public string ClientId { get; set; } = "sandbox-client";

    /// <summary>Client secret the token endpoint accepts.</summary>
    public string ClientSecret { get; set; } = "sandbox-secret";

    /// <summary>Lifetime of issued tokens. Default 15 minutes, as ENGAGE documents.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Program UUIDs set up in the simulated Content Portal; others answer 400 "Invalid program setup".</summary>
    public ISet<Guid> Programs { get; } = new HashSet<Guid> { DemoProgram };

    /// <summary>aNumbers uploaded to the simulated Content Portal; others answer 200 with errorCode 200.</summary>
    public ISet<string> ANumbers { get; } = new HashSet<string>(StringComparer.Ordinal) { "+5014008029", "+5013509988", "+15550100000" };

    /// <summary>aNumber groups configured in the simulated Content Portal.</summary>
    public ISet<Guid> ANumberGroups { get; } = new HashSet<Guid> { DemoANumberGroup };
}
