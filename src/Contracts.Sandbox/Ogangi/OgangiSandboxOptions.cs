namespace Contracts.Sandbox.Ogangi;

/// <summary>
/// What the simulated Ogangi workspace holds: its instance id and API keys, the carriers and short codes it may send
/// through, and the incoming messages (MO) it has received. <see cref="OgangiSimulator.Reset"/> restores this.
/// </summary>
public sealed class OgangiSandboxOptions
{
    /// <summary>The short or long code the sandbox assigns by default (the <c>from</c> of Ogangi's sendSMS sample).</summary>
    public const string DemoShortCode = "19893653744";

    /// <summary>The code the sandbox's initial incoming messages were sent to (the <c>to</c> of Ogangi's MO sample).</summary>
    public const string DemoMoCode = "19893143924";

    /// <summary>The workspace identification number. Default 8, the instance of Ogangi's own examples.</summary>
    public long InstanceId { get; set; } = 8;

    /// <summary>The public key calls must carry.</summary>
    public string PublicKey { get; set; } = "sandbox-public-key";

    /// <summary>The private key signatures are checked with. A sandbox key, not a secret.</summary>
    public string PrivateKey { get; set; } = "sandbox-private-key";

    /// <summary>The client identification (sender) answered in each sendSMS message's <c>clientId</c>.</summary>
    public string ClientId { get; set; } = "sandbox-client";

    /// <summary>
    /// Carriers the workspace sends through; a message through another one is created with status
    /// <c>BAD_CARRIER/FROM</c> and not sent. The first one is used when a call leaves the carrier to Ogangi (<c>null</c>).
    /// </summary>
    public IList<OgangiSandboxCarrier> Carriers { get; } =
    [
        new("1", "Movistar"),
        new("2", "Digitel"),
        new("3", "Movilnet"),
    ];

    /// <summary>Short and long codes assigned to the workspace; a message from another one gets status <c>BAD_FROM</c>.</summary>
    public ISet<string> ShortCodes { get; } = new HashSet<string>(StringComparer.Ordinal) { DemoShortCode, DemoMoCode, "43" };

    /// <summary>
    /// Incoming messages the workspace has received, listed by getMOMessages (and added to by fireMessage and
    /// <see cref="OgangiSimulator.AddIncomingMessage"/>). The default twelve include three that match the MO search
    /// string of Ogangi's own example (<c>from=13056708084&amp;to=19893143924&amp;keyword=^OGANGI.*&amp;carrier=movistar</c>).
    /// </summary>
    public IList<OgangiMoMessage> MoMessages { get; } = DefaultMoMessages();

    private static List<OgangiMoMessage> DefaultMoMessages()
    {
        // Fixed dates, a few minutes apart, from the day of Ogangi's MO sample: the order is known.
        var first = new DateTimeOffset(2014, 10, 13, 10, 30, 51, 922, TimeSpan.Zero);
        (string Text, string From, string To, string Keyword, string Carrier)[] samples =
        [
            ("OGANGI TEST", "13056708084", DemoMoCode, "OGANGI", "Movistar"),
            ("Test", "58123456789", DemoMoCode, "OGANGI", "Movistar"),
            ("STOP", "58123456789", DemoMoCode, "STOP", "Movistar"),
            ("OGANGI promo code please", "13056708084", DemoMoCode, "OGANGI", "Movistar"),
            ("INFO", "58412345678", "43", "INFO", "Digitel"),
            ("OGANGI", "58412345678", "43", "OGANGI", "Digitel"),
            ("OGANGIPLUS hello", "13056708084", DemoMoCode, "OGANGIPLUS", "Digitel"),
            ("HELP", "13056708084", DemoMoCode, "HELP", "Movistar"),
            ("ALTO", "58261234567", "43", "ALTO", "Movilnet"),
            ("OGANGI again", "13056708084", DemoMoCode, "OGANGI", "Movistar"),
            ("OGANGI win", "58261234567", "43", "OGANGI", "Movilnet"),
            ("STOP", "13056708084", "43", "STOP", "Movistar"),
        ];
        return samples.Select((m, i) => new OgangiMoMessage(m.Text, m.From, m.To, m.Keyword, m.Carrier, first.AddMinutes(7 * i))).ToList();
    }
}
