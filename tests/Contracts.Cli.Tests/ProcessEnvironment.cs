namespace Contracts.Cli.Tests;

/// <summary>
/// Tests that set NOTIFY_* environment variables share this collection, so that no other test runs while the
/// process environment holds them.
/// </summary>
[CollectionDefinition(Collection, DisableParallelization = true)]
public sealed class ProcessEnvironment
{
    public const string Collection = "process environment";

    /// <summary>Sets <paramref name="variables"/> for the life of the returned scope.</summary>
    public static IDisposable Set(IReadOnlyDictionary<string, string?> variables)
    {
        foreach (var (name, value) in variables)
            Environment.SetEnvironmentVariable(name, value);
        return new Scope(variables.Keys.ToArray());
    }

    private sealed class Scope(string[] names) : IDisposable
    {
        public void Dispose()
        {
            foreach (var name in names)
                Environment.SetEnvironmentVariable(name, null);
        }
    }
}
