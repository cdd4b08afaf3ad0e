using System.Text.Json;
using Contracts.Core.Batching;
using Contracts.Core.Telemetry;
using Contracts.Core.Validation;

namespace Contracts.Accengage;

public partial class AccengageClient
{
    /// <summary>
    /// Triggers <paramref name="message"/> for any number of targets of the app (<see cref="AccengageClientOptions.PartnerId"/>),
    /// sent as instant messages of at most <see cref="AccengageLimits.MaxTargetsPerInstantMessage"/> targets, at most
    /// <see cref="AccengageClientOptions.MaxConcurrency"/> at a time, and yields one result per request (and one per
    /// invalid target) as they complete. Every target is reported exactly once: accepted, rejected (with Accengage's
    /// status and labels, or the rule it breaks) or not attempted (cancelled, or stopped by a failure every request
    /// would repeat: a refused token, signature or right, an unknown message).
    /// </summary>
    /// <remarks>
    /// Accengage accepts a request when at least one of its targets is valid and does not say which were not, so
    /// "accepted" means the request carrying the target was handled; delivery follows. The message is checked at once
    /// (<see cref="ArgumentException"/>); each target as it is read. Memory does not grow with the number of targets.
    /// Cancelling stops new requests and reports the rest as not attempted; it does not throw.
    /// </remarks>
    /// <param name="message">The existing message to trigger and the parameters that override it; its targets, if any, are ignored.</param>
    /// <param name="targets">The users to send to, read once, lazily.</param>
    /// <param name="cancellationToken">Stops sending.</param>
    /// <exception cref="ArgumentException">The message names no existing message to trigger; nothing was sent.</exception>
    public IAsyncEnumerable<BatchChunkResult<Target>> SendInstantMessageInChunksAsync(MessageData message, IAsyncEnumerable<Target> targets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return ChunkedBatchRunner.RunAsync(targets, BatchOptions(AccengageLimits.MaxTargetsPerInstantMessage), AccengageBatchRules.CheckTarget, SendInstantMessages(message), _logger, cancellationToken);
    }

    /// <inheritdoc cref="SendInstantMessageInChunksAsync(MessageData, IAsyncEnumerable{Target}, CancellationToken)"/>
    public IAsyncEnumerable<BatchChunkResult<Target>> SendInstantMessageInChunksAsync(MessageData message, IEnumerable<Target> targets, CancellationToken cancellationToken = default)
    {
        // Not through ToAsyncEnumerable(): the runner cuts a synchronous input into chunks as it is (see ChunkedBatchRunner).
        ArgumentNullException.ThrowIfNull(targets);
        return ChunkedBatchRunner.RunAsync(targets, BatchOptions(AccengageLimits.MaxTargetsPerInstantMessage), AccengageBatchRules.CheckTarget, SendInstantMessages(message), _logger, cancellationToken);
    }

    /// <summary>
    /// Runs <see cref="SendInstantMessageInChunksAsync(MessageData, IAsyncEnumerable{Target}, CancellationToken)"/> to the
    /// end and returns the whole report. Rejected and not-attempted targets are always kept; accepted ones only when
    /// <paramref name="keepAcceptedTargets"/> is true.
    /// </summary>
    /// <exception cref="ArgumentException">The message names no existing message to trigger; nothing was sent.</exception>
    public Task<BatchReport<Target>> SendInstantMessageToAllAsync(MessageData message, IAsyncEnumerable<Target> targets, bool keepAcceptedTargets = false, CancellationToken cancellationToken = default)
        => BatchReport<Target>.CollectAsync(SendInstantMessageInChunksAsync(message, targets, cancellationToken), keepAcceptedTargets);

    /// <inheritdoc cref="SendInstantMessageToAllAsync(MessageData, IAsyncEnumerable{Target}, bool, CancellationToken)"/>
    public Task<BatchReport<Target>> SendInstantMessageToAllAsync(MessageData message, IEnumerable<Target> targets, bool keepAcceptedTargets = false, CancellationToken cancellationToken = default)
        => BatchReport<Target>.CollectAsync(SendInstantMessageInChunksAsync(message, targets, cancellationToken), keepAcceptedTargets);

    /// <summary>
    /// Updates any number of devices of the app, sent as device group updates of at most
    /// <see cref="AccengageLimits.MaxUsersPerDeviceUpdate"/> users, at most <see cref="AccengageClientOptions.MaxConcurrency"/>
    /// at a time, and yields one result per request (and one per invalid user) as they complete. Each user is a
    /// matching key (<c>UDID</c>, or an indexed field of the app) and the fields to update, by field name. Every user
    /// is reported exactly once, as for <see cref="SendInstantMessageInChunksAsync(MessageData, IAsyncEnumerable{Target}, CancellationToken)"/>.
    /// </summary>
    /// <remarks>
    /// When Accengage refuses a request (a badly formatted user, an unknown field), it names the faulty user in its
    /// message but the whole request is reported rejected, with that message.
    /// </remarks>
    /// <param name="users">The users to update, read once, lazily.</param>
    /// <param name="cancellationToken">Stops sending.</param>
    public IAsyncEnumerable<BatchChunkResult<IDictionary<string, object>>> UpdateDevicesInChunksAsync(IAsyncEnumerable<IDictionary<string, object>> users, CancellationToken cancellationToken = default)
    {
        return ChunkedBatchRunner.RunAsync(users, BatchOptions(AccengageLimits.MaxUsersPerDeviceUpdate), AccengageBatchRules.CheckDeviceUpdate, UpdateDeviceGroupAsync, _logger, cancellationToken);
    }

    /// <inheritdoc cref="UpdateDevicesInChunksAsync(IAsyncEnumerable{IDictionary{string, object}}, CancellationToken)"/>
    public IAsyncEnumerable<BatchChunkResult<IDictionary<string, object>>> UpdateDevicesInChunksAsync(IEnumerable<IDictionary<string, object>> users, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        return ChunkedBatchRunner.RunAsync(users, BatchOptions(AccengageLimits.MaxUsersPerDeviceUpdate), AccengageBatchRules.CheckDeviceUpdate, UpdateDeviceGroupAsync, _logger, cancellationToken);
    }

    /// <summary>
    /// Runs <see cref="UpdateDevicesInChunksAsync(IAsyncEnumerable{IDictionary{string, object}}, CancellationToken)"/> to the
    /// end and returns the whole report. Rejected and not-attempted users are always kept; accepted ones only when
    /// <paramref name="keepAcceptedUsers"/> is true.
    /// </summary>
    public Task<BatchReport<IDictionary<string, object>>> UpdateAllDevicesAsync(IAsyncEnumerable<IDictionary<string, object>> users, bool keepAcceptedUsers = false, CancellationToken cancellationToken = default)
        => BatchReport<IDictionary<string, object>>.CollectAsync(UpdateDevicesInChunksAsync(users, cancellationToken), keepAcceptedUsers);

    /// <inheritdoc cref="UpdateAllDevicesAsync(IAsyncEnumerable{IDictionary{string, object}}, bool, CancellationToken)"/>
    public Task<BatchReport<IDictionary<string, object>>> UpdateAllDevicesAsync(IEnumerable<IDictionary<string, object>> users, bool keepAcceptedUsers = false, CancellationToken cancellationToken = default)
        => BatchReport<IDictionary<string, object>>.CollectAsync(UpdateDevicesInChunksAsync(users, cancellationToken), keepAcceptedUsers);

    /// <summary>
    /// Requests of at most <paramref name="chunkSize"/> items. A refused token, signature or right (401, 403, or those
    /// labels) and a missing resource (404: the message, the app) would be refused for every request, so they stop the
    /// batch; a request's own bad data (other 400s) does not.
    /// </summary>
    private ChunkedBatchOptions BatchOptions(int chunkSize) => new(chunkSize, _options.MaxConcurrency)
    {
        Vendor = AccengageException.VendorName,
        Telemetry = VendorTelemetry.For(ProductName),
        StopsBatch = refused => refused.StatusCode is 401 or 403 or 404
                                || refused is AccengageException accengage && (accengage.HasLabel(AccengageErrorLabels.Token) || accengage.HasLabel(AccengageErrorLabels.Signature) || accengage.HasLabel(AccengageErrorLabels.Forbidden)),
    };

    /// <summary>
    /// Checks <paramref name="message"/> at once, then sends each chunk as a copy of it (every field, known or not,
    /// serialised once) carrying the chunk's targets.
    /// </summary>
    private Func<IReadOnlyList<Target>, CancellationToken, Task<ChunkSendResult>> SendInstantMessages(MessageData message)
    {
        ArgumentNullException.ThrowIfNull(message);
        InvalidRequest.ThrowIfAny("The instant message", AccengageBatchRules.CheckMessage(message));
        var template = JsonSerializer.SerializeToUtf8Bytes(message, Json_.Info<MessageData>());
        return async (targets, cancellationToken) =>
        {
            var copy = JsonSerializer.Deserialize(template, Json_.Info<InstantMessage>())!;
            copy.Targets = targets as IList<Target> ?? targets.ToList();
            await SendInstantMessageAsync(_options.PartnerId, copy, cancellationToken).ConfigureAwait(false);
            return ChunkSendResult.Accepted(requestId: null);
        };
    }

    private async Task<ChunkSendResult> UpdateDeviceGroupAsync(IReadOnlyList<IDictionary<string, object>> users, CancellationToken cancellationToken)
    {
        await UpdateDevicesAsync(_options.PartnerId, new DeviceGroupUpdate { Users = users.ToList() }, cancellationToken).ConfigureAwait(false);
        return ChunkSendResult.Accepted(requestId: null);
    }
}
