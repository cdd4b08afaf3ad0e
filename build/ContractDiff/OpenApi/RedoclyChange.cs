namespace Contracts.ContractDiff.OpenApi;

/// <summary>One entry of `redocly diff --format json`'s "changes".</summary>
/// <param name="Path">Where the change is reached from, e.g. #/paths/~1pets/post/requestBody/content/application~1json/schema/properties/name.</param>
/// <param name="TypeName">The OpenAPI node type (Schema, Parameter, Operation, ...).</param>
/// <param name="Kind">added, removed or modified.</param>
/// <param name="Impact">The semver bump redocly rates it: major (breaking), minor or patch.</param>
/// <param name="Property">For a modification, the keyword that changed (required, enum, type, key for a rename, ...).</param>
/// <param name="Verdicts">The rules that judged it breaking, with their messages.</param>
/// <param name="Base">The change's place and value in the base version, unless added.</param>
/// <param name="Revision">The change's place and value in the new version, unless removed.</param>
internal sealed record RedoclyChange(
    string Path,
    string TypeName,
    string Kind,
    string Impact,
    string? Property,
    IReadOnlyList<RedoclyVerdict> Verdicts,
    RedoclySide? Base,
    RedoclySide? Revision)
{
    public bool IsMajor => Impact == "major";
}

/// <summary>A rule's judgement of a change.</summary>
internal sealed record RedoclyVerdict(string RuleId, string Impact, string Message);

/// <summary>Where a change is in one version: its JSON pointer (at the definition, e.g. #/components/schemas/Pet/required), line and value as compact JSON.</summary>
internal sealed record RedoclySide(string? Pointer, int? Line, string? Value);
