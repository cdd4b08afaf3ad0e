using System.Reflection.Metadata;
using System.Text.Json;

namespace Contracts.SourceLinkCheck;

/// <summary>What one portable PDB says about its sources: its documents, those it embeds, and its SourceLink map.</summary>
internal sealed record PdbSourceLink(IReadOnlyList<string> Documents, IReadOnlySet<string> Embedded, IReadOnlyDictionary<string, string> Map)
{
    // Kinds of custom debug information, as the Portable PDB format defines them.
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");
    private static readonly Guid EmbeddedSourceKind = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    public static PdbSourceLink Read(Stream pdb)
    {
        using var provider = MetadataReaderProvider.FromPortablePdbStream(pdb, MetadataStreamOptions.PrefetchMetadata);
        var reader = provider.GetMetadataReader();
        var documents = new List<string>();
        var embedded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in reader.Documents)
        {
            var name = reader.GetString(reader.GetDocument(handle).Name);
            documents.Add(name);
            foreach (var info in reader.GetCustomDebugInformation(handle))
            {
                if (reader.GetGuid(reader.GetCustomDebugInformation(info).Kind) == EmbeddedSourceKind)
                    embedded.Add(name);
            }
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var info in reader.GetCustomDebugInformation(EntityHandle.ModuleDefinition))
        {
            var debugInfo = reader.GetCustomDebugInformation(info);
            if (reader.GetGuid(debugInfo.Kind) != SourceLinkKind)
                continue;
            using var json = JsonDocument.Parse(reader.GetBlobBytes(debugInfo.Value));
            foreach (var entry in json.RootElement.GetProperty("documents").EnumerateObject())
                map[entry.Name] = entry.Value.GetString() ?? "";
        }
        return new PdbSourceLink(documents, embedded, map);
    }

    /// <summary>The documents neither embedded nor mapped by SourceLink: a debugger could not show them.</summary>
    public IEnumerable<string> Unreachable() => Documents.Where(d => !Embedded.Contains(d) && UrlOf(d) is null);

    /// <summary>The URL SourceLink gives <paramref name="document"/> (a '*' in a key matches the rest of the path).</summary>
    public string? UrlOf(string document)
    {
        foreach (var (pattern, url) in Map)
        {
            if (pattern.EndsWith('*') && document.StartsWith(pattern[..^1], StringComparison.Ordinal))
                return url.Replace("*", document[(pattern.Length - 1)..].Replace('\\', '/'), StringComparison.Ordinal);
            if (pattern == document)
                return url;
        }
        return null;
    }
}
