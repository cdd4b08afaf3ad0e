using System.Text.RegularExpressions;

namespace Contracts.ContractDiff.Tests;

/// <summary>
/// build/contract-diff end to end in a throw-away git repository: what it compares with by default, what it prints,
/// its exit codes, and the acknowledgement file.
/// </summary>
public sealed partial class CommandTests
{
    private const string Pets = "contracts/pets/pets.openapi.yaml";
    private const string PetsWsdl = "contracts/pets/pets.wsdl";
    private const string Acknowledged = "contracts/breaking-changes.acknowledged";

    private static readonly string PetsText = TestRepository.Fixture("pets.openapi.yaml");

    /// <summary>The bad change the tests make: Pet loses its required id.</summary>
    private static string WithoutPetId(string text)
        => text.Edit("      required: [id, name]", "      required: [name]").Edit("        id:\n          type: integer\n          format: int64\n", "");

    [Fact]
    public void A_clean_main_reports_no_change_and_passes()
    {
        using var repository = MainWithPets();

        var (exitCode, output, error) = repository.ContractDiff();

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Contains("Unchanged: contracts/pets/pets.openapi.yaml, contracts/pets/pets.wsdl", output, StringComparison.Ordinal);
        Assert.EndsWith("build/contract-diff: passed: no breaking change." + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unacknowledged_breaking_change_fails_and_says_how_to_acknowledge_it()
    {
        using var repository = MainWithPets();
        repository.Git("checkout", "--quiet", "-b", "feature");
        repository.Write(Pets, WithoutPetId(PetsText));
        repository.Commit("Pet loses its id");

        var (exitCode, output, _) = repository.ContractDiff();

        Assert.Equal(1, exitCode);
        Assert.Contains("contracts/pets/pets.openapi.yaml: 2 breaking", output, StringComparison.Ordinal);
        Assert.Contains("build/contract-diff: FAILED: 2 breaking changes not acknowledged.", output, StringComparison.Ordinal);
        Assert.Contains($"add its line to {Acknowledged}", output, StringComparison.Ordinal);
        Assert.Equal(2, AcknowledgementLines(output).Count);
    }

    [Fact]
    public void Acknowledging_every_breaking_change_passes_and_names_the_reason()
    {
        using var repository = MainWithPets();
        repository.Git("checkout", "--quiet", "-b", "feature");
        repository.Write(Pets, WithoutPetId(PetsText));
        var lines = AcknowledgementLines(repository.ContractDiff().Output);
        repository.Write(Acknowledged, "# why each break is intended\n" + string.Concat(lines.Select(l => l.Replace("<why this break is intended>", "the vendor dropped Pet.id in v2", StringComparison.Ordinal) + "\n")));

        var (exitCode, output, _) = repository.ContractDiff();

        Assert.Equal(0, exitCode);
        Assert.Contains("contracts/pets/pets.openapi.yaml: 2 breaking (2 acknowledged)", output, StringComparison.Ordinal);
        Assert.Contains("acknowledged (line 2): the vendor dropped Pet.id in v2", output, StringComparison.Ordinal);
        Assert.Contains("build/contract-diff: passed: 2 breaking changes, every one acknowledged in contracts/breaking-changes.acknowledged.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Acknowledging_only_some_breaking_changes_still_fails_for_the_others()
    {
        using var repository = MainWithPets();
        repository.Write(Pets, WithoutPetId(PetsText));
        var lines = AcknowledgementLines(repository.ContractDiff().Output);
        repository.Write(Acknowledged, lines[0].Replace("<why this break is intended>", "intended", StringComparison.Ordinal) + "\n");

        var (exitCode, output, _) = repository.ContractDiff();

        Assert.Equal(1, exitCode);
        Assert.Contains("FAILED: 1 breaking change not acknowledged.", output, StringComparison.Ordinal);
        Assert.Equal([lines[1]], AcknowledgementLines(output));
    }

    [Fact]
    public void An_acknowledgement_for_another_contract_does_not_count()
    {
        using var repository = MainWithPets();
        repository.Write(Pets, WithoutPetId(PetsText));
        var lines = AcknowledgementLines(repository.ContractDiff().Output);
        repository.Write(Acknowledged, string.Concat(lines.Select(l => l.Replace(Pets, PetsWsdl, StringComparison.Ordinal).Replace("<why this break is intended>", "wrong file", StringComparison.Ordinal) + "\n")));

        var (exitCode, output, _) = repository.ContractDiff();

        Assert.Equal(1, exitCode);
        Assert.Contains("2 acknowledgements in contracts/breaking-changes.acknowledged match no breaking change", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stale_acknowledgement_is_reported_but_does_not_fail()
    {
        using var repository = MainWithPets();
        repository.Write(Acknowledged, "0123456789ab contracts/pets/pets.openapi.yaml merged long ago\n");

        var (exitCode, output, _) = repository.ContractDiff();

        Assert.Equal(0, exitCode);
        Assert.Contains("build/contract-diff: warning: 1 acknowledgement in contracts/breaking-changes.acknowledged matches no breaking change", output, StringComparison.Ordinal);
        Assert.Contains("  line 1: 0123456789ab contracts/pets/pets.openapi.yaml merged long ago", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_acknowledgement_is_an_error_naming_its_line()
    {
        using var repository = MainWithPets();
        repository.Write(Acknowledged, "# comment\n\n0123456789ab contracts/pets/pets.openapi.yaml\n");

        var (exitCode, _, error) = repository.ContractDiff();

        Assert.Equal(2, exitCode);
        Assert.Contains("contracts/breaking-changes.acknowledged(3): expected '<id> <contract path> <reason>'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void By_default_the_base_is_the_merge_base_with_main_not_its_tip()
    {
        using var repository = MainWithPets();
        repository.Git("checkout", "--quiet", "-b", "feature");
        repository.Git("checkout", "--quiet", "main");
        repository.Write(Pets, WithoutPetId(PetsText)); // main moves on with a breaking change of its own
        repository.Commit("main: Pet loses its id");
        repository.Git("checkout", "--quiet", "feature");

        var (exitCode, output, _) = repository.ContractDiff();

        Assert.Equal(0, exitCode);
        Assert.StartsWith("Contract changes against the merge base with main (", output, StringComparison.Ordinal);
        Assert.Contains("Unchanged: contracts/pets/pets.openapi.yaml", output, StringComparison.Ordinal);

        // Against main's tip, the branch looks like it adds the id back: not breaking.
        var againstMain = repository.ContractDiff("--base", "main");
        Assert.Equal(0, againstMain.ExitCode);
        Assert.StartsWith("Contract changes against main (", againstMain.Output, StringComparison.Ordinal);
        Assert.Contains("contracts/pets/pets.openapi.yaml: ", againstMain.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Uncommitted_changes_in_the_working_tree_are_compared()
    {
        using var repository = MainWithPets();
        repository.Write(Pets, PetsText.Edit("operationId: listPets", "operationId: getPets"));

        var (exitCode, output, _) = repository.ContractDiff();

        Assert.Equal(1, exitCode);
        Assert.Contains("changed from 'listPets' to 'getPets'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_contract_is_added_and_a_deleted_one_is_a_breaking_removal()
    {
        using var repository = MainWithPets();
        repository.Write("contracts/zoo/zoo.openapi.yaml", PetsText);
        repository.Delete(PetsWsdl);

        var (exitCode, output, _) = repository.ContractDiff();

        Assert.Equal(1, exitCode);
        Assert.Matches(@"contracts/pets/pets\.wsdl: 1 breaking\n  BREAKING      [0-9a-f]{12}  removed contract\n\s+Contract removed\.", output);
        Assert.Matches(@"contracts/zoo/zoo\.openapi\.yaml: 1 not breaking\n  not breaking                added   contract\n\s+New contract\.", output);
    }

    [Fact]
    public void A_repository_without_contracts_at_the_base_reports_every_contract_as_added()
    {
        using var repository = new GitSandbox();
        repository.Write("README.md", "empty\n");
        repository.Commit("start");
        repository.Write(Pets, PetsText);

        var (exitCode, output, _) = repository.ContractDiff();

        Assert.Equal(0, exitCode);
        Assert.Contains("contracts/pets/pets.openapi.yaml: 1 not breaking", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_markdown_report_holds_the_verdict_and_a_table_per_changed_contract()
    {
        using var repository = MainWithPets();
        repository.Write(Pets, WithoutPetId(PetsText));
        var markdown = Path.Combine(repository.Root, "report.md");

        var (exitCode, _, _) = repository.ContractDiff("--markdown", markdown);

        Assert.Equal(1, exitCode);
        var text = File.ReadAllText(markdown);
        Assert.StartsWith("### Contract changes against the merge base with main (", text, StringComparison.Ordinal);
        Assert.Contains("**2 breaking change(s) not acknowledged.**", text, StringComparison.Ordinal);
        Assert.Contains("#### `contracts/pets/pets.openapi.yaml`: 2 breaking", text, StringComparison.Ordinal);
        Assert.Contains("| **breaking** | `", text, StringComparison.Ordinal);
        Assert.Contains("Unchanged: `contracts/pets/pets.wsdl`.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_usage_and_unknown_revisions_exit_2_with_a_message()
    {
        using var repository = MainWithPets();

        var unknown = repository.ContractDiff("--base", "no-such-branch");
        var usage = repository.ContractDiff("--bogus", "x");

        Assert.Equal((2, "build/contract-diff: error: 'no-such-branch' is not a commit"), (unknown.ExitCode, unknown.Error[..60]));
        Assert.Equal(2, usage.ExitCode);
        Assert.StartsWith("build/contract-diff: unknown argument '--bogus'", usage.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_do_not_depend_on_line_numbers_or_the_run_but_on_the_change()
    {
        using var first = MainWithPets();
        first.Write(Pets, WithoutPetId(PetsText));
        using var second = MainWithPets();
        second.Write(Pets, "# a comment moves every line\n\n" + WithoutPetId(PetsText));
        using var other = MainWithPets();
        other.Write(Pets, PetsText.Edit("      required: [id, name]", "      required: [id]"));

        var ids = AcknowledgementLines(first.ContractDiff().Output);

        Assert.Equal(ids, AcknowledgementLines(second.ContractDiff().Output));
        Assert.Equal(ids, AcknowledgementLines(first.ContractDiff().Output));
        Assert.Empty(ids.Intersect(AcknowledgementLines(other.ContractDiff().Output)));
    }

    private static GitSandbox MainWithPets()
    {
        var repository = new GitSandbox();
        repository.Write(Pets, PetsText);
        repository.Write(PetsWsdl, TestRepository.Fixture("pets.wsdl"));
        repository.Commit("contracts");
        return repository;
    }

    /// <summary>The lines the failure message offers for the acknowledgement file.</summary>
    private static List<string> AcknowledgementLines(string output)
        => AcknowledgementLine().Matches(output).Select(m => m.Value).ToList();

    [GeneratedRegex("^[0-9a-f]{12} contracts/\\S+ <why this break is intended>$", RegexOptions.Multiline)]
    private static partial Regex AcknowledgementLine();
}
