using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Contracts.Accengage.Tests;

/// <summary>The generated client covers the contract: one method per operation, models that keep unknown fields.</summary>
public sealed partial class ContractCoverageTests
{
    /// <summary>The operations of the committed contract, in order.</summary>
    private static IReadOnlyList<string> ContractOperationIds()
    {
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "accengage.openapi.yaml"));
        return OperationId().Matches(yaml).Select(m => m.Groups[1].Value).ToList();
    }

    /// <summary>Methods of IAccengageClient generated from the contract (NSwag marks the interface as generated code).</summary>
    private static IReadOnlyList<MethodInfo> GeneratedOperations()
    {
        var friendly = typeof(AccengageClient).GetMethods()
            .Where(m => m.Name.StartsWith("Enumerate", StringComparison.Ordinal) || m.Name.Contains("InChunks", StringComparison.Ordinal) || m.Name.Contains("All", StringComparison.Ordinal))
            .Select(m => m.Name)
            .ToHashSet();
        return typeof(IAccengageClient).GetMethods().Where(m => !friendly.Contains(m.Name)).ToList();
    }

    [Fact]
    public void Every_operation_of_the_contract_is_a_generated_method_and_nothing_else_is()
    {
        var operations = ContractOperationIds();
        var generated = GeneratedOperations().Select(m => m.Name).ToList();

        Assert.Equal(72, operations.Count);
        Assert.Equal(operations.Count, operations.Distinct().Count());
        Assert.Equal(operations.Select(o => char.ToUpperInvariant(o[0]) + o[1..] + "Async").Order(), generated.Order());
    }

    [Fact]
    public void No_generated_method_asks_for_the_signed_headers()
    {
        // nswag.json excludes Accengage-Time and Accengage-Signature: the signing handler sets them over the bytes sent.
        Assert.All(GeneratedOperations(), m => Assert.DoesNotContain(m.GetParameters(), p => p.Name is "accengageTime" or "accengageSignature"));
    }

    private static IReadOnlyList<Type> OpenModelTypes()
        => typeof(AccengageClient).Assembly.GetTypes()
            .Where(t => t.GetProperty("AdditionalProperties") is not null && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.Name)
            .ToList();

    public static TheoryData<Type> OpenModels() => new(OpenModelTypes());

    [Theory]
    [MemberData(nameof(OpenModels))]
    public void Every_model_keeps_fields_it_does_not_know(Type model)
    {
        const string json = """{"zz_unknown":{"nested":[1,"two",null]},"zz_number":12.5}""";

        var value = JsonSerializer.Deserialize(json, model)!;
        var written = JsonSerializer.SerializeToElement(value, model);

        Assert.Equal("""{"nested":[1,"two",null]}""", written.GetProperty("zz_unknown").GetRawText());
        Assert.Equal(12.5m, written.GetProperty("zz_number").GetDecimal());
    }

    [Fact]
    public void Most_models_are_open()
        => Assert.True(OpenModelTypes().Count >= 60, $"only {OpenModelTypes().Count} open models");

    [GeneratedRegex(@"^\s+operationId:\s*(\w+)\s*$", RegexOptions.Multiline)]
    private static partial Regex OperationId();
}
