using System.Text.RegularExpressions;
using Contracts.Testing;

namespace Contracts.Cli.Tests;

/// <summary>The exit codes are one map: what ExitCodes says, notify --help prints and the README documents.</summary>
public sealed partial class ExitCodeMapTests
{
    [Fact]
    public void The_readme_table_is_the_map()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var section = readme[readme.IndexOf("## The notify CLI", StringComparison.Ordinal)..];

        var rows = TableRow().Matches(section).Select(m => new KeyValuePair<int, string>(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[2].Value.Trim())).ToList();

        Assert.Equal(ExitCodes.Map, rows);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("engage", "push", "--help")]
    [InlineData("onc", "contacts", "add", "--help")]
    [InlineData("accengage", "campaigns", "list", "--help")]
    [InlineData("ogangi", "mo", "list", "--help")]
    [InlineData("demo", "--help")]
    public async Task Help_prints_the_map(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        AssertShowsTheMap(run.Output);
    }

    /// <summary>Every code of the map, with its meaning, one a line.</summary>
    internal static void AssertShowsTheMap(string help)
    {
        var lines = help.ReplaceLineEndings("\n").Split('\n').Select(line => line.Trim()).ToList();
        Assert.All(ExitCodes.Map, row => Assert.Contains($"{row.Key}  {row.Value}", lines));
    }

    // | `2` | invalid input, arguments or settings: nothing was sent |
    [GeneratedRegex(@"^\s*\| `(\d+)` \| (.+?) \|\s*$", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
