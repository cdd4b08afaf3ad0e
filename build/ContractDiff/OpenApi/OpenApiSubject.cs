using System.Text;

namespace Contracts.ContractDiff.OpenApi;

/// <summary>
/// Turns the pointer redocly reports a change at into what a reader looks for:
/// "#/paths/~1pets/post/responses/200/content/application~1json/schema/properties/name" becomes
/// "POST /pets (addPet) › response 200 › name".
/// </summary>
internal static class OpenApiSubject
{
    private const string Separator = " › ";

    private static readonly HashSet<string> Methods = new(StringComparer.Ordinal) { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    /// <param name="pointer">The change's path, as redocly writes it.</param>
    /// <param name="scalar">Looks a scalar up by decoded pointer segments in the contract (the new version, else the base).</param>
    public static string Describe(string pointer, Func<IReadOnlyList<string>, string?> scalar)
    {
        var segments = JsonPointer.Decode(pointer);
        if (segments.Count == 0)
            return "the document";
        if (segments[0] != "paths" || segments.Count < 2)
            return string.Join(Separator, segments);

        var parts = new List<string>();
        var i = 2;
        if (segments.Count > 2 && Methods.Contains(segments[2]))
        {
            var operationId = scalar([.. segments.Take(3), "operationId"]);
            parts.Add($"{segments[2].ToUpperInvariant()} {segments[1]}" + (operationId is null ? "" : $" ({operationId})"));
            i = 3;
        }
        else
        {
            parts.Add($"path {segments[1]}");
        }

        var inBody = false;
        while (i < segments.Count)
        {
            var segment = segments[i];
            var hasNext = i + 1 < segments.Count;
            if (segment == "parameters" && hasNext)
            {
                var parameter = segments.Take(i + 2).ToList();
                var name = scalar([.. parameter, "name"]);
                parts.Add(name is null ? $"parameter {segments[i + 1]}" : $"{scalar([.. parameter, "in"])} parameter {name}");
                i += 2;
            }
            else if (segment == "requestBody")
            {
                parts.Add("request body");
                inBody = true;
                i++;
            }
            else if (segment == "responses" && hasNext)
            {
                parts.Add($"response {segments[i + 1]}");
                inBody = true;
                i += 2;
            }
            else if (segment == "content" && hasNext)
            {
                // JSON is the norm; another media type is worth saying.
                if (segments[i + 1] != "application/json")
                    parts[^1] += $" ({segments[i + 1]})";
                i += 2;
            }
            else if (segment == "headers" && hasNext)
            {
                parts.Add($"header {segments[i + 1]}");
                inBody = false;
                i += 2;
            }
            else if (segment == "schema")
            {
                var field = SchemaPath(segments.Skip(i + 1).ToList());
                if (field.Length > 0 || inBody)
                    parts.Add(field.Length > 0 ? field : "body");
                break;
            }
            else
            {
                parts.Add(segment);
                i++;
            }
        }
        return string.Join(Separator, parts);
    }

    /// <summary>A field path inside a schema: "destinations[].personalization{}" for properties, items and additionalProperties.</summary>
    private static string SchemaPath(IReadOnlyList<string> segments)
    {
        var path = new StringBuilder();
        for (var i = 0; i < segments.Count; i++)
        {
            switch (segments[i])
            {
                case "properties" when i + 1 < segments.Count:
                    if (path.Length > 0)
                        path.Append('.');
                    path.Append(segments[++i]);
                    break;
                case "items":
                    path.Append("[]");
                    break;
                case "additionalProperties":
                    path.Append("{}");
                    break;
                case "allOf" or "oneOf" or "anyOf" when i + 1 < segments.Count:
                    path.Append(path.Length > 0 ? "." : "").Append(segments[i]).Append('[').Append(segments[++i]).Append(']');
                    break;
                default:
                    path.Append(path.Length > 0 ? "." : "").Append(segments[i]);
                    break;
            }
        }
        return path.ToString();
    }
}
