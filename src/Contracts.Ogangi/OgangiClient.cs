using Contracts.Core;
using Contracts.Core.Http;
using Contracts.Core.Xml;
using Contracts.Ogangi.Logging;

namespace Contracts.Ogangi;

/// <summary>
/// Client for the Ogangi (Messangi) Campaign Manager REST API. The operations of the contract are generated and take
/// the path values as Ogangi writes them (Base64url, <c>null</c> literals); the friendly methods
/// (<see cref="SendSmsAsync(string, string, string, string?, CancellationToken)"/>, <see cref="SendMtAsync(string, string, string, string?, string?, CancellationToken)"/>,
/// <see cref="SendPinAsync"/>, <see cref="FireMessageAsync(string, string, CancellationToken)"/>,
/// <see cref="FireMessageAsync(FireMessageDescriptor, CancellationToken)"/>, <see cref="GetMoMessagesAsync(int, int, OgangiMoFilter?, CancellationToken)"/>)
/// take plain values, check them, encode them and return typed results.
/// </summary>
/// <remarks>
/// Every call is signed, generated operations included: the client's signing step writes the configured public key
/// and the signature in the last two path segments, which the contract leaves to signing, so no operation takes them.
/// Every path value is escaped by the contract's one rule, so that it stays one segment. Thread-safe: share one
/// instance. <c>new OgangiClient(options)</c> owns its connections and must be disposed; with
/// <c>services.AddOgangiClient(...)</c> the container owns them.
/// </remarks>
public partial class OgangiClient
{
    /// <summary>
    /// The account's instance, which every Ogangi route names, as validated at construction: the signing keys are
    /// taken then too, so a caller changing its options object afterwards cannot send them to another instance.
    /// </summary>
    private long InstanceId { get; set; }

    partial void OptionsTaken(OgangiClientOptions options) => InstanceId = options.InstanceId.GetValueOrDefault();

    private static partial IOperationSigning CreateOperationSigning(OgangiClientOptions options) => new OgangiSigning(options);

    /// <summary>
    /// Sends one call and reads its answer as the contract's XML schema: the result when Ogangi says OK, otherwise an
    /// <see cref="OgangiException"/> naming the method, whatever the HTTP status, logged once. When
    /// <paramref name="missing"/> says what an OK answer's result lacks, the call fails with
    /// <see cref="UnreadableAnswerException"/> carrying the answer's body, rather than returning an empty result.
    /// </summary>
    private async Task<T> CallAsync<TAnswer, T>(string method, OperationRequest request, XmlAnswer<TAnswer> answer, Func<TAnswer, T> readResult, Func<T, string?>? missing, CancellationToken cancellationToken)
        where TAnswer : OgangiResponse
    {
        using var capture = missing is null ? null : ResponseCapture.Begin();
        // The send path holds the call's span until the body's verdict (Ogangi refuses in an HTTP 200 too) and has
        // already turned any status but OK into an OgangiException (the envelope is an IRefusalAnswer).
        TAnswer read;
        try
        {
            read = await _sender.SendAsync(request, answer, cancellationToken).ConfigureAwait(false);
        }
        catch (OgangiException refused)
        {
            throw Logged(refused.ForMethod(method));
        }
        OgangiLog.Completed(_logger, method);
        var result = readResult(read);
        if (missing?.Invoke(result) is { } reason)
            throw new UnreadableAnswerException(OgangiException.VendorName, method, reason, capture);
        return result;
    }

    private OgangiException Logged(OgangiException error)
    {
        var method = error.Method ?? "call";
        switch (error.Status)
        {
            case OgangiStatus.BadSignature:
                OgangiLog.BadSignature(_logger, method);
                break;
            case OgangiStatus.Unreadable:
                OgangiLog.Unreadable(_logger, method, error.StatusCode);
                break;
            default:
                OgangiLog.Refused(_logger, method, error.ErrorCode, error.StatusCode);
                break;
        }
        return error;
    }
}
