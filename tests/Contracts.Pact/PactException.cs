namespace Contracts.Pacts;

/// <summary>The engine refused part of an interaction, or the binding was used in a way the engine cannot honour.</summary>
public class PactException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PactException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public PactException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
