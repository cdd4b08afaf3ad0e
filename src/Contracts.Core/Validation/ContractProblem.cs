namespace Contracts.Core.Validation;

/// <summary>One constraint of the contract that a request breaks.</summary>
/// <param name="Path">The JSON path of the field, e.g. <c>destinations[3].bNumber</c>.</param>
/// <param name="Problem">What is wrong, in the contract's words, e.g. <c>must hold 1 to 400 items (got 401; the contract's minItems: 1, maxItems: 400).</c></param>
public readonly record struct ContractProblem(string Path, string Problem)
{
    /// <summary>The path and the problem, as one sentence (the problem alone when it names its own fields).</summary>
    public override string ToString() => Path.Length == 0 ? Problem : $"{Path} {Problem}";
}
