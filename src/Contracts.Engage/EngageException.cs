using Contracts.Core;

namespace Contracts.Engage;

/// <summary>
/// ENGAGE refused a call or answered with a failure: HTTP status, ENGAGE's errorCode, its message and its requestId.
/// Thrown by the generated operations for every non-success status and by the friendly methods for an HTTP 200
/// answer whose errorCode says failure.
/// </summary>
/// <remarks>
/// The generated client constructs this type (nswag.json names it as the exception class), so its constructors
/// follow NSwag's shape; hand-written code adds what the vendor's answer means.
/// </remarks>
public class EngageException : VendorApiException
{
    internal const string VendorName = "ENGAGE";

    /// <summary>
    /// Creates the exception the generated client throws for a status the contract does not declare for the operation
    /// (or declares without a body): ENGAGE's message, errorCode and requestId are read from <paramref name="response"/>
    /// when it carries them.
    /// </summary>
    /// <param name="message">What the contract says the status means.</param>
    /// <param name="statusCode">HTTP status.</param>
    /// <param name="response">The answer's body, if read.</param>
    /// <param name="headers">The answer's headers.</param>
    /// <param name="innerException">The underlying failure.</param>
    public EngageException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : this(message, statusCode, response, headers, EngageErrorBody.TryRead(response), innerException)
    {
    }

    internal EngageException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, IEngageAnswer? answer, Exception? innerException)
        : base(VendorName, Summarise(message), statusCode, answer?.ErrorCode, answer?.Explanation, answer?.RequestId, innerException)
    {
        Response = response;
        Headers = headers ?? throw new ArgumentNullException(nameof(headers));
    }

    /// <summary>The answer's body as text, when it was read as text.</summary>
    public string? Response { get; }

    /// <summary>The answer's HTTP headers.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>True when ENGAGE refused the bearer token (HTTP 401) even after the client fetched a fresh one.</summary>
    public bool IsUnauthorized => StatusCode == 401;

    private static string Summarise(string message)
    {
        // NSwag's texts for unexpected statuses end with a period and the status; the base adds the status itself.
        var text = message.Trim();
        return text.EndsWith('.') ? text[..^1] : text;
    }
}

/// <summary>An <see cref="EngageException"/> whose answer had a documented body, available as <see cref="Result"/>.</summary>
/// <typeparam name="TResult">The answer type (for example <see cref="BatchPushResponse"/>).</typeparam>
public class EngageException<TResult> : EngageException
{
    /// <summary>Creates the exception the generated client throws for a documented failure answer.</summary>
    public EngageException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, TResult result, Exception? innerException)
        : base(message, statusCode, response, headers, result as IEngageAnswer, innerException)
    {
        Result = result;
    }

    /// <summary>The answer's body.</summary>
    public TResult Result { get; }
}
