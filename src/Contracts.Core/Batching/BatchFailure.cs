namespace Contracts.Core.Batching;

/// <summary>Why a group of items was rejected or not attempted, with what the vendor said when it said anything.</summary>
public sealed class BatchFailure
{
    /// <summary>Creates a failure.</summary>
    public BatchFailure(BatchFailureKind kind, string reason, int? statusCode = null, string? errorCode = null, string? requestId = null, Exception? exception = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Kind = kind;
        Reason = reason;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        RequestId = requestId;
        Exception = exception;
    }

    /// <summary>The category of failure.</summary>
    public BatchFailureKind Kind { get; }

    /// <summary>A sentence for people: the vendor's message, or what the SDK found.</summary>
    public string Reason { get; }

    /// <summary>HTTP status of the vendor's answer, if one came.</summary>
    public int? StatusCode { get; }

    /// <summary>The vendor's error code, if it gave one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The vendor's request id, if it gave one.</summary>
    public string? RequestId { get; }

    /// <summary>The exception behind the failure, if any.</summary>
    public Exception? Exception { get; }

    /// <summary>A failure read from a vendor exception: status, error code, request id and message carried over.</summary>
    public static BatchFailure FromVendor(VendorApiException exception, BatchFailureKind kind = BatchFailureKind.VendorRejected)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new BatchFailure(
            kind,
            exception.Message,
            exception.StatusCode,
            exception.ErrorCode,
            exception.RequestId,
            exception);
    }

    /// <summary>The failure for items not sent because the caller cancelled.</summary>
    public static BatchFailure Cancelled { get; } = new(BatchFailureKind.Cancelled, "The batch was cancelled before these items were sent.");

    /// <inheritdoc />
    public override string ToString() => $"{Kind}: {Reason}";
}
