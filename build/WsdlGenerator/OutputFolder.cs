using System.Text;
using Contracts.WsdlGenerator.Emit;

namespace Contracts.WsdlGenerator;

/// <summary>
/// Brings a folder of generated files up to date: writes a file only when its text changed (so an unchanged file keeps
/// its timestamp and a no-op build compiles nothing new) and deletes generated files the contract no longer produces.
/// </summary>
public static class OutputFolder
{
    /// <summary>The files this generator owns in its output folder; anything else there is left alone.</summary>
    public const string GeneratedPattern = "*.g.cs";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="files"/> into <paramref name="folder"/>; returns how many were written and deleted.</summary>
    public static (int Written, int Deleted) Update(string folder, IReadOnlyList<GeneratedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        Directory.CreateDirectory(folder);
        var written = 0;
        foreach (var file in files)
        {
            var path = Path.Combine(folder, file.Name);
            var bytes = Utf8NoBom.GetBytes(file.Content);
            if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
                continue;
            File.WriteAllBytes(path, bytes);
            written++;
        }

        var expected = files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var deleted = 0;
        foreach (var stale in Directory.EnumerateFiles(folder, GeneratedPattern).Where(p => !expected.Contains(Path.GetFileName(p))))
        {
            File.Delete(stale);
            deleted++;
        }
        return (written, deleted);
    }
}
