namespace Contracts.ContractDiff.Tests;

/// <summary>
/// redocly diff's verdicts, as corrected for a client SDK, on a small contract of the tests' own
/// (Contracts/pets.openapi.yaml: Pet only in responses, NewPet only in requests).
/// </summary>
public sealed class OpenApiClassificationTests
{
    private const string Contract = "contracts/pets/pets.openapi.yaml";

    private static readonly Dictionary<string, (Func<string, string> Edit, bool Breaking, string Expected)> Cases = new()
    {
        ["a required response field removed"] = (
            t => t.Edit("      required: [id, name]", "      required: [name]").Edit("        id:\n          type: integer\n          format: int64\n", ""),
            true, "Property `id` of `Pet` was removed."),
        ["a response field no longer required"] = (
            t => t.Edit("      required: [id, name]", "      required: [name]"),
            true, "Properties of `Pet` are no longer required: `id`."),
        ["an operationId renamed"] = (
            t => t.Edit("operationId: listPets", "operationId: getPets"),
            true, "changed from 'listPets' to 'getPets'"),
        // Two operations move: redocly reports the old path removed and the new one added (with one it says "renamed").
        ["a path renamed"] = (
            t => t.Edit("  /pets:", "  /animals:"),
            true, "Path `/pets` was removed."),
        ["a request field made required"] = (
            t => t.Edit("      required: [name]\n", "      required: [name, tag]\n"),
            true, "Properties of `NewPet` became required: `tag`."),
        ["a query parameter made required"] = (
            t => t.Edit("          in: query\n          required: false", "          in: query\n          required: true"),
            true, "`limit` query parameter became required."),
        ["a request field removed"] = (
            t => t.Edit("        tag:\n          type: string\n", ""),
            true, "Property `tag` was removed."),
        ["a response enum value removed"] = (
            t => t.Edit("enum: [available, sold]", "enum: [available]"),
            true, "Enum lost values: 'sold'."),
        ["a response enum value added"] = (
            t => t.Edit("enum: [available, sold]", "enum: [available, sold, pending]"),
            true, "gained values: 'pending'"),
        ["a request requirement relaxed"] = (
            t => t.Edit("      required: [name]\n", ""),
            false, "`required` changed from [\"name\"] to (unset)."),
        ["an optional request field added"] = (
            t => t.Edit("        tag:\n          type: string\n", "        tag:\n          type: string\n        age:\n          type: integer\n"),
            false, "Property `age` was added."),
        ["an optional response field added"] = (
            t => t.Edit("          enum: [available, sold]\n", "          enum: [available, sold]\n        nickname:\n          type: string\n"),
            false, "Property `nickname` was added."),
        ["an operation added"] = (
            t => t.Edit("components:\n", "  /pets/{id}:\n    delete:\n      operationId: deletePet\n      parameters:\n        - name: id\n          in: path\n          required: true\n          schema:\n            type: integer\n      responses:\n        '204':\n          description: Deleted.\ncomponents:\n"),
            false, "Path item was added."),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Each_change_is_classified_for_a_client_sdk(string name)
    {
        var (edit, breaking, expected) = Cases[name];
        var comparison = Compare(edit);

        var change = Assert.Single(comparison.Changes, c => c.Description.Contains(expected, StringComparison.Ordinal));
        Assert.Equal(breaking, change.IsBreaking);
        if (!breaking)
            Assert.DoesNotContain(comparison.Changes, c => c.IsBreaking);
    }

    [Fact]
    public void A_removed_request_field_is_breaking_although_redocly_rates_it_a_patch()
    {
        var change = Assert.Single(Compare(t => t.Edit("        tag:\n          type: string\n", "")).Changes);

        Assert.True(change.IsBreaking);
        Assert.Equal(ChangeKind.Removed, change.Kind);
        Assert.Equal("POST /pets (addPet) › request body › tag", change.Subject);
        Assert.Contains("code that sets it no longer compiles", change.Why, StringComparison.Ordinal);
        Assert.Contains("redocly rates it patch", change.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Changes_name_the_operation_and_the_field_and_point_at_the_shared_schema()
    {
        var removed = Assert.Single(Compare(t => t.Edit("      required: [id, name]", "      required: [name]").Edit("        id:\n          type: integer\n          format: int64\n", "")).Changes, c => c.Kind == ChangeKind.Removed);

        Assert.Equal("GET /pets (listPets) › response 200 › [].id", removed.Subject);
        Assert.Contains("consumers that read the field get nothing", removed.Why, StringComparison.Ordinal);
        Assert.StartsWith("base line ", removed.Location, StringComparison.Ordinal);
        Assert.EndsWith("#/components/schemas/Pet/properties/id", removed.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Documentation_changes_are_counted_not_listed()
    {
        var comparison = Compare(t => t.Edit("description: The pet's name.", "description: What the pet answers to.").Edit("summary: Adds a pet.", "summary: Adds one pet."));

        Assert.Empty(comparison.Changes);
        Assert.Equal(2, comparison.DocumentationChanges);
        Assert.False(comparison.IsUnchanged);
    }

    /// <summary>Compares Contracts/pets.openapi.yaml with the same contract after <paramref name="edit"/>.</summary>
    private static ContractComparison Compare(Func<string, string> edit)
    {
        var before = TestRepository.Fixture("pets.openapi.yaml");
        using var trees = ContractTrees.With(Contract, before, edit(before));
        return trees.Compare(Contract);
    }
}
