using Contracts.Core.Batching;

namespace Contracts.Onc;

public sealed partial class OncClient
{
    /// <summary>
    /// Adds any number of contacts, one AddCampaignContact each, at most <c>MaxConcurrency</c> at a time on the shared
    /// session, and yields one result per contact as they complete: accepted, rejected (the service's error code, or
    /// the rule the contact breaks, checked before sending) or not attempted (cancelled, or no session could be opened).
    /// </summary>
    /// <remarks>
    /// The contacts are read lazily; memory does not grow with their number. Cancelling stops new calls and reports the
    /// rest as not attempted; it does not throw. A failure to open a session stops the batch: every contact not yet
    /// sent is reported not attempted with the service's answer.
    /// </remarks>
    public IAsyncEnumerable<BatchChunkResult<OutboundNotificationContactInfo>> AddCampaignContactsInChunksAsync(IAsyncEnumerable<OutboundNotificationContactInfo> contacts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ThrowIfDisposed();
        return ChunkedBatchRunner.RunAsync(
            contacts,
            new ChunkedBatchOptions(ChunkSize: 1, _options.MaxConcurrency),
            OncRules.CheckNewContact,
            SendContactAsync,
            _logger,
            cancellationToken);
    }

    /// <inheritdoc cref="AddCampaignContactsInChunksAsync(IAsyncEnumerable{OutboundNotificationContactInfo}, CancellationToken)"/>
    public IAsyncEnumerable<BatchChunkResult<OutboundNotificationContactInfo>> AddCampaignContactsInChunksAsync(IEnumerable<OutboundNotificationContactInfo> contacts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        return AddCampaignContactsInChunksAsync(contacts.ToAsyncEnumerable(), cancellationToken);
    }

    /// <summary>
    /// Runs <see cref="AddCampaignContactsInChunksAsync(IAsyncEnumerable{OutboundNotificationContactInfo}, CancellationToken)"/>
    /// to the end and returns the report. Rejected and not-attempted contacts are always kept, accepted ones only when
    /// <paramref name="keepAcceptedContacts"/> is true.
    /// </summary>
    public Task<BatchReport<OutboundNotificationContactInfo>> AddCampaignContactsAsync(IAsyncEnumerable<OutboundNotificationContactInfo> contacts, bool keepAcceptedContacts = false, CancellationToken cancellationToken = default)
        => BatchReport<OutboundNotificationContactInfo>.CollectAsync(AddCampaignContactsInChunksAsync(contacts, cancellationToken), keepAcceptedContacts);

    /// <inheritdoc cref="AddCampaignContactsAsync(IAsyncEnumerable{OutboundNotificationContactInfo}, bool, CancellationToken)"/>
    public Task<BatchReport<OutboundNotificationContactInfo>> AddCampaignContactsAsync(IEnumerable<OutboundNotificationContactInfo> contacts, bool keepAcceptedContacts = false, CancellationToken cancellationToken = default)
        => BatchReport<OutboundNotificationContactInfo>.CollectAsync(AddCampaignContactsInChunksAsync(contacts, cancellationToken), keepAcceptedContacts);

    private async Task<ChunkSendResult> SendContactAsync(IReadOnlyList<OutboundNotificationContactInfo> chunk, CancellationToken cancellationToken)
    {
        try
        {
            await InvokeForCodeAsync(OncOperations.AddCampaignContact, session => _service.AddCampaignContactAsync(session, chunk[0]), cancellationToken).ConfigureAwait(false);
            return ChunkSendResult.Accepted(requestId: null);
        }
        catch (OncException refused) when (refused.IsSessionFailure)
        {
            // No session means no later call can succeed either.
            return ChunkSendResult.NotAttempted(BatchFailure.FromVendor(refused, BatchFailureKind.AuthenticationFailed), stopBatch: true);
        }
        catch (OncException refused)
        {
            return ChunkSendResult.Rejected(BatchFailure.FromVendor(refused), stopBatch: false);
        }
    }
}
