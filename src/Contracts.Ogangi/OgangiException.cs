using Contracts.Core;

namespace Contracts.Ogangi;

/// <summary>
/// Ogangi refused a call (a <c>&lt;status&gt;</c> other than <c>OK</c>) or answered something that is not its XML
/// response (an HTML error page, malformed XML, an empty body). Carries the HTTP status, Ogangi's status as
/// <see cref="Status"/> (and as text in <see cref="VendorApiException.ErrorCode"/>) and its description in
/// <see cref="VendorApiException.VendorMessage"/>.
/// </summary>
/// <remarks>
/// Never holds the answer's body: an error page may echo the signed URL, with the public key and a signature that
/// stays valid for that exact call. The generated client constructs this type (nswag.json names it as the
/// exception class), so one constructor follows NSwag's shape.
/// </remarks>
public class OgangiException : VendorApiException
{
    internal const string VendorName = "Ogangi";

    private readonly OgangiAnswer? _answer;
    private readonly string _notAnAnswer;

    /// <summary>Creates the exception the generated client throws for an HTTP status other than 200.</summary>
    /// <param name="message">NSwag's text for the status; the HTTP status itself is kept in <see cref="VendorApiException.StatusCode"/>.</param>
    /// <param name="statusCode">HTTP status.</param>
    /// <param name="response">The answer's body, read for Ogangi's status and description and then dropped.</param>
    /// <param name="headers">The answer's headers.</param>
    /// <param name="innerException">The underlying failure.</param>
    public OgangiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : this(method: null, statusCode, OgangiAnswer.Read(response, ContentTypeOf(headers)), headers, innerException)
    {
    }

    internal OgangiException(string? method, int statusCode, (OgangiAnswer? Answer, string NotAnAnswer) read, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : base(VendorName, Summarise(method, read), statusCode, read.Answer?.StatusText, read.Answer?.Description, requestId: null, innerException)
    {
        _answer = read.Answer;
        _notAnAnswer = read.NotAnAnswer;
        Method = method;
        Status = read.Answer?.Status ?? OgangiStatus.Unreadable;
        Headers = headers ?? throw new ArgumentNullException(nameof(headers));
    }

    /// <summary>Ogangi's status: <see cref="OgangiStatus.BadSignature"/>, <see cref="OgangiStatus.Error"/>, ...</summary>
    public OgangiStatus Status { get; }

    /// <summary>True when Ogangi refused the signature (<c>BAD_SIGNATURE</c>): check the keys and the instance id.</summary>
    public bool IsBadSignature => Status == OgangiStatus.BadSignature;

    /// <summary>The Ogangi method called (e.g. <c>tools/sendSMS</c>), when the SDK knows it.</summary>
    public string? Method { get; }

    /// <summary>The answer's HTTP headers.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>The same failure, naming the method that was called.</summary>
    internal OgangiException ForMethod(string method)
        => new(method, StatusCode ?? 0, (_answer, _notAnAnswer), Headers, InnerException);

    internal static string? ContentTypeOf(IReadOnlyDictionary<string, IEnumerable<string>>? headers)
    {
        if (headers is null)
            return null;
        foreach (var (name, values) in headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                return string.Join(", ", values);
        }
        return null;
    }

    private static string Summarise(string? method, (OgangiAnswer? Answer, string NotAnAnswer) read)
    {
        var call = method ?? "the call";
        return read.Answer is null
            ? $"{call} answered {read.NotAnAnswer} instead of Ogangi's XML response"
            : $"{call} was refused";
    }
}
