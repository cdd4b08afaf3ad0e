using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Contracts.Pacts;
using static Contracts.Onc.Tests.OncContract;

namespace Contracts.Onc.Tests.ConsumerContracts;

/// <summary>
/// The ONC Pact file holds only results of the other tests of this project, so it must be read after them: xunit
/// runs collections that disable parallelization once every parallel collection has finished.
/// </summary>
[CollectionDefinition(nameof(AfterTheConsumerContracts), DisableParallelization = true)]
public sealed class AfterTheConsumerContracts;

/// <summary>
/// The contract-versus-pact check for SOAP, what build/validate-pacts does with OpenAPI for the REST vendors: every
/// interaction of contracts/pacts/Contracts.Onc-ONC.json is an operation the WSDL binding declares, with that
/// operation's SOAPAction, SOAP 1.1 content type and wrapper elements, and bodies that its embedded XML Schema
/// accepts; every matching rule addresses a node of its example and the example satisfies it; every operation of the
/// binding has an interaction. So contract, client and pact cannot drift apart unnoticed.
/// </summary>
[Collection(nameof(AfterTheConsumerContracts))]
public sealed class PactAgainstWsdlTests
{
    private static readonly IReadOnlyList<WsdlOperation> Binding = Operations();

    private readonly List<PactInteraction> _interactions = PactInteraction.ReadAll(
        System.IO.Path.Combine(RepositoryLayout.PactsDirectory, $"{OncPact.Consumer}-{OncPact.Provider}.json"));

    [Fact]
    public void Every_request_is_a_binding_operation_with_its_quoted_SOAPAction_and_soap_1_1_content_type()
    {
        var problems = new List<string>();
        foreach (var interaction in _interactions)
        {
            if (interaction.Method != "POST")
                problems.Add($"{interaction}: method {interaction.Method}, not POST");
            var action = interaction.RequestHeader("SOAPAction");
            if (action is null || action.Length < 2 || action[0] != '"' || action[^1] != '"')
                problems.Add($"{interaction}: SOAPAction {action ?? "(none)"} is not a quoted action");
            else if (OperationOf(interaction) is null)
                problems.Add($"{interaction}: SOAPAction {action} is not one the WSDL binding declares");
            if (interaction.RequestHeader("Content-Type") != SoapBody.ContentType)
                problems.Add($"{interaction}: request Content-Type {interaction.RequestHeader("Content-Type")}");
            if (interaction.ResponseHeader("Content-Type") != SoapBody.ContentType)
                problems.Add($"{interaction}: response Content-Type {interaction.ResponseHeader("Content-Type")}");
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Every_body_is_the_operations_wrapper_and_valid_against_the_embedded_schema()
    {
        var problems = new List<string>();
        foreach (var interaction in _interactions)
        {
            if (OperationOf(interaction) is not { } operation)
                continue; // reported by the SOAPAction check
            CheckBody(interaction, "request", interaction.RequestBody, operation.Input, problems);
            CheckBody(interaction, "response", interaction.ResponseBody, operation.Output, problems);
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Every_matching_rule_addresses_its_example_and_the_example_satisfies_it()
    {
        var problems = new List<string>();
        foreach (var interaction in _interactions)
        {
            CheckRules(interaction, "request", interaction.RequestBody, interaction.RequestRules, problems);
            CheckRules(interaction, "response", interaction.ResponseBody, interaction.ResponseRules, problems);
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Every_operation_of_the_binding_has_an_interaction()
    {
        var covered = _interactions.Select(OperationOf).OfType<WsdlOperation>().Select(o => o.Name).ToHashSet(StringComparer.Ordinal);

        var uncovered = Binding.Select(o => o.Name).Where(name => !covered.Contains(name)).ToList();

        Assert.True(uncovered.Count == 0, $"No interaction for: {string.Join(", ", uncovered)}");
    }

    private static WsdlOperation? OperationOf(PactInteraction interaction)
        => interaction.RequestHeader("SOAPAction") is { Length: > 2 } quoted
            ? Binding.SingleOrDefault(o => $"\"{o.SoapAction}\"" == quoted)
            : null;

    /// <summary>An envelope with one Body holding the operation's wrapper element, which the schema accepts.</summary>
    private static void CheckBody(PactInteraction interaction, string side, string? body, XName wrapper, List<string> problems)
    {
        if (body is null)
        {
            problems.Add($"{interaction}: the {side} has no body");
            return;
        }
        var envelope = XDocument.Parse(body).Root!;
        var payload = envelope.Name == Soap + "Envelope" && envelope.Elements().SingleOrDefault() is { } soapBody && soapBody.Name == Soap + "Body"
            ? soapBody.Elements().SingleOrDefault()
            : null;
        if (payload is null)
        {
            problems.Add($"{interaction}: the {side} is not a SOAP 1.1 envelope whose Body holds one element");
            return;
        }
        if (payload.Name != wrapper)
            problems.Add($"{interaction}: the {side} holds {payload.Name}, the WSDL says {wrapper}");
        problems.AddRange(Validate(payload).Select(problem => $"{interaction}: {side} body: {problem}"));
    }

    private static void CheckRules(PactInteraction interaction, string side, string? body, JsonObject? rules, List<string> problems)
    {
        if (rules is null)
            return;
        if (body is null)
        {
            problems.Add($"{interaction}: {side} body rules without a body");
            return;
        }
        var document = XDocument.Parse(body);
        foreach (var (path, rule) in rules)
        {
            var values = XmlRulePath.Select(document, path);
            if (values.Count == 0)
            {
                problems.Add($"{interaction}: the {side} rule at {path} addresses nothing in the example, so it checks nothing");
                continue;
            }
            foreach (var matcher in rule?["matchers"]?.AsArray() ?? [])
            {
                // The engine reads Rust regex syntax; the anchored patterns of OncShapes mean the same in .NET's.
                if (matcher?["match"]?.GetValue<string>() == "regex" && matcher["regex"]?.GetValue<string>() is { } regex)
                {
                    foreach (var value in values.Where(v => !Regex.IsMatch(v, regex, RegexOptions.CultureInvariant)))
                        problems.Add($"{interaction}: the {side} example '{value}' at {path} breaks its own rule /{regex}/");
                }
                if (matcher?["min"]?.GetValue<int>() is { } min && values.Count < min)
                    problems.Add($"{interaction}: the {side} example has {values.Count} items at {path}, fewer than its rule's minimum {min}");
            }
        }
    }
}
