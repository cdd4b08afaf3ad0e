namespace Contracts.ContractDiff.Tests;

/// <summary>
/// The report on the repository's own contracts: unchanged they report nothing, and the deliberate bad changes of
/// issue 8 (a removed required field, a renamed operation, a WSDL response element made optional) are each caught as
/// breaking with a message that says what and why, while a harmless change passes.
/// </summary>
public sealed class RealContractTests
{
    private const string Engage = "contracts/engage/engage.openapi.yaml";
    private const string Onc = "contracts/onc/onc.wsdl";

    private const string OncErrorCodeOfOpenApiSession = """
                  <xs:element minOccurs="0" name="ErrorCode" type="xs:int">
                    <xs:annotation><xs:documentation>Error code describing the outcome of the operation (0 = Success).</xs:documentation></xs:annotation>
                  </xs:element>
                  <xs:element minOccurs="0" name="SessionId"
        """;

    [Fact]
    public void Unchanged_contracts_report_nothing()
    {
        using var trees = ContractTrees.WithRealContracts();

        var comparisons = trees.Compare();

        Assert.Equal(4, comparisons.Count);
        Assert.All(comparisons, c => Assert.True(c.IsUnchanged, c.Contract));
    }

    [Fact]
    public void Bad_change_1_a_removed_required_response_field_is_breaking()
    {
        using var trees = ContractTrees.WithRealContracts();
        var engage = TestRepository.Contract(Engage);
        var tokenResponse = engage.IndexOf("    TokenResponse:", StringComparison.Ordinal);
        var requestId = engage.IndexOf("        requestId:", tokenResponse, StringComparison.Ordinal);
        var end = engage.IndexOf("    Destination:", tokenResponse, StringComparison.Ordinal);
        var edited = (engage[..requestId] + engage[end..]).Edit("      required: [message, errorCode, requestId]", "      required: [message, errorCode]");
        trees.WriteRevision(Engage, edited);

        var changes = trees.Compare(Engage).Changes;

        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.True(c.IsBreaking));
        var removed = Assert.Single(changes, c => c.Kind == ChangeKind.Removed);
        Assert.Equal("POST /federated/content/v2/token (getToken) › response 200 › requestId", removed.Subject);
        Assert.Equal("Property `requestId` of `TokenResponse` was removed.", removed.Description);
        var unrequired = Assert.Single(changes, c => c.Kind == ChangeKind.Changed);
        Assert.Equal("Properties of `TokenResponse` are no longer required: `requestId`.", unrequired.Description);
    }

    [Fact]
    public void Bad_change_2_a_renamed_operationId_is_breaking()
    {
        using var trees = ContractTrees.WithRealContracts();
        trees.WriteRevision(Engage, TestRepository.Contract(Engage).Edit("operationId: pushBatch", "operationId: pushContent"));

        var change = Assert.Single(trees.Compare(Engage).Changes);

        Assert.True(change.IsBreaking);
        Assert.Equal("POST /federated/outbound/v2/batch (pushContent)", change.Subject);
        Assert.Equal("`operationId` of operation `POST /federated/outbound/v2/batch` changed from 'pushBatch' to 'pushContent'.", change.Description);
        Assert.Contains("code that calls the old name no longer compiles", change.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_change_2_a_renamed_path_is_breaking()
    {
        using var trees = ContractTrees.WithRealContracts();
        trees.WriteRevision(Engage, TestRepository.Contract(Engage).Edit("  /federated/outbound/v2/batch:", "  /federated/outbound/v3/batch:"));

        var change = Assert.Single(trees.Compare(Engage).Changes);

        Assert.True(change.IsBreaking);
        Assert.Equal("Path `/federated/outbound/v2/batch` was renamed to `/federated/outbound/v3/batch`.", change.Description);
    }

    [Fact]
    public void Bad_change_2_a_renamed_WSDL_operation_is_breaking()
    {
        using var trees = ContractTrees.WithRealContracts();
        var renamed = TestRepository.Contract(Onc)
            .EditAll("GetCampaignContactsListing", "ListCampaignContacts");
        trees.WriteRevision(Onc, renamed);

        var changes = trees.Compare(Onc).Changes;

        var removed = Assert.Single(changes, c => c.IsBreaking);
        Assert.Equal("operation GetCampaignContactsListing", removed.Subject);
        Assert.Equal("Operation GetCampaignContactsListing was removed.", removed.Description);
        var added = Assert.Single(changes, c => !c.IsBreaking);
        Assert.Equal("operation ListCampaignContacts", added.Subject);
    }

    [Fact]
    public void Bad_change_3_a_WSDL_response_element_made_optional_is_breaking()
    {
        using var trees = ContractTrees.WithRealContracts();
        trees.WriteRevision(Onc, TestRepository.Contract(Onc).Edit(
            OncErrorCodeOfOpenApiSession,
            OncErrorCodeOfOpenApiSession.Replace("name=\"ErrorCode\" type", "name=\"ErrorCode\" nillable=\"true\" type", StringComparison.Ordinal)));

        var change = Assert.Single(trees.Compare(Onc).Changes);

        Assert.True(change.IsBreaking);
        Assert.Equal("type OpenAPISessionResponse › ErrorCode", change.Subject);
        Assert.Equal("Made nillable (nillable false -> true).", change.Description);
        Assert.Equal("consumers may now get nil (null) where a value was promised, and the generated property becomes nullable (used in the response of OpenAPISession)", change.Why);
    }

    [Fact]
    public void Harmless_changes_to_the_real_contracts_pass()
    {
        using var trees = ContractTrees.WithRealContracts();
        trees.WriteRevision(Engage, TestRepository.Contract(Engage).Edit(
            "        keepAfterCall:\n",
            "        label:\n          type: string\n          description: A label of the caller's own.\n        keepAfterCall:\n"));
        var contactInfo = """<xs:element minOccurs="0" name="VoiceCommInfo" nillable="true" type="tns:CommunicationInfo">""";
        trees.WriteRevision(Onc, TestRepository.Contract(Onc).Edit(
            contactInfo,
            """<xs:element minOccurs="0" name="Tag" nillable="true" type="xs:string"/>""" + "\n          " + contactInfo));

        var comparisons = trees.Compare();

        Assert.DoesNotContain(comparisons.SelectMany(c => c.Changes), c => c.IsBreaking);
        var label = Assert.Single(comparisons.Single(c => c.Contract == Engage).Changes, c => c.Subject.EndsWith("label", StringComparison.Ordinal));
        Assert.Equal(ChangeKind.Added, label.Kind);
        var tag = Assert.Single(comparisons.Single(c => c.Contract == Onc).Changes);
        Assert.Equal("type OutboundNotificationContactInfo › Tag", tag.Subject);
        Assert.Contains("the requests of AddCampaignContact, UpdateCampaignContact; the response of GetCampaignContacts", tag.Why, StringComparison.Ordinal);
    }
}
