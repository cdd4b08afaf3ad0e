using System.Text.RegularExpressions;
using Contracts.Core.Validation;
using Contracts.Testing;

namespace Contracts.Core.Tests;

/// <summary>
/// The rules generated checks call: each problem names the field's JSON path (nested models and list items
/// included), the rule and the contract's keyword, and shows no text value unless the contract says it is not personal.
/// </summary>
public sealed partial class ContractProblemsTests
{
    [Fact]
    public void A_valid_model_has_no_problem()
        => Assert.Equal(0, ContractProblems.Of(new Order { Lines = [new Line { Code = "AB12", Quantity = 1 }] }).Count);

    [Fact]
    public void Every_problem_is_reported_with_its_path_rule_and_the_contracts_words()
    {
        var order = new Order
        {
            Reference = null,
            Lines = [new Line { Code = "secret-ish text", Quantity = 0 }, null!, new Line { Code = null, Quantity = 101 }],
            Notes = new Dictionary<string, Line> { ["gift"] = new Line { Code = "AB12", Quantity = -1 } },
        };

        var problems = ContractProblems.Of(order).Found.Select(p => p.ToString()).ToList();

        Assert.Equal(
        [
            "reference is required (the contract's required).",
            "lines must hold at most 2 items (got 3; the contract's maxItems: 2).",
            "lines[0].code does not match the contract's pattern ^[A-Z]{2}[0-9]+$ (the value is not shown).",
            "lines[0].quantity must be between 1 and 100 (got 0; the contract's minimum: 1, maximum: 100).",
            "lines[1] is null; the contract's items are objects.",
            "lines[2].code is required (the contract's required).",
            "lines[2].quantity must be between 1 and 100 (got 101; the contract's minimum: 1, maximum: 100).",
            "notes.gift.quantity must be between 1 and 100 (got -1; the contract's minimum: 1, maximum: 100).",
        ], problems);
        Assert.DoesNotContain(problems, p => p.Contains("secret-ish", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0L, long.MaxValue, "must be at least 0 (got -1; the contract's minimum: 0).")]
    [InlineData(int.MinValue, 5L, "must be at most 5 (got 6; the contract's maximum: 5).")]
    public void A_bound_the_contract_does_not_state_is_left_out(long minimum, long maximum, string expected)
    {
        var problems = new ContractProblems();
        problems.Range("n", minimum == 0 ? -1 : 6, minimum, maximum);
        Assert.Equal("n " + expected, Assert.Single(problems.Found).ToString());
    }

    /// <summary>
    /// JSON Schema counts a string's length in characters (code points, RFC 8259), not UTF-16 code units: an emoji or
    /// a CJK extension character is one character, though .NET stores it as two chars.
    /// </summary>
    [Fact]
    public void A_length_counts_characters_not_utf16_code_units()
    {
        var problems = new ContractProblems();
        problems.Length("name", "\U0001F600\U0001F600\U0001F600", 3, 3); // three characters, six UTF-16 code units
        problems.Length("initial", "\U00020BB7", 1, 1);
        problems.Length("pin", "\U0001F600\U0001F600", 3, 4);
        Assert.Equal(["pin must hold 3 to 4 characters (got 2; the contract's minLength: 3, maxLength: 4)."], problems.Found.Select(p => p.ToString()));
    }

    [Fact]
    public void Lengths_are_counted_and_worded_like_item_counts()
    {
        var problems = new ContractProblems();
        problems.Length("text", "", 1, int.MaxValue);
        problems.Length("pin", "12345", 1, 4);
        Assert.Equal(
            ["text must hold at least 1 character (got 0; the contract's minLength: 1).", "pin must hold 1 to 4 characters (got 5; the contract's minLength: 1, maxLength: 4)."],
            problems.Found.Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("+15018902005")]
    [InlineData("+12")]
    [InlineData("+123456789012345")]
    [InlineData("+1234567890123456")]
    [InlineData("+05018902005")]
    [InlineData("15018902005")]
    [InlineData("+1 501 890 2005")]
    [InlineData("+1501890200x")]
    [InlineData("+15018902005\n")]
    [InlineData("+١٢٣٤٥")] // Arabic-Indic digits: [0-9] is ASCII only
    [InlineData("+")]
    [InlineData("")]
    public void The_pattern_the_model_template_checks_as_E164_is_what_the_E164_check_accepts(string number)
    {
        // The template writes ContractProblems.E164 where the contract's pattern is exactly this one.
        var template = File.ReadAllText(Path.Combine(Repository.Root, "build", "templates", "Class.liquid"));
        var pattern = TemplateE164().Match(template).Groups[1].Value.Replace(@"\\", @"\", StringComparison.Ordinal);
        var ecmaScript = new Regex(pattern.TrimEnd('$') + @"\z"); // $ is the text's end in the contract's ECMA-262

        var problems = new ContractProblems();
        problems.E164("n", number, pattern);

        Assert.Equal(@"^\+[1-9][0-9]{1,14}$", pattern);
        Assert.Equal(ecmaScript.IsMatch(number), problems.Count == 0);
    }

    [Fact]
    public void An_item_pattern_names_each_item_and_shows_its_value_only_when_the_contract_says_so()
    {
        IList<string> numbers = ["+15014008029", "5013509988", "+1 501"];
        var problems = new ContractProblems();

        problems.EachE164("aNumbers", numbers, @"^\+[1-9][0-9]{1,14}$", showValues: true);
        problems.EachPattern("codes", ["AB1", "private words"], ItemCodePattern(), "^[A-Z]{2}[0-9]+$", showValues: false);

        Assert.Equal(
        [
            @"aNumbers[1] '5013509988' does not match the contract's pattern ^\+[1-9][0-9]{1,14}$.",
            @"aNumbers[2] '+1 501' does not match the contract's pattern ^\+[1-9][0-9]{1,14}$.",
            "codes[1] does not match the contract's pattern ^[A-Z]{2}[0-9]+$ (the value is not shown).",
        ], problems.Found.Select(p => p.ToString()));
    }

    [Fact]
    public void A_null_item_of_a_list_of_texts_breaks_its_item_pattern()
    {
        var problems = new ContractProblems();

        problems.EachE164("aNumbers", ["+5014008029", null!], @"^\+[1-9][0-9]{1,14}$", showValues: true);
        problems.EachPattern("codes", [null!, "AB1"], ItemCodePattern(), "^[A-Z]{2}[0-9]+$", showValues: false);

        Assert.Equal(["aNumbers[1] is null; the contract's items are texts.", "codes[0] is null; the contract's items are texts."], problems.Found.Select(p => p.ToString()));
    }

    [Fact]
    public void A_refusal_lists_the_first_ten_problems_and_counts_the_rest()
    {
        var problems = new ContractProblems();
        for (var i = 0; i < 12; i++)
            problems.Add($"destinations[{i}].bNumber", "is required (the contract's required).");

        var error = Assert.Throws<InvalidRequestException>(() => problems.ThrowIfAny("The test push"));

        var lines = error.Message.Split(Environment.NewLine);
        Assert.Equal("The test push is invalid; nothing was sent:", lines[0]);
        Assert.Equal("- destinations[9].bNumber is required (the contract's required).", lines[10]);
        Assert.Equal("- and 2 more", lines[11]);
        Assert.Equal(12, lines.Length);
    }

    [Fact]
    public void No_problem_throws_nothing()
    {
        new ContractProblems().ThrowIfAny("The test push");
        InvalidRequest.ThrowIfAny("The test push", []);
    }

    [GeneratedRegex(@"^[A-Z]{2}[0-9]+\z")]
    private static partial Regex ItemCodePattern();

    [GeneratedRegex("""assign e164 = "([^"]+)" """)]
    private static partial Regex TemplateE164();

    private sealed class Order : IContractChecked
    {
        public string? Reference { get; set; } = "R-1";

        public IList<Line>? Lines { get; set; }

        public IDictionary<string, Line>? Notes { get; set; }

        // What the model template writes for such a contract.
        void IContractChecked.CheckContract(ContractProblems problems)
        {
            problems.Required("reference", Reference);
            problems.Items("lines", Lines, 0, 2);
            problems.Each("lines", Lines);
            problems.Each("notes", Notes);
        }
    }

    private sealed partial class Line : IContractChecked
    {
        public string? Code { get; set; }

        public int Quantity { get; set; }

        void IContractChecked.CheckContract(ContractProblems problems)
        {
            problems.Required("code", Code);
            problems.Pattern("code", Code, CodePattern(), "^[A-Z]{2}[0-9]+$");
            problems.Range("quantity", Quantity, 1, 100);
        }

        [GeneratedRegex(@"^[A-Z]{2}[0-9]+\z")]
        private static partial Regex CodePattern();
    }

    [Fact]
    public void Every_problem_is_listed_in_one_exception_saying_nothing_was_sent()
    {
        var problems = new ContractProblems();
        problems.ThrowIfAny("The Example call"); // none: no exception
        problems.Add("page", "must be at least 1.");
        problems.Add("", "filter.From[0] is empty."); // a problem naming its own field

        var error = Assert.Throws<InvalidRequestException>(() => problems.ThrowIfAny("The Example call"));

        var nl = Environment.NewLine;
        Assert.Equal($"The Example call is invalid; nothing was sent:{nl}- page must be at least 1.{nl}- filter.From[0] is empty.", error.Message);
    }
}
