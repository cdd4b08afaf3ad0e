namespace Contracts.ContractDiff.Tests;

/// <summary>
/// The structural WSDL diff on a small contract of the tests' own (Contracts/pets.wsdl): GetPet returns a Pet
/// (response side, with the PetStatus enumeration), AddPet takes a NewPet (request side, with the Species enumeration).
/// What a client sends may loosen, what it reads may tighten; nothing it sends or reads may go or change type.
/// </summary>
public sealed class WsdlClassificationTests
{
    private const string Contract = "contracts/pets/pets.wsdl";

    private const string PetName = """<xs:element minOccurs="1" name="Name" type="xs:string"/>""";
    private const string PetId = """<xs:element minOccurs="1" name="Id" type="xs:int"/>""";
    private const string PetNickname = """          <xs:element minOccurs="0" name="Nickname" nillable="true" type="xs:string"/>""" + "\n";
    private const string NewPetName = """<xs:element name="Name" type="xs:string"/>""";
    private const string NewPetTag = """          <xs:element minOccurs="0" name="Tag" type="xs:string"/>""" + "\n";

    private static readonly Dictionary<string, (Func<string, string> Edit, bool Breaking, string Subject, string Expected)> Cases = new()
    {
        ["a response element made optional"] = (
            t => t.Edit(PetName, PetName.Replace("minOccurs=\"1\"", "minOccurs=\"0\"", StringComparison.Ordinal)),
            true, "type Pet › Name", "Made optional (minOccurs 1 -> 0)."),
        ["a response element made nillable"] = (
            t => t.Edit(PetId, """<xs:element minOccurs="1" name="Id" nillable="true" type="xs:int"/>"""),
            true, "type Pet › Id", "Made nillable (nillable false -> true)."),
        ["a response wrapper's result made nillable"] = (
            t => t.Edit("""name="AddPetResult" type""", """name="AddPetResult" nillable="true" type"""),
            true, "element AddPetResponse › AddPetResult", "Made nillable"),
        ["a request element made optional"] = (
            t => t.Edit(NewPetName, """<xs:element minOccurs="0" name="Name" type="xs:string"/>"""),
            false, "type NewPet › Name", "Made optional (minOccurs 1 -> 0)."),
        ["a request parameter made optional"] = (
            t => t.Edit("""<xs:element minOccurs="1" name="id" type="xs:int"/>""", """<xs:element minOccurs="0" name="id" type="xs:int"/>"""),
            false, "element GetPet › id", "Made optional"),
        ["a request element made required"] = (
            t => t.Edit(NewPetTag, NewPetTag.Replace("minOccurs=\"0\"", "minOccurs=\"1\"", StringComparison.Ordinal)),
            true, "type NewPet › Tag", "Made required (minOccurs 0 -> 1)."),
        ["a request element made nillable"] = (
            t => t.Edit(NewPetName, """<xs:element name="Name" nillable="true" type="xs:string"/>"""),
            false, "type NewPet › Name", "Made nillable"),
        ["an optional request field added"] = (
            t => t.Edit(NewPetTag, NewPetTag + """          <xs:element minOccurs="0" name="Weight" type="xs:double"/>""" + "\n"),
            false, "type NewPet › Weight", "Field Weight (xs:double, optional) was added."),
        ["a required request field added"] = (
            t => t.Edit(NewPetTag, NewPetTag + """          <xs:element minOccurs="1" name="Weight" type="xs:double"/>""" + "\n"),
            true, "type NewPet › Weight", "Field Weight (xs:double, required) was added."),
        ["a response field added"] = (
            t => t.Edit("""name="Status" type="d:PetStatus"/>""", """name="Status" type="d:PetStatus"/>""" + """<xs:element minOccurs="1" name="Weight" type="xs:double"/>"""),
            false, "type Pet › Weight", "Field Weight (xs:double, required) was added."),
        ["a response field removed"] = (
            t => t.Edit(PetNickname, ""),
            true, "type Pet › Nickname", "Field Nickname was removed."),
        ["a request field removed"] = (
            t => t.Edit(NewPetTag, ""),
            true, "type NewPet › Tag", "Field Tag was removed."),
        ["a field retyped"] = (
            t => t.Edit(PetId, """<xs:element minOccurs="1" name="Id" type="xs:long"/>"""),
            true, "type Pet › Id", "Type changed from xs:int to xs:long."),
        ["a field made repeated"] = (
            t => t.Edit(PetNickname, PetNickname.Replace("minOccurs=\"0\"", "minOccurs=\"0\" maxOccurs=\"unbounded\"", StringComparison.Ordinal)),
            true, "type Pet › Nickname", "Now repeats (maxOccurs 1 -> unbounded)."),
        ["response fields reordered"] = (
            t => t.Edit(PetId + "\n          " + PetName, PetName + "\n          " + PetId),
            true, "type Pet", "Field order changed from (Id, Name, Nickname, Status) to (Name, Id, Nickname, Status)."),
        ["a response enumeration value added"] = (
            t => t.Edit("""<xs:enumeration value="Sold"/>""", """<xs:enumeration value="Sold"/><xs:enumeration value="Pending"/>"""),
            true, "type PetStatus", "Enumeration values added: Pending."),
        ["a request enumeration value added"] = (
            t => t.Edit("""<xs:enumeration value="Dog"/>""", """<xs:enumeration value="Dog"/><xs:enumeration value="Bird"/>"""),
            false, "type Species", "Enumeration values added: Bird."),
        ["a request enumeration value removed"] = (
            t => t.Edit("""<xs:enumeration value="Dog"/>""", ""),
            true, "type Species", "Enumeration values removed: Dog."),
        ["a response enumeration value removed"] = (
            t => t.Edit("""<xs:enumeration value="Sold"/>""", ""),
            true, "type PetStatus", "Enumeration values removed: Sold."),
        ["an operation renamed"] = (
            t => t.EditAll("GetPet", "FetchPet"),
            true, "operation GetPet", "Operation GetPet was removed."),
        ["a SOAP action changed"] = (
            t => t.Edit("soapAction=\"urn:pets/IPets/AddPet\"", "soapAction=\"urn:pets/v2/AddPet\""),
            true, "operation AddPet", "SOAP action changed from 'urn:pets/IPets/AddPet' to 'urn:pets/v2/AddPet'."),
        ["a request wrapper changed"] = (
            t => t.Edit("""<wsdl:part name="parameters" element="tns:AddPet"/>""", """<wsdl:part name="parameters" element="tns:GetPet"/>"""),
            true, "operation AddPet", "Request message changed"),
        ["an operation added"] = (
            t => t.Edit("  </wsdl:portType>", """    <wsdl:operation name="PingPets"><wsdl:input message="tns:GetPetIn"/><wsdl:output message="tns:GetPetOut"/></wsdl:operation>""" + "\n  </wsdl:portType>"),
            false, "operation PingPets", "Operation PingPets was added."),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Each_change_is_classified_by_direction(string name)
    {
        var (edit, breaking, subject, expected) = Cases[name];
        var comparison = Compare(edit);

        var change = Assert.Single(comparison.Changes, c => c.Subject == subject && c.Description.Contains(expected, StringComparison.Ordinal));
        Assert.Equal(breaking, change.IsBreaking);
        if (!breaking)
            Assert.DoesNotContain(comparison.Changes, c => c.IsBreaking);
    }

    [Fact]
    public void A_renamed_operation_is_a_breaking_removal_and_a_harmless_addition_and_nothing_else()
    {
        var changes = Compare(t => t.EditAll("GetPet", "FetchPet")).Changes;

        Assert.Collection(
            changes,
            removed => Assert.Equal((ChangeKind.Removed, "operation GetPet", true), (removed.Kind, removed.Subject, removed.IsBreaking)),
            added => Assert.Equal((ChangeKind.Added, "operation FetchPet", false), (added.Kind, added.Subject, added.IsBreaking)));
        Assert.Contains("callers of GetPet fail", changes[0].Why, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reason_names_the_operations_that_reach_the_type()
    {
        var change = Assert.Single(Compare(t => t.Edit(PetName, PetName.Replace("minOccurs=\"1\"", "minOccurs=\"0\"", StringComparison.Ordinal))).Changes);

        Assert.Equal("consumers may now get nothing (null or a default) where a value was promised (used in the response of GetPet)", change.Why);
        Assert.Matches(@"^line \d+$", change.Location);
    }

    [Fact]
    public void A_type_used_in_both_directions_takes_the_stricter_verdict()
    {
        // NewPet also becomes GetPet's answer: making a field optional is now breaking (the response side), and making
        // one required is breaking too (the request side).
        var before = TestRepository.Fixture("pets.wsdl").Edit("""name="GetPetResult" type="d:Pet"/>""", """name="GetPetResult" type="d:NewPet"/>""");
        var after = before
            .Edit(NewPetName, """<xs:element minOccurs="0" name="Name" type="xs:string"/>""")
            .Edit(NewPetTag, NewPetTag.Replace("minOccurs=\"0\"", "minOccurs=\"1\"", StringComparison.Ordinal));
        using var trees = ContractTrees.With(Contract, before, after);

        var changes = trees.Compare(Contract).Changes;

        Assert.All(changes, c => Assert.True(c.IsBreaking, c.Subject));
        Assert.Equal(["type NewPet › Name", "type NewPet › Tag"], changes.Select(c => c.Subject).Order(StringComparer.Ordinal));
        Assert.All(changes, c => Assert.Contains("the request of AddPet; the response of GetPet", c.Why, StringComparison.Ordinal));
    }

    [Fact]
    public void Documentation_and_layout_are_not_changes()
    {
        var before = TestRepository.Fixture("pets.wsdl");
        var after = before
            .Edit("<wsdl:types>", "<wsdl:documentation>Pets, now documented.</wsdl:documentation>\n  <wsdl:types>")
            .Edit("""<xs:complexType name="Pet">""", """<xs:complexType name="Pet"><xs:annotation><xs:documentation>A pet.</xs:documentation></xs:annotation>""");
        using var trees = ContractTrees.With(Contract, before, after);

        Assert.Empty(trees.Compare(Contract).Changes);
    }

    [Fact]
    public void A_contract_that_does_not_load_is_an_error_naming_the_file_and_the_version()
    {
        var before = TestRepository.Fixture("pets.wsdl");
        using var trees = ContractTrees.With(Contract, before.Edit("""type="d:PetStatus"/>""", """type="d:Missing"/>"""), before);

        var error = Assert.Throws<ContractDiffException>(() => trees.Compare());

        Assert.Contains("contracts/pets/pets.wsdl at the base", error.Message, StringComparison.Ordinal);
        Assert.Contains("Missing", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Compares Contracts/pets.wsdl with the same contract after <paramref name="edit"/>.</summary>
    private static ContractComparison Compare(Func<string, string> edit)
    {
        var before = TestRepository.Fixture("pets.wsdl");
        using var trees = ContractTrees.With(Contract, before, edit(before));
        return trees.Compare(Contract);
    }
}
