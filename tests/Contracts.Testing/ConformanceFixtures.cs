using System.Text.Json;

namespace Contracts.Testing;

/// <summary>
/// The request and answer examples a vendor document prints, kept as data files under a test project's
/// <c>Conformance/Fixtures</c> folder, with <c>sources.json</c> beside them naming the document (by title) and the
/// section each one comes from.
/// </summary>
public sealed class ConformanceFixtures
{
    private readonly Dictionary<string, FixtureSource> _sources;

    private ConformanceFixtures(string folder, string document, Dictionary<string, FixtureSource> sources)
    {
        Folder = folder;
        Document = document;
        _sources = sources;
    }

    /// <summary>The folder the fixtures were copied to (the test's output).</summary>
    public string Folder { get; }

    /// <summary>The title of the vendor document the fixtures come from.</summary>
    public string Document { get; }

    /// <summary>Every fixture named by <c>sources.json</c>.</summary>
    public IReadOnlyCollection<FixtureSource> Sources => _sources.Values;

    /// <summary>Loads the manifest of the fixtures copied to the test's output.</summary>
    public static ConformanceFixtures Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Conformance", "Fixtures");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "sources.json")));
        var root = manifest.RootElement;
        var sources = new Dictionary<string, FixtureSource>(StringComparer.Ordinal);
        foreach (var entry in root.GetProperty("fixtures").EnumerateArray())
        {
            var source = entry.Deserialize<FixtureSource>(new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
            sources.Add(source.File, source);
        }
        return new ConformanceFixtures(folder, root.GetProperty("document").GetString()!, sources);
    }

    /// <summary>The fixture's text, exactly as the document prints it.</summary>
    public string Text(string file)
    {
        if (!_sources.ContainsKey(file))
            throw new ArgumentException($"{file} is not named in sources.json.", nameof(file));
        return File.ReadAllText(Path.Combine(Folder, file));
    }

    /// <summary>What sources.json says of <paramref name="file"/>.</summary>
    public FixtureSource Source(string file) => _sources[file];

    /// <summary>The data files in the folder (every file but the manifest).</summary>
    public IReadOnlyList<string> Files()
        => Directory.EnumerateFiles(Folder).Select(Path.GetFileName).Where(name => name != "sources.json").Order(StringComparer.Ordinal).ToList()!;
}

/// <summary>Where one fixture comes from and what it is an example of.</summary>
public sealed record FixtureSource
{
    /// <summary>The fixture's file name.</summary>
    public string File { get; init; } = "";

    /// <summary>The document's section (and example) it is copied from.</summary>
    public string Section { get; init; } = "";

    /// <summary>"request" or "answer".</summary>
    public string Kind { get; init; } = "";

    /// <summary>The HTTP method the document shows for the example's request.</summary>
    public string? Method { get; init; }

    /// <summary>The path (and query) the document shows, as it prints it.</summary>
    public string? Path { get; init; }

    /// <summary>The answer's HTTP status, for an answer.</summary>
    public int? Status { get; init; }

    /// <summary>The request headers the document shows.</summary>
    public Dictionary<string, string>? Headers { get; init; }

    /// <summary>What the SDK decided where the example and the document's prose disagree, if anything.</summary>
    public string? Note { get; init; }
}
