using Contracts.ContractDiff.OpenApi;
using Contracts.ContractDiff.Reports;

namespace Contracts.ContractDiff;

/// <summary>
/// The command line: compares the contracts in the working tree with their versions at a git revision, prints the
/// report, optionally writes it as Markdown, and returns 0 (no unacknowledged breaking change), 1 (some) or 2 (the
/// report could not be made, or bad usage).
/// </summary>
internal static class ContractDiffCommand
{
    public const string Usage = """
        usage: build/contract-diff [--base <git revision>] [--markdown <file>] [--acknowledged <file>] [--repo <dir>] [--redocly <path>]

          --base <revision>     what to compare with (default: the merge base of HEAD with main, else origin/main)
          --markdown <file>     also write the report as Markdown (for a pull-request comment)
          --acknowledged <file> the acknowledgement file (default: contracts/breaking-changes.acknowledged)
          --repo <dir>          the repository (default: the current directory)
          --redocly <path>      the redocly CLI (default: build/node_modules/.bin/redocly, installed by build/install-tools)

        Compares every contract (contracts/*/*.openapi.yaml, contracts/*/*.wsdl) in the working tree with its version
        at the base and exits 1 when a breaking change is not acknowledged.
        """;

    private static readonly HashSet<string> Options = new(StringComparer.Ordinal) { "--base", "--markdown", "--acknowledged", "--repo", "--redocly" };

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args is ["--help"] or ["-h"])
        {
            output.WriteLine(Usage);
            return 0;
        }
        if (!TryParse(args, out var options, out var problem))
        {
            error.WriteLine($"{TextReport.Tool}: {problem}");
            error.WriteLine(Usage);
            return 2;
        }

        var workingTree = Path.GetFullPath(options.GetValueOrDefault("--repo", "."));
        var scratch = Directory.CreateTempSubdirectory("contract-diff-");
        try
        {
            var git = new GitRepository(workingTree);
            var baseRevision = git.ResolveBase(options.GetValueOrDefault("--base"));
            git.ExtractContracts(baseRevision.Commit, scratch.FullName);

            var acknowledgedPath = options.GetValueOrDefault("--acknowledged", Acknowledgements.DefaultPath);
            var acknowledgements = Acknowledgements.Load(Path.Combine(workingTree, acknowledgedPath), acknowledgedPath.Replace('\\', '/'));
            var redocly = options.GetValueOrDefault("--redocly", Path.Combine(workingTree, "build", "node_modules", ".bin", "redocly"));
            var comparer = new ContractComparer(new OpenApiComparer(new RedoclyDiff(Path.GetFullPath(redocly), workingTree)));

            var report = new ContractDiffReport(baseRevision.Label, comparer.Compare(scratch.FullName, workingTree, baseRevision.Label), acknowledgements);
            TextReport.Write(report, output);
            if (options.TryGetValue("--markdown", out var markdown))
            {
                using var file = new StreamWriter(Path.GetFullPath(markdown, workingTree));
                MarkdownReport.Write(report, file);
            }
            return report.ExitCode;
        }
        catch (ContractDiffException ex)
        {
            error.WriteLine($"{TextReport.Tool}: error: {ex.Message}");
            return 2;
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static bool TryParse(string[] args, out Dictionary<string, string> options, out string problem)
    {
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        problem = "";
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!Options.Contains(args[i]))
            {
                problem = $"unknown argument '{args[i]}'";
                return false;
            }
            if (i + 1 >= args.Length)
            {
                problem = $"{args[i]} needs a value";
                return false;
            }
            options[args[i]] = args[i + 1];
        }
        return true;
    }
}
