namespace Contracts.ContractDiff.Wsdl;

/// <summary>Which messages a schema type appears in. A change is breaking or not depending on the direction.</summary>
[Flags]
internal enum Direction
{
    None = 0,
    Request = 1,
    Response = 2,
}

/// <summary>
/// What of a WSDL a client depends on, with the documentation left out: its operations and every schema type their
/// requests and responses reach, keyed so two versions can be matched.
/// </summary>
/// <param name="Operations">By operation name (port type and name when several port types share one).</param>
/// <param name="Types">By key: the type's {namespace}name, or "element {namespace}name[/child...]" for an anonymous type.</param>
internal sealed record WsdlShape(IReadOnlyDictionary<string, WsdlOperation> Operations, IReadOnlyDictionary<string, WsdlType> Types);

/// <summary>An operation as the client calls it.</summary>
/// <param name="SoapAction">The SOAPAction the client sends (the binding's soapAction, else wsaw:Action).</param>
/// <param name="Style">"document/literal" (or what the binding says instead).</param>
/// <param name="Request">The request message: its parts and their elements or types.</param>
/// <param name="Response">The response message, or null for a one-way operation.</param>
/// <param name="Faults">The declared fault names.</param>
internal sealed record WsdlOperation(string Name, string? SoapAction, string Style, WsdlMessage Request, WsdlMessage? Response, IReadOnlyList<string> Faults, int Line);

/// <summary>A message: "parameters → {ns}AddCampaign" for each part.</summary>
internal sealed record WsdlMessage(IReadOnlyList<string> Parts)
{
    public string Summary => string.Join(", ", Parts);
}

/// <summary>A schema type a message reaches.</summary>
/// <param name="Display">"type Contact", "element AddCampaign".</param>
/// <param name="Fields">Elements (and attributes, named "@name"), inherited ones included, in wire order.</param>
/// <param name="Enumeration">The xs:enumeration values of a simple type.</param>
/// <param name="Base">What the type derives from or restricts ({namespace}name), if anything.</param>
/// <param name="Usage">The operations whose requests and responses reach it.</param>
internal sealed record WsdlType(string Key, string Display, IReadOnlyList<WsdlField> Fields, IReadOnlyList<string> Enumeration, string? Base, WsdlUsage Usage, int Line);

/// <summary>A child element or attribute of a type.</summary>
/// <param name="Name">The local name ("@name" for an attribute).</param>
/// <param name="Namespace">The namespace it is written in on the wire.</param>
/// <param name="TypeKey">Its type's key (see <see cref="WsdlShape.Types"/>).</param>
/// <param name="MinOccurs">0 when it may be left out (also inside an optional group or a choice).</param>
/// <param name="MaxOccurs">decimal.MaxValue for unbounded.</param>
internal sealed record WsdlField(string Name, string Namespace, string TypeKey, decimal MinOccurs, decimal MaxOccurs, bool Nillable, int Line)
{
    public bool IsRepeated => MaxOccurs > 1;
}

/// <summary>The operations whose requests, and whose responses, reach a type.</summary>
internal sealed class WsdlUsage
{
    public SortedSet<string> Requests { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Responses { get; } = new(StringComparer.Ordinal);

    public Direction Directions => (Requests.Count > 0 ? Direction.Request : Direction.None) | (Responses.Count > 0 ? Direction.Response : Direction.None);

    /// <summary>"the request of AddCampaign; the responses of GetCampaign, GetCampaigns".</summary>
    public static string Describe(WsdlUsage first, WsdlUsage second)
    {
        var requests = first.Requests.Union(second.Requests, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var responses = first.Responses.Union(second.Responses, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var parts = new List<string>();
        if (requests.Count > 0)
            parts.Add($"{(requests.Count == 1 ? "the request" : "the requests")} of {string.Join(", ", requests)}");
        if (responses.Count > 0)
            parts.Add($"{(responses.Count == 1 ? "the response" : "the responses")} of {string.Join(", ", responses)}");
        return string.Join("; ", parts);
    }
}
