using System.Text;
using Contracts.Core;

namespace Contracts.Accengage;

/// <summary>
/// Accengage refused a call or answered in a way the client could not read: the HTTP status and every
/// <c>{label, message}</c> of Accengage's error body, matchable by label (<see cref="HasLabel"/>,
/// <see cref="AccengageErrorLabels"/>). <see cref="VendorApiException.ErrorCode"/> is the first label.
/// </summary>
/// <remarks>
/// The generated client constructs this type (nswag.json names it as the exception class), so its constructors
/// follow NSwag's shape. Messages are built from Accengage's answer only, never from a request, so they never hold
/// the API key or a token.
/// </remarks>
public class AccengageException : VendorApiException
{
    internal const string VendorName = "Accengage";

    /// <summary>Creates the exception the generated client throws for an answer whose body it did not read as an error body.</summary>
    /// <param name="message">What the contract says the status means, or what went wrong reading the answer.</param>
    /// <param name="statusCode">HTTP status.</param>
    /// <param name="response">The answer's body as text, when read; its errors are read from it.</param>
    /// <param name="headers">The answer's headers.</param>
    /// <param name="innerException">The underlying failure.</param>
    public AccengageException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : this(message, statusCode, response, headers, AccengageErrorReader.Read(response), innerException)
    {
    }

    private protected AccengageException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, IReadOnlyList<ErrorItem> errors, Exception? innerException)
        : base(VendorName, Summarise(message), statusCode, errors.Count > 0 ? errors[0].Label : null, Describe(errors), RequestIdOf(headers), innerException)
    {
        Response = response;
        Headers = headers ?? throw new ArgumentNullException(nameof(headers));
        Errors = errors;
    }

    /// <summary>The answer's body as text, when the client read it as text.</summary>
    public string? Response { get; }

    /// <summary>The answer's HTTP headers.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>Every error of Accengage's answer, in order; empty when the answer had no error body.</summary>
    public IReadOnlyList<ErrorItem> Errors { get; }

    /// <summary>The labels of <see cref="Errors"/>, in order.</summary>
    public IEnumerable<string> Labels => Errors.Select(e => e.Label);

    /// <summary>True when one of the errors has <paramref name="label"/> (see <see cref="AccengageErrorLabels"/>).</summary>
    public bool HasLabel(string label) => Errors.Any(e => string.Equals(e.Label, label, StringComparison.Ordinal));

    private static string Summarise(string message)
    {
        // NSwag passes the contract's description of the status, which may span lines and end with a period;
        // the base class adds the status itself.
        var text = string.Join(' ', (message ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.EndsWith('.') ? text[..^1] : text;
    }

    private static string? Describe(IReadOnlyList<ErrorItem> errors)
    {
        if (errors.Count == 0)
            return null;
        var text = new StringBuilder();
        foreach (var error in errors)
        {
            if (text.Length > 0)
                text.Append("; ");
            text.Append(error.Label);
            if (!string.IsNullOrEmpty(error.Message))
                text.Append(' ').Append(error.Message);
        }
        return text.ToString();
    }

    /// <summary>Accengage documents no request id; a proxy or a later API version may send the usual header.</summary>
    private static string? RequestIdOf(IReadOnlyDictionary<string, IEnumerable<string>>? headers)
        => headers?.FirstOrDefault(h => string.Equals(h.Key, "X-Request-Id", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}

/// <summary>An <see cref="AccengageException"/> whose answer had a documented body, available as <see cref="Result"/>.</summary>
/// <typeparam name="TResult">The answer type (<see cref="ErrorBody"/> for every documented failure).</typeparam>
public class AccengageException<TResult> : AccengageException
{
    /// <summary>Creates the exception the generated client throws for a documented failure answer.</summary>
    public AccengageException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, TResult result, Exception? innerException)
        : base(message, statusCode, response, headers, ErrorsOf(result, response), innerException)
    {
        Result = result;
    }

    /// <summary>The answer's body.</summary>
    public TResult Result { get; }

    private static IReadOnlyList<ErrorItem> ErrorsOf(TResult result, string? response)
        => result is ErrorBody { Errors: { Count: > 0 } errors } ? errors.ToList() : AccengageErrorReader.Read(response);
}
