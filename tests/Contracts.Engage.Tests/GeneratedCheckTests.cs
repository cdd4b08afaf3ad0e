using System.Diagnostics;
using System.Text.RegularExpressions;
using Contracts.Testing;

namespace Contracts.Engage.Tests;

/// <summary>
/// The request models' checks come from the contract: a scratch copy of the contract with other constraints,
/// generated with the repository's nswag.json and templates, gives other checks. (The committed client's checks are
/// exercised on the wire by <see cref="ValidationTests"/>.)
/// </summary>
public sealed partial class GeneratedCheckTests
{
    [Fact]
    public async Task A_constraint_changed_in_the_contract_changes_the_generated_check()
    {
        var contract = Path.Combine(Repository.Root, "contracts", "engage", "engage.openapi.yaml");
        var yaml = await File.ReadAllTextAsync(contract);
        var changed = Replace(yaml, "          maxItems: 400\n", "          maxItems: 7\n");
        changed = Replace(changed, "          minimum: 1\n          default: 3600\n", "          minimum: 30\n          default: 3600\n");
        changed = Replace(changed, "          pattern: '^\\+[1-9][0-9]{1,14}$'\n          description: |\n            Device number", "          pattern: '^[0-9]{4,}$'\n          description: |\n            Device number");
        changed = Replace(changed, "          x-item-pattern: '^\\+[1-9][0-9]{1,14}$'\n", "          x-item-pattern: '^[0-9]{4,}$'\n");

        var committed = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "generated", "Engage", "EngageClient.g.cs"));
        var generated = await GenerateAsync(changed);

        Assert.Contains("public const int MaxANumbers = 400;", committed, StringComparison.Ordinal);
        Assert.Contains("public const int MaxANumbers = 7;", generated, StringComparison.Ordinal);
        Assert.Contains("problems.Range(\"ttlSeconds\", TtlSeconds, 1, int.MaxValue);", committed, StringComparison.Ordinal);
        Assert.Contains("problems.Range(\"ttlSeconds\", TtlSeconds, 30, int.MaxValue);", generated, StringComparison.Ordinal);
        // The E.164 pattern is checked by Core's E.164 check; any other by a generated regular expression.
        Assert.Contains("""problems.E164("bNumber", BNumber, "^\\+[1-9][0-9]{1,14}$");""", committed, StringComparison.Ordinal);
        Assert.Contains("""problems.Pattern("bNumber", BNumber, BNumberPattern(), "^[0-9]{4,}$");""", generated, StringComparison.Ordinal);
        Assert.Contains("""[GeneratedRegex("^[0-9]{4,}\\z")]""", generated, StringComparison.Ordinal);
        // An item pattern (x-item-pattern) the same two ways, each item named by its index.
        Assert.Contains("""problems.EachE164("aNumbers", ANumbers, "^\\+[1-9][0-9]{1,14}$", showValues: true);""", committed, StringComparison.Ordinal);
        Assert.Contains("""problems.EachPattern("aNumbers", ANumbers, ANumbersItemPattern(), "^[0-9]{4,}$", showValues: true);""", generated, StringComparison.Ordinal);
        Assert.Contains("internal static partial Regex ANumbersItemPattern();", generated, StringComparison.Ordinal);
    }

    private static string Replace(string text, string old, string replacement)
    {
        Assert.Contains(old, text, StringComparison.Ordinal); // the contract still reads as this test expects
        return text.Replace(old, replacement, StringComparison.Ordinal);
    }

    // Runs NSwag as build/OpenApiGeneration.targets does, on a copy beside the contract (its relative $refs resolve the same).
    internal static async Task<string> GenerateAsync(string yaml)
    {
        var root = Repository.Root;
        var version = NSwagVersion().Match(await File.ReadAllTextAsync(Path.Combine(root, "Directory.Packages.props"))).Groups[1].Value;
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var nswag = Path.Combine(packages, "nswag.msbuild", version, "tools", "Net100", "dotnet-nswag.dll");
        Assert.True(File.Exists(nswag), $"NSwag {version} is not restored at {nswag}: build a vendor project first.");

        var name = $".generated-check-{Guid.NewGuid():N}";
        var copy = Path.Combine(root, "contracts", "engage", name + ".openapi.yaml");
        var output = Path.Combine(Path.GetTempPath(), name + ".g.cs");
        try
        {
            await File.WriteAllTextAsync(copy, yaml);
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { nswag, "run", "nswag.json", $"/variables:Contract={copy},Namespace=Contracts.Engage,ClientName=EngageClient,Vendor=Engage,Output={output}" })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var log = process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"NSwag failed: {await log}{errors}");
            return await File.ReadAllTextAsync(output);
        }
        finally
        {
            File.Delete(copy);
            File.Delete(output);
        }
    }

    [GeneratedRegex("""Include="NSwag.MSBuild" Version="([^"]+)" """)]
    private static partial Regex NSwagVersion();
}
