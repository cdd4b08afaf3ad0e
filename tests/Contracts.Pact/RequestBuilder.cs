using System.Text.Json;
using Contracts.Pacts.Matchers;
using Contracts.Pacts.Native;

namespace Contracts.Pacts;

/// <summary>
/// Describes the request of an interaction: the provider state it needs, method and path, query, headers, body.
/// Values may be <see cref="Matcher"/>s, so the contract states shapes rather than samples.
/// </summary>
public sealed class RequestBuilder : InteractionPartBuilder<RequestBuilder>
{
    private readonly Dictionary<string, int> _queryValues = new(StringComparer.Ordinal);
    private ResponseBuilder? _response;

    internal RequestBuilder(Interaction interaction)
        : base(interaction, PactFfi.InteractionPart.Request)
    {
    }

    /// <summary>The state the provider must be in for this interaction, e.g. "an aNumber group exists".</summary>
    public RequestBuilder Given(string providerState)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerState);
        Interaction.ThrowIfSealed();
        Interaction.Check(PactFfi.Given(Interaction.Handle, providerState), $"provider state '{providerState}'");
        return this;
    }

    /// <summary>A provider state with parameters the provider uses to set it up (written as JSON values).</summary>
    public RequestBuilder Given(string providerState, IReadOnlyDictionary<string, object?> parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerState);
        ArgumentNullException.ThrowIfNull(parameters);
        Interaction.ThrowIfSealed();
        var json = JsonSerializer.Serialize(parameters, Interaction.JsonOptions);
        Interaction.Check(PactFfi.GivenWithParams(Interaction.Handle, providerState, json) == 0, $"provider state '{providerState}' {json}");
        return this;
    }

    /// <summary>The method and the path, without query string (use <see cref="WithQuery(string, string)"/>).</summary>
    public RequestBuilder WithRequest(HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        return WithRequest(method.Method, path);
    }

    /// <inheritdoc cref="WithRequest(HttpMethod, string)"/>
    public RequestBuilder WithRequest(string method, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (path.Contains('?', StringComparison.Ordinal))
            throw new ArgumentException($"Give the path without its query string and each parameter with WithQuery (got '{path}').", nameof(path));
        return SetRequest(method, path);
    }

    /// <summary>The method and a path matcher, for paths that carry variable segments (ids, signatures).</summary>
    public RequestBuilder WithRequest(HttpMethod method, Matcher path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        return SetRequest(method.Method, path.ToJson());
    }

    /// <summary>A query parameter; repeating a name adds further values, in order.</summary>
    public RequestBuilder WithQuery(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        Interaction.ThrowIfSealed();
        var index = _queryValues.GetValueOrDefault(name);
        Interaction.Check(PactFfi.WithQueryParameter(Interaction.Handle, name, (nuint)index, value), $"query parameter {name}={value}");
        _queryValues[name] = index + 1;
        return this;
    }

    /// <summary>A query parameter whose value is matched by a rule.</summary>
    public RequestBuilder WithQuery(string name, Matcher value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return WithQuery(name, value.ToJson());
    }

    /// <summary>Moves on to the response the provider gives to this request.</summary>
    public ResponseBuilder WillRespond()
    {
        if (!Interaction.HasRequest)
            throw new InvalidOperationException($"Interaction '{Interaction.Description}' has no request yet: call WithRequest before WillRespond.");
        return _response ??= new ResponseBuilder(Interaction);
    }

    private RequestBuilder SetRequest(string method, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        Interaction.ThrowIfSealed();
        if (Interaction.HasRequest)
            throw new InvalidOperationException($"Interaction '{Interaction.Description}' already has a request.");
        Interaction.Check(PactFfi.WithRequest(Interaction.Handle, method.ToUpperInvariant(), path), $"request {method} {path}");
        Interaction.HasRequest = true;
        return this;
    }
}
