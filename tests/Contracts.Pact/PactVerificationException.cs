namespace Contracts.Pacts;

/// <summary>
/// The consumer did not do what its interactions say: a request did not match, an expected request never came, or
/// an unexpected one did. The message spells out every mismatch and ends with the mock server's log.
/// </summary>
public sealed class PactVerificationException : PactException
{
    internal PactVerificationException(string message, string mismatchesJson, string mockServerLog, Exception? consumerFailure)
        : base(message, consumerFailure)
    {
        MismatchesJson = mismatchesJson;
        MockServerLog = mockServerLog;
    }

    /// <summary>The mismatches as the engine reported them (a JSON array).</summary>
    public string MismatchesJson { get; }

    /// <summary>The mock server's whole log for this verification.</summary>
    public string MockServerLog { get; }
}
