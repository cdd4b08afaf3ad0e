using Contracts.Testing;
using YamlDotNet.RepresentationModel;

namespace Contracts.Accengage.Tests;

/// <summary>
/// The client's paged enumerations follow the contract: every list operation that takes the <c>page</c> parameter has
/// its <c>Enumerate...Async</c> (generated from <c>x-paged</c>; the CSV device list hand-written), so a list added to
/// the contract without <c>x-paged</c> fails here instead of shipping without one.
/// </summary>
public sealed class PagedListContractTests
{
    private static readonly ContractYaml Contract = ContractYaml.Load("accengage/accengage.openapi.yaml");

    /// <summary>The operations whose parameters include the contract's Page parameter, by operationId.</summary>
    private static IReadOnlyDictionary<string, YamlMappingNode> OperationsWithAPage()
        => Contract.Holding("operationId")
            .Where(operation => operation.Children.TryGetValue(new YamlScalarNode("parameters"), out var parameters)
                && ((YamlSequenceNode)parameters).Children.OfType<YamlMappingNode>().Any(p => ContractYaml.Text(p, "$ref") == "#/components/parameters/Page"))
            .ToDictionary(operation => ContractYaml.Text(operation, "operationId")!);

    [Fact]
    public void Every_list_operation_with_a_page_is_marked_x_paged_but_the_csv_device_list()
    {
        var unmarked = OperationsWithAPage().Where(o => !o.Value.Children.ContainsKey(new YamlScalarNode("x-paged"))).Select(o => o.Key);

        Assert.Equal(["listDevices"], unmarked);
        Assert.Equal(16, OperationsWithAPage().Count);
    }

    [Fact]
    public void Every_list_operation_with_a_page_has_its_enumeration_without_the_app_or_the_page_number()
    {
        var enumerations = typeof(IAccengageClient).GetMethods().Where(m => m.Name.StartsWith("Enumerate", StringComparison.Ordinal)).ToList();

        Assert.Equal(
            OperationsWithAPage().Keys.Select(id => "Enumerate" + id["list".Length..] + "Async").Order(),
            enumerations.Select(m => m.Name).Order());
        Assert.All(enumerations, m =>
        {
            var parameters = m.GetParameters();
            Assert.DoesNotContain(parameters, p => p.Name is "partnerId" or "page");
            Assert.Equal(["startPage", "cancellationToken"], parameters[^2..].Select(p => p.Name));
            Assert.Equal(1, parameters[^2].DefaultValue);
        });
    }
}
