using Contracts.Core.Batching;
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

    private partial string? CheckBatchItem(Destination item)
    {
        var problem = EngagePushValidator.CheckDestination(item);
        if (problem is null)
            EngagePushValidator.WarnAboutLongPersonalization(item, _logger);
        return problem;
    }

    // A refusal in an HTTP 200 answer concerns what every request shares (the aNumbers), so the batch stops there
    // (Core's rule for a refusal with a success status).
    private partial Func<IReadOnlyList<Destination>, CancellationToken, Task<ChunkSendResult>> BatchChunkSender(EngagePush push)
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
            // A refusal may quote the destinations: their numbers and the texts shown to them are personal (the aNumbers,
            // a business's own, are not). Lazy selections: read only when a failure is shown, never per destination sent.
            var request = PushBatchRequest(push.ProgramContentUuid, push.ToRequest(destinations)).BodyAlreadyChecked()
                .Personal(destinations.Select(destination => destination.BNumber))
                .Personal(destinations.SelectMany(destination => destination.Personalization?.Values ?? []));
            return await _sender.SendAsync(request, Json_.Info<BatchPushResponse>(), cancellationToken).ConfigureAwait(false);
        }
        catch (EngageException<BatchPushResponse> refused) when (refused.StatusCode == 200)
        {
            EngageLog.PushRefused(_logger, destinations.Count, refused.ErrorCode, refused.Result.RequestId);
            throw;
        }
    }
}
