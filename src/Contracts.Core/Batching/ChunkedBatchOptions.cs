namespace Contracts.Core.Batching;

/// <summary>How a batch is cut and how many requests run at once.</summary>
/// <param name="ChunkSize">Items per request (at least 1).</param>
/// <param name="MaxConcurrency">Requests in flight at once (at least 1).</param>
public readonly record struct ChunkedBatchOptions(int ChunkSize, int MaxConcurrency)
{
    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ChunkSize, 1, nameof(ChunkSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrency, 1, nameof(MaxConcurrency));
    }

    /// <summary>The vendor the batch goes to (ENGAGE, Accengage, ONC): its span is named "{Vendor} batch"; "batch" when null.</summary>
    public string? Vendor { get; init; }

    /// <summary>The package's source and meter, which receive the batch's span and item counts; Contracts.Core's when null.</summary>
    public Telemetry.VendorTelemetry? Telemetry { get; init; }

    /// <summary>
    /// Whether the vendor's refusal of one request would be repeated for every other, so the batch stops and the rest is
    /// reported not attempted. Null for the default: a refusal with a 2xx status (a body that says failure) or a 4xx
    /// other than 408 and 429. A refused redirect always stops the batch.
    /// </summary>
    public Func<VendorApiException, bool>? StopsBatch { get; init; }
}
