using System.Text;
using Contracts.Core;
using Contracts.Core.Http;

namespace Contracts.Ogangi;

/// <summary>
/// Ogangi refused a call (a <c>&lt;status&gt;</c> other than <c>OK</c>) or answered something that is not its XML
/// response (an HTML error page, malformed XML, an empty body). Carries the HTTP status, Ogangi's status as
/// <see cref="Status"/> (and as text in <see cref="VendorApiException.ErrorCode"/>) and its description in
/// <see cref="VendorApiException.VendorMessage"/>.
/// </summary>
/// <remarks>
/// Never holds the answer's body: an error page may echo the signed URL, with the public key and a signature that
/// stays valid for that exact call. The mobile numbers, texts and filter values the call carried are shown as
/// <c>***</c> where Ogangi's description quotes them (declared personal). The client's error table (Core's <see cref="VendorErrorTable{TException}"/>)
/// creates it for every answer that is not a success, whatever the HTTP status.
/// </remarks>
public class OgangiException : VendorApiException, IVendorExceptionFactory
{
    internal const string VendorName = "Ogangi";

    private readonly OgangiResponse? _answer;
    private readonly string _notAnAnswer;

    internal OgangiException(string? method, int statusCode, OgangiResponse? answer, string notAnAnswer, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : base(VendorName, Summarise(method, answer, notAnAnswer), statusCode, answer?.Status?.Trim(), answer?.Description, requestId: null, innerException)
    {
        _answer = answer;
        _notAnAnswer = notAnAnswer;
        Method = method;
        Status = OgangiResponse.StatusOf(answer);
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
        => new(method, StatusCode ?? 0, _answer, _notAnAnswer, Headers, InnerException);

    static Exception IVendorExceptionFactory.Create(VendorFailure failure) => FromBody(failure);

    // A refusal in a 200 was read as the operation's answer type; its envelope is read again from the body, so every
    // failure takes the same path.
    static Exception IVendorExceptionFactory.Create<TResult>(VendorFailure failure, TResult result) => FromBody(failure);

    /// <summary>The failure the answer's body describes: Ogangi's envelope, or what the body is instead.</summary>
    private static OgangiException FromBody(VendorFailure failure)
    {
        var (answer, notAnAnswer) = OgangiClientXml.OgangiResponse.Read(Encoding.UTF8.GetBytes(failure.Body), failure.Header("Content-Type"));
        return answer is { Status: null }
            ? new(method: null, failure.StatusCode, null, "a <response> without <status>", failure.Headers, failure.InnerException)
            : new(method: null, failure.StatusCode, answer, notAnAnswer, failure.Headers, failure.InnerException);
    }

    private static string Summarise(string? method, OgangiResponse? answer, string notAnAnswer)
    {
        var call = method ?? "the call";
        return answer is null
            ? $"{call} answered {notAnAnswer} instead of Ogangi's XML response"
            : $"{call} was refused";
    }
}
