namespace Contracts.Core.Tests;

public sealed class OptionsValidationBuilderTests
{
    private enum Colour
    {
        Red,
        Green,
        Blue,
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Require_records_an_empty_value_and_says_it_is_not_there(string? value)
    {
        var failures = new OptionsValidationBuilder("FakeOptions");

        Assert.False(failures.Require("ClientId", value, "the client id"));
        Assert.Equal(["FakeOptions.ClientId is required (the client id)."], failures.Failures);
    }

    [Fact]
    public void Require_records_nothing_for_a_value_and_says_it_is_there()
    {
        var failures = new OptionsValidationBuilder("FakeOptions");

        Assert.True(failures.Require("ClientId", "id", "the client id"));
        Assert.Empty(failures.Failures);
    }

    [Fact]
    public void Defined_names_every_member_when_the_value_is_none_of_them()
    {
        var failures = new OptionsValidationBuilder("FakeOptions");

        failures.Defined("Colour", Colour.Blue);
        failures.Defined("Colour", (Colour)7);

        Assert.Equal(["FakeOptions.Colour must be Red, Green or Blue (got 7)."], failures.Failures);
    }
}
