namespace Contracts.Core.Validation;

/// <summary>
/// The <see cref="ArgumentException"/> a client throws when a call breaks its rules before anything is sent
/// (<see cref="InvalidRequest.ThrowIfAny"/>). Its own type so that a batch can tell "nothing was sent" (the items are
/// rejected, with the reason) from a failure after a request may have left; callers may keep catching
/// <see cref="ArgumentException"/>.
/// </summary>
public sealed class InvalidRequestException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was refused and why; it says that nothing was sent.</param>
    public InvalidRequestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception for one parameter's value.</summary>
    /// <param name="message">What was refused and why; it says that nothing was sent.</param>
    /// <param name="paramName">The parameter whose value was refused.</param>
    public InvalidRequestException(string message, string? paramName)
        : base(message, paramName)
    {
    }
}
