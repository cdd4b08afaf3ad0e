namespace Contracts.Pacts;

/// <summary>Entry point, as in PactNet: <c>Pact.V4("consumer", "provider", config).WithHttpInteractions()</c>.</summary>
public static class Pact
{
    /// <summary>
    /// A Pact between <paramref name="consumer"/> and <paramref name="provider"/> in the V4 specification, written
    /// to <c>{PactDir}/{consumer}-{provider}.json</c>.
    /// </summary>
    public static PactV4 V4(string consumer, string provider, PactConfig? config = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumer);
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        return new PactV4(consumer, provider, config ?? new PactConfig());
    }
}
