using System.Text.Json;

namespace Contracts.Pacts;

/// <summary>One interaction under construction: its engine handle, its description, and the builder that owns it.</summary>
internal sealed class Interaction
{
    private readonly PactBuilder _owner;

    public Interaction(PactBuilder owner, uint handle, string description)
    {
        _owner = owner;
        Handle = handle;
        Description = description;
    }

    public uint Handle { get; }

    public string Description { get; }

    public bool HasRequest { get; set; }

    public JsonSerializerOptions JsonOptions => _owner.JsonOptions;

    /// <summary>Throws once the builder has started its mock server or been disposed: the engine would ignore further changes.</summary>
    public void ThrowIfSealed() => _owner.ThrowIfSealed();

    /// <summary>Turns the engine's false ("not accepted") into an exception that says what was refused.</summary>
    public void Check(bool accepted, string what)
    {
        if (!accepted)
            throw new PactException($"The Pact engine refused the {what} of interaction '{Description}' (invalid JSON, matcher or content type?).");
    }
}
