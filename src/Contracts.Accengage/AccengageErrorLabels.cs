namespace Contracts.Accengage;

/// <summary>
/// The error labels Accengage documents (the <c>label</c> of each <c>{"label","message"}</c> in an error body), to
/// match with <see cref="AccengageException.HasLabel"/> instead of parsing messages. Accengage may send others.
/// </summary>
public static class AccengageErrorLabels
{
    /// <summary>The access token is invalid (400), expired (401) or missing on a route that needs one (403).</summary>
    public const string Token = "API_ERR_TOKEN";

    /// <summary>The Accengage-Signature header is missing, empty or invalid (400).</summary>
    public const string Signature = "API_ERR_SIGNATURE";

    /// <summary>The user has no rights on the route (403).</summary>
    public const string Forbidden = "API_ERR_FORBIDDEN";

    /// <summary>The request's data is wrong or names something that does not exist (400, 404).</summary>
    public const string Data = "API_ERR_DATA";

    /// <summary>Database error (500); also a malformed input parameter.</summary>
    public const string Database = "API_ERR_DB";

    /// <summary>Cache error (500).</summary>
    public const string Cache = "API_ERR_CACHE";

    /// <summary>Error of another Accengage service (500).</summary>
    public const string Service = "API_ERR_SERVICE";

    /// <summary>Error of an internal utility (500).</summary>
    public const string Utility = "API_ERR_UTIL";

    /// <summary>Error with the support account associated with the requests (500).</summary>
    public const string Support = "API_ERR_SUPPORT";

    /// <summary>Unhandled server error (500).</summary>
    public const string Unknown = "API_ERR_UNKNOWN";

    /// <summary>The message is already being sent (400, send route).</summary>
    public const string MessageSending = "API_ERR_MESSAGE_SENDING";

    /// <summary>The message has already been sent (400, send route).</summary>
    public const string MessageSent = "API_ERR_MESSAGE_SENT";

    /// <summary>The message was already sent, and the send failed (400, send route).</summary>
    public const string MessageFailed = "API_ERR_MESSAGE_FAILED";
}
