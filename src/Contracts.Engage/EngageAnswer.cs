using Contracts.Core.Xml;

namespace Contracts.Engage;

/// <summary>
/// The fields of every ENGAGE answer an <see cref="EngageException"/> reads (errorCode, requestId, the explanation),
/// and what they mean. The generated answer types implement it through the partials below.
/// </summary>
internal interface IEngageAnswer
{
    string? ErrorCode { get; }

    string RequestId { get; }

    /// <summary>The vendor's explanation of a failure, in one sentence.</summary>
    string? Explanation { get; }
}

/// <summary>How ENGAGE error codes read.</summary>
public static class EngageErrorCodes
{
    /// <summary>
    /// True when <paramref name="errorCode"/> means success: absent, empty or 0. ENGAGE sends the code as a
    /// number in some answers and as a string in others; both arrive here as text.
    /// </summary>
    public static bool IsSuccess(string? errorCode) => string.IsNullOrWhiteSpace(errorCode) || errorCode.Trim() == "0";
}

/// <summary>ENGAGE's answer to the token request and to the token health check.</summary>
public partial class TokenResponse : IEngageAnswer
{
    string? IEngageAnswer.Explanation => Message;
}

/// <summary>
/// ENGAGE's answer to a batch push. As an <see cref="IRefusalAnswer"/>, an answer that does not say success (HTTP 200
/// with errorCode 200 included) makes every push, friendly or generated, an <see cref="EngageException"/>.
/// </summary>
public partial class BatchPushResponse : IEngageAnswer, IRefusalAnswer
{
    bool IRefusalAnswer.IsRefusal => !IsSuccess;

    /// <summary>
    /// True only for ENGAGE's documented success: <c>response</c> is <c>success</c> and the error code is empty or 0.
    /// HTTP 200 alone does not say so, nor does an answer without <c>response</c> (<c>{}</c>): anything else is a failure.
    /// </summary>
    public bool IsSuccess => string.Equals(Response?.Trim(), "success", StringComparison.OrdinalIgnoreCase) && EngageErrorCodes.IsSuccess(ErrorCode);

    /// <summary>The failure reason (<c>response</c>) and the message, e.g. "Not allowed to use one or more anumbers."</summary>
    public string? Explanation => (Response, Message) switch
    {
        ({ Length: > 0 } response, { Length: > 0 } message) when !string.Equals(response, "success", StringComparison.OrdinalIgnoreCase) => $"{response} {message}",
        (_, { Length: > 0 } message) => message,
        ({ Length: > 0 } response, _) => response,
        _ => "the answer does not say success",
    };
}
