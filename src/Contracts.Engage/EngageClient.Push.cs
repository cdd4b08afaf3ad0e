using Contracts.Core.Batching;
using Contracts.Core.Telemetry;
using Contracts.Engage.Logging;

namespace Contracts.Engage;

public partial class EngageClient
{
    /// <summary>
    /// Pushes the program to <paramref name="destinations"/> in one request, after checking ENGAGE's rules.
    /// </summary>
    /// <returns>ENGAGE's answer (with its requestId) when the push succeeded.</returns>
    /// <exception cref="ArgumentException">The push or a destination breaks ENGAGE's rules; nothing was sent.</exception>
    /// <exception cref="EngageException">ENGAGE refused the push, including an HTTP 200 answer with a failure errorCode.</exception>
    /// <exception cref="Contracts.Core.AccessTokenException">No access token could be obtained; nothing was sent.</exception>
    public async Task<BatchPushResponse> PushAsync(EngagePush push, IEnumerable<Destination> destinations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(push);
        ArgumentNullException.ThrowIfNull(destinations);
        var list = destinations as IList<Destination> ?? destinations.ToList();
        EngagePushValidator.ThrowIfInvalid(push, list);
        foreach (var destination in list)
            EngagePushValidator.WarnAboutLongPersonalization(destination, _logger);

        var answer = await SendPushAsync(push, list, cancellationToken).ConfigureAwait(false);
        EngageLog.Pushed(_logger, list.Count, answer.RequestId);
        return answer;
    }

    /// <summary>
    /// Pushes the program to any number of destinations, streamed in requests of <c>BatchSize</c> destinations with
    /// at most <c>MaxConcurrency</c> in flight, and yields one result per request (and one per invalid destination)
    /// as they complete. Every destination is reported exactly once: accepted, rejected (with ENGAGE's message,
    /// errorCode and requestId, or the rule it breaks) or not attempted (cancelled, or stopped by a failure that
    /// every request would repeat).
    /// </summary>
    /// <remarks>
    /// The push settings are checked at once, before anything is sent (<see cref="ArgumentException"/>); each
    /// destination is checked as it is read, and an invalid one is reported rejected without being sent. Memory
    /// does not grow with the number of destinations. Cancelling stops new requests and reports the rest as not
    /// attempted; it does not throw.
    /// </remarks>
    /// <exception cref="ArgumentException">The shared push settings break ENGAGE's rules; nothing was sent.</exception>
    public IAsyncEnumerable<BatchChunkResult<Destination>> PushInChunksAsync(EngagePush push, IAsyncEnumerable<Destination> destinations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destinations);
        return ChunkedBatchRunner.RunAsync(destinations, BatchOptions, CheckAndWarn, SendChunks(push), _logger, cancellationToken);
    }

    /// <inheritdoc cref="PushInChunksAsync(EngagePush, IAsyncEnumerable{Destination}, CancellationToken)"/>
    public IAsyncEnumerable<BatchChunkResult<Destination>> PushInChunksAsync(EngagePush push, IEnumerable<Destination> destinations, CancellationToken cancellationToken = default)
    {
        // Not through ToAsyncEnumerable(): the runner cuts a synchronous input into chunks as it is, without an
        // async step per destination (see ChunkedBatchRunner).
        ArgumentNullException.ThrowIfNull(destinations);
        return ChunkedBatchRunner.RunAsync(destinations, BatchOptions, CheckAndWarn, SendChunks(push), _logger, cancellationToken);
    }

    /// <summary>
    /// Runs <see cref="PushInChunksAsync(EngagePush, IAsyncEnumerable{Destination}, CancellationToken)"/> to the end and
    /// returns the whole report. Rejected and not-attempted destinations are always kept; accepted ones only when
    /// <paramref name="keepAcceptedDestinations"/> is true.
    /// </summary>
    /// <exception cref="ArgumentException">The shared push settings break ENGAGE's rules; nothing was sent.</exception>
    public Task<BatchReport<Destination>> PushAllAsync(EngagePush push, IAsyncEnumerable<Destination> destinations, bool keepAcceptedDestinations = false, CancellationToken cancellationToken = default)
        => BatchReport<Destination>.CollectAsync(PushInChunksAsync(push, destinations, cancellationToken), keepAcceptedDestinations);

    /// <inheritdoc cref="PushAllAsync(EngagePush, IAsyncEnumerable{Destination}, bool, CancellationToken)"/>
    public Task<BatchReport<Destination>> PushAllAsync(EngagePush push, IEnumerable<Destination> destinations, bool keepAcceptedDestinations = false, CancellationToken cancellationToken = default)
        => BatchReport<Destination>.CollectAsync(PushInChunksAsync(push, destinations, cancellationToken), keepAcceptedDestinations);

    private ChunkedBatchOptions BatchOptions => new(_options.BatchSize, _options.MaxConcurrency) { Vendor = EngageException.VendorName, Telemetry = VendorTelemetry.For(ProductName) };

    private string? CheckAndWarn(Destination destination)
    {
        var problem = EngagePushValidator.CheckDestination(destination);
        if (problem is null)
            EngagePushValidator.WarnAboutLongPersonalization(destination, _logger);
        return problem;
    }

    /// <summary>
    /// Checks the shared push settings at once, then sends each chunk. A refusal in an HTTP 200 answer concerns what
    /// every request shares (the aNumbers), so the batch stops there (Core's rule for a refusal with a success status).
    /// </summary>
    private Func<IReadOnlyList<Destination>, CancellationToken, Task<ChunkSendResult>> SendChunks(EngagePush push)
    {
        ArgumentNullException.ThrowIfNull(push);
        EngagePushValidator.ThrowIfInvalid(push);
        return async (chunk, cancellationToken) => ChunkSendResult.Accepted((await SendPushAsync(push, chunk as IList<Destination> ?? chunk.ToList(), cancellationToken).ConfigureAwait(false)).RequestId);
    }

    /// <summary>
    /// Sends one push request, checked already (the whole push by PushAsync, each destination as a batch read it), so
    /// not again on the send path. An HTTP 200 answer whose errorCode says failure is ENGAGE's refusal, which the send
    /// path throws as an <see cref="EngageException"/> (<see cref="BatchPushResponse"/> is an IRefusalAnswer).
    /// </summary>
    private async Task<BatchPushResponse> SendPushAsync(EngagePush push, IList<Destination> destinations, CancellationToken cancellationToken)
    {
        try
        {
            return await _sender.SendAsync(PushBatchRequest(push.ProgramContentUuid, push.ToRequest(destinations)).BodyAlreadyChecked(), Json_.Info<BatchPushResponse>(), cancellationToken).ConfigureAwait(false);
        }
        catch (EngageException<BatchPushResponse> refused) when (refused.StatusCode == 200)
        {
            EngageLog.PushRefused(_logger, destinations.Count, refused.ErrorCode, refused.Result.RequestId);
            throw;
        }
    }
}
