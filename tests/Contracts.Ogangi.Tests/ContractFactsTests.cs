using System.Globalization;
using System.Reflection;
using Contracts.Testing;
using YamlDotNet.RepresentationModel;

namespace Contracts.Ogangi.Tests;

/// <summary>
/// The limits the SDK sets on its own (no vendor source), recorded in the contract as <c>x-sdk-limit</c> and generated
/// into <see cref="OgangiLimits"/> and the per-operation limit checks, and the absent-value literal: this holds the
/// generation and the hand-written constant to the contract.
/// </summary>
public sealed class ContractFactsTests
{
    private static readonly ContractYaml Contract = ContractYaml.Load("ogangi/ogangi.openapi.yaml");

    [Fact]
    public void Every_sdk_limit_value_in_the_contract_is_the_generated_constant_of_its_name()
    {
        var declared = Contract.Holding("value").Where(rule => ContractYaml.Text(rule, "constant") is not null)
            .ToDictionary(rule => ContractYaml.Text(rule, "constant")!, rule => int.Parse(ContractYaml.Text(rule, "value")!, CultureInfo.InvariantCulture));
        var generated = typeof(OgangiLimits).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(int))
            .ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!);

        Assert.Equal(generated.OrderBy(p => p.Key, StringComparer.Ordinal), declared.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(1600, OgangiLimits.MaxTextLength);
        Assert.Equal((4, 10), (OgangiLimits.MinPinLength, OgangiLimits.MaxPinLength));
        Assert.Equal(1000, OgangiLimits.MaxPageSize);
    }

    [Fact]
    public void Every_text_parameter_carries_the_text_limit()
    {
        var texts = Contract.Holding("in").Where(p => ContractYaml.Text(p, "name") == "text").ToList();

        Assert.Equal(3, texts.Count); // the shared Text parameter, sendSMSPinMobileNumberConfirm's and fireMessage's
        Assert.All(texts, p => Assert.Contains(new YamlScalarNode("x-sdk-limit"), p.Children.Keys));
    }

    [Fact]
    public void Every_plain_text_path_value_names_the_rule_its_checked_request_applies()
    {
        // A string path value without x-path-value would reach the wire unchecked: the generated checked request
        // (build/templates/Client.PathValues.liquid) checks only what the contract marks. Left out: the values the
        // signing step fills, and the MO search string, which OgangiMoFilter builds and checks.
        var plain = Contract.Holding("in").Where(p => ContractYaml.Text(p, "in") == "path"
            && ContractYaml.Text(p, "x-filled-by") is null && ContractYaml.Text(p, "name") is not ("instanceId" or "page" or "resultsPerPage" or "length" or "parameters")).ToList();

        Assert.Equal(11, plain.Count);
        Assert.All(plain, p => Assert.Contains(ContractYaml.Text(p, "x-path-value"), new[] { "mobile-number", "text", "segment", "optional-segment" }));
        Assert.All(plain.Where(p => ContractYaml.Text(p, "x-path-value") == "optional-segment"), p => Assert.Equal(OgangiLimits.AbsentValue, ContractYaml.Text(p, "x-ogangi-absent-value")));
    }

    [Fact]
    public void The_absent_value_literal_is_the_contracts()
    {
        var declared = Contract.Holding("x-ogangi-absent-value").Select(p => ContractYaml.Text(p, "x-ogangi-absent-value")).ToList();
        Assert.NotEmpty(declared);
        Assert.All(declared, literal => Assert.Equal(OgangiLimits.AbsentValue, literal));
    }

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
        // OgangiStatus and OgangiResponse.StatusOf are generated from the contract (x-known-values-enum in
        // build/templates/Class.liquid): this holds the generation to the contract's values and names.
        var envelope = Assert.Single(Contract.Holding("x-known-values-enum"));
        var known = ((YamlSequenceNode)envelope["x-known-values"]).Children.Select(v => ((YamlScalarNode)v).Value!).ToList();
        var names = ((YamlSequenceNode)envelope["x-known-value-names"]).Children.Select(v => ((YamlScalarNode)v).Value!).ToList();

        var statuses = known.Select(text => OgangiResponse.StatusOf(new OgangiResponse { Status = $" {text} " })).ToList();

        Assert.Equal(names, statuses.Select(status => status.ToString()));
        Assert.Equal(OgangiStatus.Unreadable, default(OgangiStatus));
        Assert.Equal(OgangiStatus.Unreadable, OgangiResponse.StatusOf(null));
        Assert.Equal(OgangiStatus.Other, OgangiResponse.StatusOf(new OgangiResponse { Status = "QUEUED" }));

        Assert.DoesNotContain(OgangiStatus.Other, statuses);
        Assert.DoesNotContain(OgangiStatus.Unreadable, statuses);
        Assert.Equal(known.Count, statuses.Distinct().Count());
        Assert.Equal(Enum.GetValues<OgangiStatus>().Except([OgangiStatus.Other, OgangiStatus.Unreadable]).Order(), statuses.Order());
    }

    [Fact]
    public void The_required_base_url_says_what_the_contract_says_it_is()
    {
        // Generated from x-client options' base-url-required (build/templates/Client.Options.liquid): no default host.
        var what = ContractYaml.Text(Assert.Single(Contract.Holding("base-url-required")), "base-url-required")!;
        var options = new OgangiClientOptions { InstanceId = 8, PublicKey = "public", PrivateKey = "private" };

        var missing = Assert.Throws<InvalidOperationException>(options.ResolveBaseUrl);
        var failures = options.Validate().Failures;

        Assert.Equal($"OgangiClientOptions.BaseUrl is required: {what}.", missing.Message);
        Assert.Equal([$"OgangiClientOptions.BaseUrl is required: {what}."], failures);
        Assert.Equal("Contracts:Ogangi", OgangiClientOptions.SectionName);
    }

    [Fact]
    public void Every_sort_order_is_written_as_the_contract_writes_it()
    {
        // OgangiSortOrder and its texts are generated from the search string's x-value-enums
        // (build/templates/Client.ValueEnums.liquid): this holds the generation to the contract.
        var order = Assert.Single(Contract.Holding("values"), node => ContractYaml.Text(node, "name") == nameof(OgangiSortOrder));
        var values = ((YamlSequenceNode)order["values"]).Children.Cast<YamlMappingNode>()
            .Select(v => (Name: ContractYaml.Text(v, "name")!, Text: ContractYaml.Text(v, "value")!)).ToList();

        Assert.Equal(values.Select(v => v.Name), Enum.GetNames<OgangiSortOrder>());
        Assert.All(values, v => Assert.Equal(v.Text, OgangiSortOrderValues.Of(Enum.Parse<OgangiSortOrder>(v.Name))));
        Assert.Equal("from=1&order=desc", new OgangiMoFilter { From = ["1"], Order = OgangiSortOrder.Descending }.ToSearchString());
    }

    [Fact]
    public void Only_the_status_the_contract_calls_success_is_not_a_refusal()
    {
        // OgangiResponse is an IRefusalAnswer through x-known-values-enum's success (build/templates/Class.liquid).
        var status = Assert.Single(Contract.Holding("x-known-values-enum"));
        var success = ContractYaml.Text((YamlMappingNode)status["x-known-values-enum"], "success")!;
        bool Refused(string? text) => ((Contracts.Core.Xml.IRefusalAnswer)new OgangiResponse { Status = text! }).IsRefusal;

        Assert.False(Refused(success));
        Assert.All(new[] { "BAD_SIGNATURE", "ERROR", "QUEUED", "ok", null }, text => Assert.True(Refused(text)));
    }
}
