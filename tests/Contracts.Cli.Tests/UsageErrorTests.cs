namespace Contracts.Cli.Tests;

/// <summary>
/// A value that cannot be parsed is a usage error on every command: exit code 2, the offending value named, nothing
/// sent and no stack trace (a command's own checks must not read a value that failed to parse).
/// </summary>
public sealed class UsageErrorTests
{
    [Theory]
    [InlineData("accengage send --message x --target A", "x")]
    [InlineData("accengage send --message-external-id M --target A --concurrency many", "many")]
    [InlineData("accengage devices upsert --list 1235 --file numbers.txt --batch-size x", "x")]
    [InlineData("engage push --file numbers.txt --program not-a-uuid --anumber +15550100000", "not-a-uuid")]
    [InlineData("ogangi mo list --page first", "first")]
    [InlineData("onc contacts add --campaign 42 --file numbers.txt", "42")]
    [InlineData("nosuch", "nosuch")]
    public async Task An_unparsable_value_is_a_usage_error_that_names_it(string commandLine, string offending)
    {
        var file = Path.Combine(Path.GetTempPath(), $"notify-usage-{Guid.NewGuid():N}");
        Directory.CreateDirectory(file);
        var numbers = Path.Combine(file, "numbers.txt");
        await File.WriteAllTextAsync(numbers, "+15550100001\n");
        try
        {
            var args = commandLine.Split(' ').Select(a => a == "numbers.txt" ? numbers : a).ToArray();

            var run = await CliRun.RunAsync(args);

            Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
            Assert.Contains($"'{offending}'", run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
            Assert.Equal("", run.Output);
        }
        finally
        {
            Directory.Delete(file, recursive: true);
        }
    }

    [Fact]
    public async Task A_usage_error_points_to_the_commands_help_on_standard_error()
    {
        var run = await CliRun.RunAsync("accengage", "devices", "upsert", "--list", "1235", "--file", "/dev/null", "--batch-size", "0", "--json", "--sandbox");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("--batch-size must be at least 1.", run.Error, StringComparison.Ordinal);
        Assert.Contains("Run 'notify accengage devices upsert --help' for usage.", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }
}
