using Contracts.DocCoverage;

// One line per assembly: documented public members / public members, and the first undocumented ones (--all: every one).
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: Contracts.DocCoverage <assembly.dll>... (each with its XML documentation file beside it)");
    return 2;
}

foreach (var assembly in args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)))
{
    var documented = PublicSurface.DocumentedIds(assembly);
    var members = PublicSurface.DocumentationIds(assembly);
    var missing = members.Where(id => !documented.Contains(id)).Order(StringComparer.Ordinal).ToList();
    var share = members.Count == 0 ? 100.0 : 100.0 * (members.Count - missing.Count) / members.Count;
    Console.WriteLine($"{Path.GetFileNameWithoutExtension(assembly)}: {members.Count - missing.Count}/{members.Count} public members documented ({share:0.0}%){(missing.Count == 0 ? "" : "; undocumented e.g. " + string.Join(", ", missing.Take(args.Contains("--all") ? int.MaxValue : 3)))}");
}
return 0;
