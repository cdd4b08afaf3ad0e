using System.Reflection;
using System.Runtime.Loader;
using Contracts.WsdlGenerator.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Contracts.WsdlGenerator.Tests;

/// <summary>Generates C# from a test contract and compiles it in memory with Roslyn, warnings included, into a loadable assembly.</summary>
internal sealed class GeneratedAssembly
{
    private GeneratedAssembly(IReadOnlyList<GeneratedFile> files, Assembly assembly)
    {
        Files = files;
        Assembly = assembly;
    }

    public IReadOnlyList<GeneratedFile> Files { get; }

    public Assembly Assembly { get; }

    public Type Type(string name) => Assembly.GetType("Generated.Library." + name, throwOnError: true)!;

    public static string ContractPath(string file) => Path.Combine(AppContext.BaseDirectory, "Contracts", file);

    public static IReadOnlyList<GeneratedFile> Generate(string contractPath, string displayPath = "contracts/test.wsdl")
        => Generator.Generate(new GeneratorOptions(contractPath, displayPath, "Generated.Library"));

    /// <param name="contractPath">The test contract.</param>
    /// <param name="testSources">C# of the test's own compiled with the generated code, which can then reach its internal types.</param>
    public static GeneratedAssembly Build(string contractPath, params string[] testSources)
    {
        var files = Generate(contractPath);
        var trees = files.Select(f => (f.Content, f.Name)).Concat(testSources.Select((source, i) => (source, $"TestSource{i}.cs")))
            .Select(f => CSharpSyntaxTree.ParseText(f.Item1, new CSharpParseOptions(LanguageVersion.Latest), path: f.Item2));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat([typeof(System.ServiceModel.ClientBase<>).Assembly.Location, typeof(System.ServiceModel.BasicHttpBinding).Assembly.Location])
            .Distinct()
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "Generated.Library." + Guid.NewGuid().ToString("N"),
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (!result.Success || problems.Count > 0)
            throw new InvalidOperationException("The generated code does not compile cleanly:\n" + string.Join('\n', problems));
        image.Position = 0;
        return new GeneratedAssembly(files, AssemblyLoadContext.Default.LoadFromStream(image));
    }
}
