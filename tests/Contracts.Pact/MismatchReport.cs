using System.Text;
using System.Text.Json;

namespace Contracts.Pacts;

/// <summary>Turns the mock server's mismatch JSON into sentences a person reads in a failed test.</summary>
internal static class MismatchReport
{
    /// <summary>One numbered paragraph per problem; empty when the JSON holds none.</summary>
    public static IReadOnlyList<string> Describe(string mismatchesJson)
    {
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(mismatchesJson) ? "[]" : mismatchesJson);
        var problems = new List<string>();
        foreach (var entry in document.RootElement.EnumerateArray())
            problems.Add(DescribeEntry(entry));
        return problems;
    }

    private static string DescribeEntry(JsonElement entry)
    {
        var request = $"{Text(entry, "method")} {Text(entry, "path")}".Trim();
        return Text(entry, "type") switch
        {
            "missing-request" => $"{request}: expected by the contract, never received.",
            "request-not-found" => $"{request}: received, but no interaction expects it.{Environment.NewLine}{Indent(Text(entry, "request"))}",
            "request-mismatch" => $"{request}: received, but it differs from the interaction:{Environment.NewLine}{Details(entry)}",
            var other => $"{request}: {other ?? "unknown problem"}: {entry.GetRawText()}",
        };
    }

    private static string Details(JsonElement entry)
    {
        var text = new StringBuilder();
        if (entry.TryGetProperty("mismatches", out var mismatches) && mismatches.ValueKind == JsonValueKind.Array)
        {
            foreach (var mismatch in mismatches.EnumerateArray())
                text.Append("   - ").Append(Where(mismatch)).Append(": ").AppendLine(Text(mismatch, "mismatch") ?? mismatch.GetRawText());
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>"body $.a.b", "header Authorization", "query page", "method", "path".</summary>
    private static string Where(JsonElement mismatch)
    {
        var kind = Text(mismatch, "type") switch
        {
            "BodyMismatch" => "body",
            "BodyTypeMismatch" => "body type",
            "HeaderMismatch" => "header",
            "QueryMismatch" => "query",
            "PathMismatch" => "path",
            "MethodMismatch" => "method",
            "StatusMismatch" => "status",
            var other => other ?? "mismatch",
        };
        var at = Text(mismatch, "path") is { } path && kind == "body" ? path : Text(mismatch, "key") ?? Text(mismatch, "parameter");
        return at is null ? kind : $"{kind} {at}";
    }

    private static string? Text(JsonElement element, string property)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    private static string Indent(string? text) => "   " + (text ?? "").Replace("\n", "\n   ", StringComparison.Ordinal);
}
