namespace Contracts.Ogangi.Tests;

/// <summary>The contract and the client agree: routes, signed segments and operations.</summary>
public sealed class ContractConsistencyTests
{
    [Fact]
    public void Every_contract_operation_has_a_friendly_call_and_back()
        => Assert.Equal(ContractDocument.Operations.Select(o => o.OperationId).Order(), OgangiOperations.Calls.Keys.Order());

    public static TheoryData<string> OperationIds() => OgangiOperations.Ids();

    [Theory]
    [MemberData(nameof(OperationIds))]
    public void Signed_segments_are_the_path_parameters_before_the_public_key(string operationId)
    {
        var operation = ContractDocument.Operation(operationId);

        Assert.Equal(["publicKey", "signature"], operation.PathParameters.TakeLast(2));
        Assert.Equal(operation.PathParameters.SkipLast(2), operation.SignedSegments);
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public void Only_the_public_key_and_the_signature_are_left_to_signing(string operationId)
    {
        var operation = ContractDocument.Operation(operationId);

        Assert.Equal(["publicKey", "signature"], operation.PathParameters.Where(p => ContractDocument.FilledBySigning(p)));
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task Friendly_call_reaches_the_contract_route(string operationId)
    {
        var operation = ContractDocument.Operation(operationId);
        await using var ogangi = await FakeOgangi.StartAsync();
        using var client = new OgangiClient(ogangi.Options());

        await OgangiOperations.Calls[operationId](client);

        var call = Assert.Single(ogangi.Calls);
        Assert.Equal(operation.HttpMethod, call.Request.Method);
        Assert.Equal(operation.MethodName, call.Method);
        Assert.Equal(operation.SignedSegments.Count, call.Parameters.Count);
        Assert.Equal(FakeOgangi.InstanceId.ToString(System.Globalization.CultureInfo.InvariantCulture), call.Parameters[0]);
    }
}
