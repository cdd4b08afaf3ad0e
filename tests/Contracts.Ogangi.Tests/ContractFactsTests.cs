using System.Reflection;
using Contracts.Testing;
using YamlDotNet.RepresentationModel;

namespace Contracts.Ogangi.Tests;

/// <summary>
/// The limits the SDK sets on its own (no vendor source), recorded in the contract as <c>x-sdk-limit</c>, and the
/// absent-value literal, are the ones <see cref="OgangiLimits"/> enforces: a change on one side only fails here.
/// </summary>
public sealed class ContractFactsTests
{
    private static readonly ContractYaml Contract = ContractYaml.Load("ogangi/ogangi.openapi.yaml");

    [Fact]
    public void The_text_limit_is_the_contracts()
        => Assert.Equal([OgangiLimits.MaxTextLength], SdkLimitOf("text"));

    [Fact]
    public void The_pin_length_range_is_the_contracts()
        => Assert.Equal([OgangiLimits.MinPinLength, OgangiLimits.MaxPinLength], SdkLimitOf("length"));

    [Fact]
    public void The_page_size_limit_is_the_contracts()
        => Assert.Equal([OgangiLimits.MaxPageSize], SdkLimitOf("resultsPerPage"));

    [Fact]
    public void The_absent_value_literal_is_the_contracts()
    {
        var declared = Contract.Holding("x-ogangi-absent-value").Select(p => ContractYaml.Text(p, "x-ogangi-absent-value")).ToList();
        Assert.NotEmpty(declared);
        Assert.All(declared, literal => Assert.Equal(OgangiLimits.AbsentValue, literal));
    }

    [Fact]
    public void Every_sdk_limit_in_the_contract_is_one_the_tests_above_hold_to_a_constant()
        => Assert.Equal(["length", "resultsPerPage", "text"], Contract.Holding("x-sdk-limit").Select(p => ContractYaml.Text(p, "name")).Order(StringComparer.Ordinal));

    [Fact]
    public void Every_message_status_the_contract_lists_is_known_and_named_as_the_contract_names_it()
    {
        // Generated from the contract (build/templates/Class.liquid): this holds the generation to it, not a hand copy.
        var status = Assert.Single(Contract.Holding("x-known-values-type"));
        string[] Sequence(string key) => [.. ((YamlSequenceNode)status[key]).Children.Select(v => ((YamlScalarNode)v).Value!)];
        var values = Sequence("x-known-values");
        var names = Sequence("x-known-value-names");

        Assert.Equal(values.Length, names.Length);
        Assert.All(values.Zip(names), pair =>
        {
            var named = (OgangiMessageStatus)typeof(OgangiMessageStatus).GetProperty(pair.Second, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            Assert.Equal(pair.First, named.Value);
            Assert.True(named.IsKnown);
        });
        Assert.False(new OgangiMessageStatus("QUEUED_FOR_NIGHT").IsKnown);
    }

    [Fact]
    public void Every_answer_status_the_contract_lists_has_its_own_OgangiStatus_and_no_other_does()
    {
        // OgangiStatus is an enum a caller switches on, so it stays hand-written; this holds it to the contract.
        var envelope = Contract.Holding("x-known-values").Single(m => m.Children.ContainsKey(new YamlScalarNode("x-known-values")) && ContractYaml.Text(m, "example") == "OK");
        var known = ((YamlSequenceNode)envelope["x-known-values"]).Children.Select(v => ((YamlScalarNode)v).Value!).ToList();

        var statuses = known.Select(text => OgangiException.StatusOf(new OgangiResponse { Status = text })).ToList();

        Assert.DoesNotContain(OgangiStatus.Other, statuses);
        Assert.DoesNotContain(OgangiStatus.Unreadable, statuses);
        Assert.Equal(known.Count, statuses.Distinct().Count());
        Assert.Equal(Enum.GetValues<OgangiStatus>().Except([OgangiStatus.Other, OgangiStatus.Unreadable]).Order(), statuses.Order());
    }

    // The parameter of that name that carries the SDK's limit (the same name may be used elsewhere without one).
    private static IReadOnlyList<int> SdkLimitOf(string parameter)
        => ContractYaml.SdkLimit(Contract.Holding("x-sdk-limit").Single(p => ContractYaml.Text(p, "name") == parameter));
}
