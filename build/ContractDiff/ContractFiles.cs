namespace Contracts.ContractDiff;

/// <summary>The kinds of contract the report compares, and how it finds them below a tree's contracts/ folder.</summary>
internal static class ContractFiles
{
    public const string Folder = "contracts";

    private const string OpenApiSuffix = ".openapi.yaml";
    private const string WsdlSuffix = ".wsdl";

    /// <summary>
    /// The repository-relative paths of every contract in <paramref name="root"/>: contracts/*/*.openapi.yaml and
    /// contracts/*/*.wsdl (one folder per vendor; contracts/pacts holds Pact files, which are not contracts).
    /// </summary>
    public static IReadOnlyList<string> In(string root)
    {
        var folder = Path.Combine(root, Folder);
        if (!Directory.Exists(folder))
            return [];
        return Directory.EnumerateDirectories(folder)
            .SelectMany(Directory.EnumerateFiles)
            .Where(file => IsOpenApi(file) || IsWsdl(file))
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public static bool IsOpenApi(string path) => path.EndsWith(OpenApiSuffix, StringComparison.Ordinal);

    public static bool IsWsdl(string path) => path.EndsWith(WsdlSuffix, StringComparison.Ordinal);
}
