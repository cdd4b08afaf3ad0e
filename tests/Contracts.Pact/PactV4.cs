namespace Contracts.Pacts;

/// <summary>A consumer-provider pair whose interactions are written to one Pact file (V4 specification).</summary>
public sealed class PactV4
{
    internal PactV4(string consumer, string provider, PactConfig config)
    {
        Consumer = consumer;
        Provider = provider;
        Config = config;
    }

    /// <summary>The consumer's name in the Pact file.</summary>
    public string Consumer { get; }

    /// <summary>The provider's name in the Pact file.</summary>
    public string Provider { get; }

    /// <summary>The settings every builder of this pair uses.</summary>
    public PactConfig Config { get; }

    /// <summary>
    /// A new builder for HTTP interactions, with its own engine handle and (when verified) its own mock server, so
    /// tests may build and verify in parallel. Each builder is verified once.
    /// </summary>
    /// <exception cref="Native.PactEngineNotFoundException">The engine is not installed; the message names the command that installs it.</exception>
    public PactBuilder WithHttpInteractions() => new(this);
}
