using System.Text.Json;
using System.Text.Json.Nodes;
using Contracts.Testing;

namespace Contracts.Accengage.Tests.Conformance;

/// <summary>
/// One printed example of the Accengage API (v1) documentation (an entry of route-examples.json): the request as
/// printed, and what the replay through the client sends, answers and expects.
/// </summary>
public sealed record DocumentExample
{
    /// <summary>The method as printed.</summary>
    public string Method { get; init; } = "";

    /// <summary>The path (and query) as printed.</summary>
    public string Path { get; init; } = "";

    /// <summary>The answer status as printed; null where the document prints none (read as 200).</summary>
    public int? Status { get; init; }

    /// <summary>The document's section.</summary>
    public string Section { get; init; } = "";

    /// <summary>Where the printed request is not the operation's (a typo of the document), why.</summary>
    public string? Note { get; init; }

    /// <summary>The client operation that sends this request.</summary>
    public string? Call { get; init; }

    /// <summary>Why the client cannot send this request at all, when it cannot.</summary>
    public string? NotReplayed { get; init; }

    /// <summary>The method the client sends, where the printed one is a typo.</summary>
    public string? ReplayMethod { get; init; }

    /// <summary>The path the client sends, where the printed one is a typo or a template.</summary>
    public string? ReplayPath { get; init; }

    /// <summary>Why the client sends another form of the printed query, where it does.</summary>
    public string? ReplayNote { get; init; }

    /// <summary>The request body the client is given and must send (JSON-equivalent).</summary>
    public JsonNode? Request { get; init; }

    /// <summary>A JSON answer body.</summary>
    public JsonNode? Answer { get; init; }

    /// <summary>A non-JSON answer body (text, CSV), sent as is.</summary>
    public string? AnswerText { get; init; }

    /// <summary>The Content-Type of <see cref="AnswerText"/>.</summary>
    public string? ContentType { get; init; }

    /// <summary>What the typed result holds (every member given here, compared by meaning).</summary>
    public JsonNode? Expect { get; init; }

    /// <summary>The error label the typed error carries, for an error answer.</summary>
    public string? Label { get; init; }

    /// <summary>The alternative form of the answer the example shows, if any.</summary>
    public string? Form { get; init; }

    /// <summary>The status the replay answers with.</summary>
    public int AnswerStatus => Status ?? 200;

    /// <summary>The method the client must send.</summary>
    public string SentMethod => ReplayMethod ?? Method;

    /// <summary>The path and query the client must send.</summary>
    public string SentPathAndQuery => ReplayPath ?? Path;

    /// <summary>A short name for the test runner.</summary>
    public override string ToString() => $"{Method} {Path} {Status}";

    /// <summary>Every example of route-examples.json, in document order.</summary>
    public static IReadOnlyList<DocumentExample> All(ConformanceFixtures fixtures)
        => JsonSerializer.Deserialize<List<DocumentExample>>(fixtures.Text("route-examples.json"), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
}
