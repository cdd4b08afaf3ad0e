using Contracts.WsdlGenerator.Emit;

namespace Contracts.WsdlGenerator.Tests;

/// <summary>Output depends on the contract only, and the output folder is updated without needless writes.</summary>
public sealed class DeterminismAndOutputTests
{
    [Fact]
    public void Output_is_identical_across_runs_and_clone_locations()
    {
        var original = GeneratedAssembly.ContractPath("library.wsdl");
        var elsewhere = Path.Combine(Path.GetTempPath(), "wsdlgen-tests", Guid.NewGuid().ToString("N"), "deeper");
        Directory.CreateDirectory(elsewhere);
        File.Copy(original, Path.Combine(elsewhere, "library.wsdl"));
        File.Copy(GeneratedAssembly.ContractPath("loan.xsd"), Path.Combine(elsewhere, "loan.xsd"));

        var first = GeneratedAssembly.Generate(original, "contracts/library.wsdl");
        var second = GeneratedAssembly.Generate(original, "contracts/library.wsdl");
        var moved = GeneratedAssembly.Generate(Path.Combine(elsewhere, "library.wsdl"), "contracts/library.wsdl");

        Assert.Equal(first, second);
        Assert.Equal(first, moved);
        Assert.All(first, f => Assert.DoesNotContain(Path.GetTempPath(), f.Content, StringComparison.Ordinal));
        Assert.All(first, f => Assert.DoesNotContain(AppContext.BaseDirectory, f.Content, StringComparison.Ordinal));
    }

    [Fact]
    public void Update_writes_changed_files_only_deletes_stale_generated_files_and_keeps_others()
    {
        var folder = Path.Combine(Path.GetTempPath(), "wsdlgen-tests", Guid.NewGuid().ToString("N"));
        var (written, deleted) = OutputFolder.Update(folder, [new GeneratedFile("A.g.cs", "a"), new GeneratedFile("B.g.cs", "b")]);
        Assert.Equal((2, 0), (written, deleted));
        var untouched = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(Path.Combine(folder, "A.g.cs"), untouched);
        File.WriteAllText(Path.Combine(folder, "README.md"), "not generated");

        (written, deleted) = OutputFolder.Update(folder, [new GeneratedFile("A.g.cs", "a"), new GeneratedFile("C.g.cs", "c")]);

        Assert.Equal((1, 1), (written, deleted));
        Assert.Equal(untouched, File.GetLastWriteTimeUtc(Path.Combine(folder, "A.g.cs")));
        Assert.False(File.Exists(Path.Combine(folder, "B.g.cs")));
        Assert.Equal("c", File.ReadAllText(Path.Combine(folder, "C.g.cs")));
        Assert.True(File.Exists(Path.Combine(folder, "README.md")));
    }

    [Fact]
    public void Files_are_utf8_without_bom_and_lf_only()
    {
        var folder = Path.Combine(Path.GetTempPath(), "wsdlgen-tests", Guid.NewGuid().ToString("N"));
        var files = GeneratedAssembly.Generate(GeneratedAssembly.ContractPath("library.wsdl"));

        OutputFolder.Update(folder, files);

        var bytes = File.ReadAllBytes(Path.Combine(folder, "Book.g.cs"));
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.DoesNotContain((byte)'\r', bytes);
    }
}
