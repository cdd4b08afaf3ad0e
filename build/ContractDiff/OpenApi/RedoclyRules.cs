namespace Contracts.ContractDiff.OpenApi;

/// <summary>What each redocly diff rule (OpenAPI 3) that rates a change major means for a generated client, in words a contract owner can act on.</summary>
internal static class RedoclyRules
{
    private static readonly Dictionary<string, string> Consequences = new(StringComparer.Ordinal)
    {
        ["operation-removed"] = "callers of the operation fail, and the generated method disappears",
        ["operation-id-changed"] = "the generated method is named after the operationId: code that calls the old name no longer compiles",
        ["path-removed"] = "requests to the old path fail: clients already deployed still call it",
        ["parameter-removed"] = "the generated method loses the parameter (callers that pass it no longer compile), and clients already deployed still send it",
        ["parameter-became-required"] = "callers that leave the parameter out are refused",
        ["parameter-serialization-changed"] = "the parameter is written differently on the wire: clients already deployed write it the old way",
        ["request-body-removed"] = "clients already deployed send a body the service no longer reads",
        ["request-body-became-required"] = "callers that send no body are refused",
        ["required-properties-added"] = "requests now need fields that clients already deployed do not send",
        ["required-properties-removed"] = "responses may now leave out fields consumers rely on: they get null where a value was promised",
        ["property-removed"] = "consumers that read the field get nothing, and code that uses the generated property no longer compiles",
        ["response-removed"] = "a status code consumers handle is no longer described: the regenerated client no longer maps it to its type",
        ["response-header-removed"] = "consumers that read the header get nothing",
        ["media-type-removed"] = "the client sends or expects a media type the contract no longer has",
        ["enum-values-added"] = "consumers cannot read a value the generated enum does not know",
        ["enum-values-removed"] = "callers that send the value are refused, and code that names the generated member no longer compiles",
        ["schema-type-changed"] = "the value changes type: the generated property changes type, and values in the old form fail",
        ["schema-constraint-changed"] = "values that were valid may now be refused, or answers may now hold values consumers did not expect",
        ["schema-combinator-changed"] = "the shape of the value (oneOf/anyOf/allOf) changes",
        ["security-requirement-changed"] = "calls without the new credentials are refused",
        ["security-scheme-changed"] = "the client authenticates in a way the service no longer accepts",
        ["server-removed"] = "clients configured with the old server address lose it",
    };

    /// <summary>"callers of the operation fail... (redocly: operation-removed, major)".</summary>
    public static string Explain(IEnumerable<string> ruleIds)
    {
        var rules = ruleIds.Distinct(StringComparer.Ordinal).ToList();
        var consequences = rules.Select(r => Consequences.GetValueOrDefault(r)).OfType<string>().ToList();
        var source = $"redocly: {(rules.Count == 0 ? "rated" : string.Join(", ", rules))}, major";
        return consequences.Count == 0 ? source : $"{string.Join("; ", consequences)} ({source})";
    }
}
