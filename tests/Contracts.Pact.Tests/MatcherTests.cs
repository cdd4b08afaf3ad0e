using Contracts.Pacts.Matchers;

namespace Contracts.Pacts.Tests;

/// <summary>Each matcher lets through the values of its shape and stops the others, on the wire, through the engine.</summary>
public sealed class MatcherTests : IDisposable
{
    private static readonly Dictionary<string, (Func<Matcher> Matcher, string Accepted, string Rejected, string Rule)> Cases = new()
    {
        ["type"] = (() => Match.Type("text"), "\"other text\"", "5", "type"),
        ["regex"] = (() => Match.Regex("abc", "^[a-z]+$"), "\"xyz\"", "\"X1\"", "regex"),
        ["integer"] = (() => Match.Integer(3), "99", "2.5", "integer"),
        ["decimal"] = (() => Match.Decimal(12.5m), "0.75", "12", "decimal"),
        ["number"] = (() => Match.Number(1), "3.3", "\"3\"", "number"),
        ["boolean"] = (() => Match.Boolean(true), "false", "\"yes\"", "boolean"),
        ["null"] = (() => Match.Null(), "null", "1", "null"),
        ["include"] = (() => Match.Include("needle"), "\"a needle in hay\"", "\"hay\"", "include"),
        ["min type"] = (() => Match.MinType(new { id = Match.Integer(1) }, 2), """[{"id":5},{"id":6},{"id":7}]""", """[{"id":5}]""", "type"),
        ["max type"] = (() => Match.MaxType("a", 2), """["b"]""", """["a","b","c"]""", "type"),
        ["min-max type"] = (() => Match.MinMaxType(1, 1, 2), "[7,8]", "[7,8,9]", "type"),
        ["date-time"] = (() => Match.DateTime("2020-02-10T16:00:00", "yyyy-MM-dd'T'HH:mm:ss"), "\"2031-12-01T08:30:59\"", "\"yesterday\"", "datetime"),
        ["not empty"] = (() => Match.NotEmpty("x"), "\"y\"", "\"\"", "notEmpty"),
        ["equality inside type"] = (() => Match.Type(new { kind = Match.Equality("fixed"), n = 1 }), """{"kind":"fixed","n":2}""", """{"kind":"other","n":2}""", "type"),
    };

    private readonly TemporaryPactDir _dir = new();

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    public void Dispose() => _dir.Dispose();

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task A_matcher_accepts_a_value_of_its_shape_and_records_its_rule(string name)
    {
        var (matcher, accepted, _, rule) = Cases[name];
        var builder = ValueInteraction(matcher());

        await builder.VerifyAsync(ctx => Wire.PostJsonAsync(ctx, "/values", $$"""{"v":{{accepted}}}"""));

        var rules = _dir.Read()["interactions"]![0]!["request"]!["matchingRules"]!["body"]!["$.v"]!["matchers"]!;
        Assert.Equal(rule, rules[0]!["match"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task A_matcher_rejects_a_value_of_another_shape_and_the_failure_names_the_field(string name)
    {
        var (matcher, _, rejected, _) = Cases[name];
        var builder = ValueInteraction(matcher());

        var failure = await Assert.ThrowsAsync<PactVerificationException>(() => builder.VerifyAsync(
            ctx => Wire.PostJsonAsync(ctx, "/values", $$"""{"v":{{rejected}}}""")));

        Assert.Contains("POST /values: received, but it differs from the interaction:", failure.Message, StringComparison.Ordinal);
        Assert.Contains("- body $.v", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_mock_server_answers_with_the_examples_and_repeats_a_min_type_example_min_times()
    {
        var builder = _dir.Pact().WithHttpInteractions();
        builder.UponReceiving("a list of values")
            .WithRequest(HttpMethod.Get, "/values")
            .WillRespond()
            .WithJsonBody(new { items = Match.MinType(new { id = Match.Integer(1), name = Match.Type("a") }, 2), total = Match.Decimal(2.5m) });

        var body = "";
        await builder.VerifyAsync(async ctx => body = (await Wire.GetAsync(ctx, "/values")).Body);

        Assert.Equal("""{"items":[{"id":1,"name":"a"},{"id":1,"name":"a"}],"total":2.5}""", body);
        var rules = _dir.Read()["interactions"]![0]!["response"]!["matchingRules"]!["body"]!;
        Assert.Equal(2, rules["$.items"]!["matchers"]![0]!["min"]!.GetValue<int>());
        Assert.Equal("integer", rules["$.items[*].id"]!["matchers"]![0]!["match"]!.GetValue<string>());
    }

    [Fact]
    public void A_regex_example_that_breaks_its_own_regex_is_refused_before_anything_runs()
    {
        var request = _dir.Pact().WithHttpInteractions().UponReceiving("a bad example").WithRequest(HttpMethod.Post, "/values");

        var error = Assert.Throws<ArgumentException>(() => request.WithJsonBody(new { v = Match.Regex("ABC", "^[a-z]+$") }));

        Assert.Contains("The example 'ABC' does not match its own regex /^[a-z]+$/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Matchers_write_the_inline_form_the_engine_reads()
    {
        Assert.Equal("""{"pact:matcher:type":"regex","regex":"^\\d+$","value":"42"}""", Match.Regex("42", @"^\d+$").ToJson());
        Assert.Equal("""{"pact:matcher:type":"type","min":2,"value":["a","a"]}""", Match.MinType("a", 2).ToJson());
        Assert.Equal("""{"pact:matcher:type":"type","min":0,"max":3,"value":["a"]}""", Match.MinMaxType("a", 0, 3).ToJson());
        Assert.Equal("""{"pact:matcher:type":"include","value":"needle"}""", Match.Include("needle").ToJson());
        Assert.Equal("""{"pact:matcher:type":"null","value":null}""", Match.Null().ToJson());
        Assert.Throws<ArgumentOutOfRangeException>(() => Match.MinMaxType("a", 3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Match.MinType("a", -1));
    }

    private PactBuilder ValueInteraction(Matcher matcher)
    {
        var builder = _dir.Pact().WithHttpInteractions();
        builder.UponReceiving("a value is sent")
            .WithRequest(HttpMethod.Post, "/values")
            .WithJsonBody(new { v = matcher })
            .WillRespond()
            .WithStatus(204);
        return builder;
    }
}
