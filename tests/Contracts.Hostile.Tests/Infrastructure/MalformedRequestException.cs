namespace Contracts.Hostile.Tests.Infrastructure;

/// <summary>
/// A request the server could not read as HTTP/1.1. The server answers it with <see cref="StatusCode"/>, closes the
/// connection and lists the exception in <see cref="HostileServer.Errors"/>: a client under test that sends broken
/// HTTP is a finding, not something to tolerate silently.
/// </summary>
public sealed class MalformedRequestException : Exception
{
    public MalformedRequestException()
        : this(400, "The request is not valid HTTP/1.1.")
    {
    }

    public MalformedRequestException(string message)
        : this(400, message)
    {
    }

    public MalformedRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 400;
    }

    public MalformedRequestException(int statusCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
    }

    /// <summary>The status the server answered with: 400, 413 (body too large) or 431 (head too large).</summary>
    public int StatusCode { get; }
}
