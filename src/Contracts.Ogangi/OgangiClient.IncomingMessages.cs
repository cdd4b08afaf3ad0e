using Contracts.Core;
using Contracts.Core.Validation;

namespace Contracts.Ogangi;

public partial class OgangiClient
{
    /// <summary>
    /// Fires an incoming message (MO) to the Campaign Manager for <paramref name="mobileNumber"/>, as if the user had
    /// sent <paramref name="text"/> (Ogangi's <c>fireMessage</c>, GET). The campaign answers through its own channel;
    /// Ogangi documents no result, so the answer's envelope is returned.
    /// </summary>
    /// <param name="mobileNumber">The user the MO is fired for, in international form with or without '+'.</param>
    /// <param name="text">The MO's text; sent Base64url-encoded, at most <see cref="OgangiLimits.MaxTextLength"/> UTF-16 code units.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">A value is invalid; nothing was sent.</exception>
    /// <exception cref="OgangiException">Ogangi refused the call or answered something other than its XML response.</exception>
    public Task<OgangiResponse> FireMessageAsync(string mobileNumber, string text, CancellationToken cancellationToken = default)
    {
        return CallAsync(
            "fireMessage",
            FireMessageCheckedRequest(InstanceId, mobileNumber, text),
            OgangiClientXml.OgangiResponse,
            Envelope,
            missing: null,
            cancellationToken);
    }

    /// <summary>
    /// Fires an incoming message (MO) described by a fire message descriptor (Ogangi's <c>fireMessage</c>, POST with
    /// the JSON descriptor); see <see cref="FireMessageDescriptor.Create"/>. Only the instance id is signed.
    /// </summary>
    /// <exception cref="ArgumentException">The descriptor has no field; nothing was sent.</exception>
    /// <exception cref="OgangiException">Ogangi refused the call or answered something other than its XML response.</exception>
    public Task<FireMessageResult> FireMessageAsync(FireMessageDescriptor descriptor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var problems = new ContractProblems();
        descriptor.Check(problems);
        problems.ThrowIfAny("The Ogangi fireMessage call");

        return CallAsync(
            "fireMessage",
            FireMessageWithDescriptorRequest(InstanceId, descriptor),
            OgangiClientXml.FireMessageResponse,
            answer => answer.Result ?? new FireMessageResult(),
            missing: null,
            cancellationToken);
    }

    /// <summary>Lists one page of the incoming messages (MO) received (Ogangi's <c>tools/getMOMessages</c>).</summary>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Messages per page, 1 to <see cref="OgangiLimits.MaxPageSize"/>.</param>
    /// <param name="filter">Narrows the messages; null (or an empty filter) lists them all (sent as <c>null</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page: <c>Records</c> (total found) and <c>Messages</c> (this page's messages).</returns>
    /// <exception cref="ArgumentException">A value is invalid; nothing was sent.</exception>
    /// <exception cref="OgangiException">Ogangi refused the call or answered something other than its XML response.</exception>
    /// <exception cref="UnreadableAnswerException">The count of records says the page holds messages, and none was read.</exception>
    public async Task<MoMessageList> GetMoMessagesAsync(int page, int pageSize, OgangiMoFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var problems = new ContractProblems();
        problems.Range(nameof(page), page, 1, int.MaxValue);
        CheckGetMoMessagesLimits(problems, pageSize);
        foreach (var problem in filter?.Problems() ?? [])
            problems.Add("", problem);
        problems.ThrowIfAny("The Ogangi getMOMessages call");

        var search = filter?.ToSearchString() ?? OgangiLimits.AbsentValue;
        // The nesting of the MO list is inferred (the document's sample lost its element names): a page that the
        // count of records says holds messages, but where none was found, was not read, and must not pass for empty.
        return await CallAsync(
            "getMOMessages",
            GetMoMessagesRequest(InstanceId, page, pageSize, search).Personal(filter?.From ?? []).Personal(filter?.To ?? []).Personal(filter?.Keywords ?? []),
            OgangiClientXml.MoMessagesResponse,
            answer => answer.Result?.MOMessageList ?? new MoMessageList { Messages = [] },
            list => list.Records is { } records && records > (long)(page - 1) * pageSize && (list.Messages is null || list.Messages.Count == 0)
                ? $"<records> is {records} but no <MOMessage> was found in page {page}"
                : null,
            cancellationToken).ConfigureAwait(false);
    }
}
