using System.IO.Compression;
using Contracts.SourceLinkCheck;

// Checks every PDB of every package in the folder; prints one line per PDB and exits 1 when one lacks SourceLink.
if (args.Length != 1 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: Contracts.SourceLinkCheck <folder of .nupkg and .snupkg>");
    return 2;
}

var failures = 0;
var checkedPdbs = 0;
foreach (var package in Directory.EnumerateFiles(args[0]).Where(p => p.EndsWith(".nupkg", StringComparison.Ordinal) || p.EndsWith(".snupkg", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
{
    using var zip = ZipFile.OpenRead(package);
    foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase)))
    {
        using var buffered = new MemoryStream();
        using (var stream = entry.Open())
            stream.CopyTo(buffered);
        buffered.Position = 0;
        var pdb = PdbSourceLink.Read(buffered);
        checkedPdbs++;
        var unreachable = pdb.Unreachable().ToList();
        var where = $"{Path.GetFileName(package)}:{entry.FullName}";
        if (pdb.Map.Count == 0 || unreachable.Count > 0)
        {
            failures++;
            Console.WriteLine($"NO SOURCELINK {where}: {(pdb.Map.Count == 0 ? "no SourceLink map" : $"{unreachable.Count} documents unmapped, e.g. {unreachable[0]}")}");
            continue;
        }
        var sample = pdb.Documents.FirstOrDefault(d => !pdb.Embedded.Contains(d));
        Console.WriteLine($"sourcelink ok {where}: {pdb.Documents.Count} documents ({pdb.Embedded.Count} embedded), e.g. {(sample is null ? "-" : pdb.UrlOf(sample))}");
    }
}

if (checkedPdbs == 0)
{
    Console.WriteLine("NO SOURCELINK: no PDB found in " + args[0]);
    return 1;
}
Console.WriteLine($"{checkedPdbs} PDBs checked, {failures} without SourceLink");
return failures == 0 ? 0 : 1;
