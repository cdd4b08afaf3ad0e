using Contracts.Core;
using Contracts.Core.Http;

namespace Contracts.Accengage;

/// <summary>
/// Accengage refused a call or answered in a way the client could not read: the HTTP status and every
/// <c>{label, message}</c> of Accengage's error body, matchable by label (<see cref="HasLabel"/>,
/// <see cref="AccengageErrorLabels"/>). <see cref="VendorApiException.ErrorCode"/> is the first label; the request id
/// is the X-Request-Id header's, which Accengage does not document but a proxy or a later API version may send.
/// </summary>
public partial class AccengageException : VendorHttpException
{
    internal const string VendorName = "Accengage";

    /// <summary>Creates the exception for <paramref name="failure"/>, with the errors its body carries.</summary>
    public AccengageException(VendorFailure failure)
        : this(failure, ErrorBodyConverter.Instance.ItemsIn(failure?.Body))
    {
    }

    /// <summary>For a declared failure whose body was read: the errors of its typed body, or else of its raw body.</summary>
    private protected AccengageException(VendorFailure failure, object? result)
        : this(failure, result is ErrorBody { Errors: { Count: > 0 } errors } ? errors.ToList() : ErrorBodyConverter.Instance.ItemsIn(failure?.Body))
    {
    }

    private AccengageException(VendorFailure failure, IReadOnlyList<ErrorItem> errors)
        : base(VendorName, failure!, errors.Count > 0 ? errors[0].Label : null, Describe(errors), RequestIdOf(failure!.Headers))
        => Errors = errors;

    /// <summary>Every error of Accengage's answer, in order; empty when the answer had no error body.</summary>
    public IReadOnlyList<ErrorItem> Errors { get; }

    /// <summary>The labels of <see cref="Errors"/>, in order.</summary>
    public IEnumerable<string> Labels => Errors.Select(e => e.Label);

    /// <summary>True when one of the errors has <paramref name="label"/> (see <see cref="AccengageErrorLabels"/>).</summary>
    public bool HasLabel(string label) => Errors.Any(e => string.Equals(e.Label, label, StringComparison.Ordinal));

    private static string? Describe(IReadOnlyList<ErrorItem> errors)
        => errors.Count == 0 ? null : string.Join("; ", errors.Select(e => string.IsNullOrEmpty(e.Message) ? e.Label : $"{e.Label} {e.Message}"));

    private static string? RequestIdOf(IReadOnlyDictionary<string, IEnumerable<string>>? headers)
        => headers?.FirstOrDefault(h => string.Equals(h.Key, "X-Request-Id", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}
