using Contracts.Core.Batching;
using Contracts.Core.Telemetry;

namespace Contracts.Onc;

public sealed partial class OncClient
{
    /// <summary>
    /// Adds any number of contacts, one AddCampaignContact each, at most <c>MaxConcurrency</c> at a time on the shared
    /// session, and yields one result per contact as they complete: accepted, rejected (the service's error code, or
    /// the rule the contact breaks, checked before sending), not attempted (cancelled before it was sent, or no session
    /// could be opened) or unknown (it was sent and no answer says what became of it: a timeout, a broken connection,
    /// a 5xx, an answer that could not be read, a cancellation while it was on the wire).
    /// </summary>
    /// <remarks>
    /// The contacts are read lazily; memory does not grow with their number. No contact is sent twice: AddCampaignContact
    /// is not idempotent, so an unknown one is reported, not sent again. A contact keeps the verdict of its own answer
    /// when the check of the session that follows a failure fails itself (a refusal stays rejected with the service's
    /// code, a fault stays unknown). Cancelling stops new calls and reports the rest
    /// as not attempted; it does not throw. A failure to open a session stops the batch: every contact not yet sent is
    /// reported not attempted with the service's answer.
    /// </remarks>
    public IAsyncEnumerable<BatchChunkResult<OutboundNotificationContactInfo>> AddCampaignContactsInChunksAsync(IAsyncEnumerable<OutboundNotificationContactInfo> contacts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ThrowIfDisposed();
        return ChunkedBatchRunner.RunAsync(
            contacts,
            new ChunkedBatchOptions(ChunkSize: 1, _options.MaxConcurrency) { Vendor = OncException.VendorName, Telemetry = VendorTelemetry.For(ProductName) },
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

    /// <summary>
    /// Sends one contact. What goes wrong is thrown to the batch runner, which reports it by what the service may have
    /// done (<see cref="Contracts.Core.VendorApiException.Delivery"/>): an error code as rejected, no session as not
    /// attempted (and the batch stops: no later call could succeed), a timeout, a broken connection, a 5xx or an
    /// unreadable answer as unknown, never to be sent again by the SDK.
    /// </summary>
    private async Task<ChunkSendResult> SendContactAsync(IReadOnlyList<OutboundNotificationContactInfo> chunk, CancellationToken cancellationToken)
    {
        await InvokeForCodeAsync(OncOperations.AddCampaignContact, session => _operations.AddCampaignContactAsync(session, chunk[0]), cancellationToken, chunk[0]).ConfigureAwait(false);
        return ChunkSendResult.Accepted(requestId: null);
    }
}
