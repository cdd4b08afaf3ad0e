namespace Contracts.ContractDiff.OpenApi;

/// <summary>JSON pointers as redocly writes them: "#/paths/~1pets~1{id}/get".</summary>
internal static class JsonPointer
{
    /// <summary>The unescaped segments of a pointer ("#" and the leading "/" dropped; ~1 is "/", ~0 is "~").</summary>
    public static IReadOnlyList<string> Decode(string pointer)
    {
        var body = pointer.StartsWith('#') ? pointer[1..] : pointer;
        if (body.Length == 0 || body == "/")
            return [];
        return body.TrimStart('/').Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
    }
}
