namespace Contracts.Core.Telemetry;

/// <summary>
/// The names of the SDK's instruments and tags. Standard OpenTelemetry HTTP client names where one applies, so
/// dashboards built for HttpClient read these spans too; <c>contracts.*</c> for what the conventions do not cover.
/// </summary>
internal static class TelemetryNames
{
    public const string CallDuration = "contracts.client.call.duration";
    public const string Calls = "contracts.client.calls";
    public const string BatchItems = "contracts.client.batch.items";
    public const string TokenAcquisitions = "contracts.client.token.acquisitions";
    public const string Retries = "contracts.client.retries";
    public const string RedirectsRefused = "contracts.client.redirects.refused";

    public const string HttpMethod = "http.request.method";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string UrlTemplate = "url.template";
    public const string StatusCode = "http.response.status_code";
    public const string ErrorType = "error.type";

    public const string Vendor = "contracts.vendor";
    public const string Operation = "contracts.operation";
    public const string Outcome = "contracts.outcome";
    public const string RetryCount = "contracts.retries";
    public const string Result = "contracts.result";
    public const string VendorErrorCode = "contracts.vendor.error_code";
    public const string VendorRequestId = "contracts.vendor.request_id";

    public const string BatchAccepted = "contracts.batch.accepted";
    public const string BatchRejected = "contracts.batch.rejected";
    public const string BatchUnknown = "contracts.batch.unknown";
    public const string BatchNotAttempted = "contracts.batch.not_attempted";

    public const string Success = "success";
    public const string Failure = "failure";
    public const string Cancelled = "cancelled";

    /// <summary>
    /// The <c>error.type</c> of <paramref name="failure"/>: its type's full name, a generic one without its
    /// arguments (which name assemblies and versions). Never its message: messages may quote the answer.
    /// </summary>
    public static string ErrorTypeOf(Exception failure)
    {
        var type = failure.GetType();
        return (type.IsGenericType ? type.GetGenericTypeDefinition() : type).FullName ?? type.Name;
    }

    /// <summary>The outcome value of a <see cref="DeliveryState"/>.</summary>
    public static string OutcomeOf(DeliveryState delivery) => delivery switch
    {
        DeliveryState.NotSent => "not_sent",
        DeliveryState.Refused => "refused",
        _ => "unknown",
    };
}
