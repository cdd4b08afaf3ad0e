using System.Formats.Tar;
using System.Text;

namespace Contracts.ContractDiff;

/// <summary>A revision the report compares with: the commit it resolved to and how the report names it.</summary>
internal sealed record BaseRevision(string Commit, string Label);

/// <summary>The git repository the report runs in: resolving the base revision and reading its contracts.</summary>
internal sealed class GitRepository(string root)
{
    /// <summary>The branches whose merge base with HEAD is the default base, in order of preference (a CI clone may have only origin/main).</summary>
    private static readonly string[] MainBranches = ["main", "origin/main"];

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>
    /// The commit <paramref name="revision"/> names, or by default the merge base of HEAD with main: what the branch
    /// started from, so a pull request is compared with what it changes and not with what main did since.
    /// </summary>
    public BaseRevision ResolveBase(string? revision)
    {
        if (Git("rev-parse", "--git-dir") is null)
            throw new ContractDiffException($"{Root} is not a git repository (or git is not installed): the report compares with a git revision");
        if (revision is not null)
        {
            var commit = Git("rev-parse", "--verify", "--quiet", revision + "^{commit}")
                ?? throw new ContractDiffException($"'{revision}' is not a commit in {Root} (--base takes a branch, tag or commit)");
            return new BaseRevision(commit, $"{revision} ({Short(commit)})");
        }
        foreach (var branch in MainBranches)
        {
            if (Git("rev-parse", "--verify", "--quiet", branch + "^{commit}") is null)
                continue;
            var mergeBase = Git("merge-base", "HEAD", branch)
                ?? throw new ContractDiffException($"HEAD and {branch} have no merge base (a shallow clone? fetch enough history, e.g. 'git fetch --unshallow', or pass --base <revision>)");
            return new BaseRevision(mergeBase, $"the merge base with {branch} ({Short(mergeBase)})");
        }
        throw new ContractDiffException($"neither {string.Join(" nor ", MainBranches)} exists in {Root}: pass --base <revision>");
    }

    /// <summary>Writes the contracts/ folder as it is at <paramref name="commit"/> into <paramref name="destination"/> (nothing when it had none).</summary>
    public void ExtractContracts(string commit, string destination)
    {
        Directory.CreateDirectory(destination);
        if (string.IsNullOrEmpty(Git("ls-tree", "-d", "--name-only", commit, "--", ContractFiles.Folder)))
            return;
        var archive = ProcessRunner.Run("git", ["archive", "--format=tar", commit, "--", ContractFiles.Folder], Root);
        if (archive.ExitCode != 0)
            throw new ContractDiffException($"git archive {Short(commit)} failed: {archive.Error.Trim()}");
        using var tar = new MemoryStream(archive.Output);
        TarFile.ExtractToDirectory(tar, destination, overwriteFiles: false);
    }

    /// <summary>The trimmed output of a git command, or null when it fails.</summary>
    private string? Git(params string[] arguments)
    {
        var result = ProcessRunner.Run("git", arguments, Root);
        return result.ExitCode == 0 ? Encoding.UTF8.GetString(result.Output).Trim() : null;
    }

    private static string Short(string commit) => commit.Length > 10 ? commit[..10] : commit;
}
