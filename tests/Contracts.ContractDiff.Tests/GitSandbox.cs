namespace Contracts.ContractDiff.Tests;

/// <summary>A throw-away git repository (branch main) in a temporary folder, for running the command end to end.</summary>
internal sealed class GitSandbox : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("contract-diff-git-");

    public GitSandbox()
    {
        Git("init", "--quiet", "--initial-branch=main");
    }

    public string Root => _folder.FullName;

    public void Write(string path, string text)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public void Delete(string path) => File.Delete(Path.Combine(Root, path));

    public void Commit(string message)
    {
        Git("add", "--all");
        Git("-c", "user.name=Contract tests", "-c", "user.email=tests@contracts.invalid", "commit", "--quiet", "--allow-empty", "-m", message);
    }

    public void Git(params string[] arguments)
    {
        var result = ProcessRunner.Run("git", arguments, Root);
        Assert.True(result.ExitCode == 0, $"git {string.Join(" ", arguments)} failed: {result.Error}");
    }

    /// <summary>Runs build/contract-diff's command in this repository: its exit code and what it wrote.</summary>
    public (int ExitCode, string Output, string Error) ContractDiff(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = ContractDiffCommand.Run(["--repo", Root, "--redocly", TestRepository.Redocly, .. arguments], output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        // git marks its objects read-only.
        foreach (var file in _folder.EnumerateFiles("*", SearchOption.AllDirectories))
            file.Attributes = FileAttributes.Normal;
        _folder.Delete(recursive: true);
    }
}
