using System.CodeDom.Compiler;
using System.Reflection;
using System.Xml.Linq;

namespace Contracts.Docs.Tests;

/// <summary>
/// Every generated model of the OpenAPI packages (class, property, enum member) carries XML documentation from its
/// contract, in the documentation file that ships in the package. The compiler already fails on a missing one
/// (CS1591); this guards the templates: a model template that suppressed the warning again would fail here.
/// </summary>
public sealed class GeneratedModelDocumentationTests
{
    public static TheoryData<string> OpenApiPackages => new() { "Contracts.Engage", "Contracts.Ogangi", "Contracts.Accengage" };

    [Theory]
    [MemberData(nameof(OpenApiPackages))]
    public void Every_generated_model_member_is_documented(string package)
    {
        var assembly = Assembly.Load(package);
        var documented = XDocument.Load(Path.ChangeExtension(assembly.Location, ".xml"))
            .Descendants("member").Select(m => (string?)m.Attribute("name")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var models = assembly.GetExportedTypes().Where(t => t.GetCustomAttribute<GeneratedCodeAttribute>()?.Tool == "NJsonSchema").ToList();

        var expected = models.SelectMany(MemberIds).ToList();
        var missing = expected.Where(id => !documented.Contains(id)).ToList();

        Assert.NotEmpty(models);
        Assert.True(missing.Count == 0, $"{missing.Count} of {expected.Count} generated model members of {package} have no XML documentation: {string.Join(", ", missing.Take(10))}");
    }

    private static IEnumerable<string> MemberIds(Type model)
    {
        yield return "T:" + model.FullName;
        if (model.IsEnum)
        {
            foreach (var member in model.GetFields(BindingFlags.Public | BindingFlags.Static))
                yield return $"F:{model.FullName}.{member.Name}";
            yield break;
        }
        foreach (var property in model.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            yield return $"P:{model.FullName}.{property.Name}";
    }
}
