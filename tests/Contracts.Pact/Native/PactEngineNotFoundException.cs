namespace Contracts.Pacts.Native;

/// <summary>The Pact engine (libpact_ffi) is not installed where the binding looks for it.</summary>
public sealed class PactEngineNotFoundException : DllNotFoundException
{
    /// <summary>Creates the exception with a message that says how to install the engine.</summary>
    public PactEngineNotFoundException(string message)
        : base(message)
    {
    }
}
