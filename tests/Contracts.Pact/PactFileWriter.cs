using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Contracts.Pacts.Native;

namespace Contracts.Pacts;

/// <summary>
/// Writes Pact files that are committed: one file per consumer-provider pair holding every interaction the test
/// run verified, byte-identical whatever order parallel tests finish in.
/// </summary>
/// <remarks>
/// The engine renders each builder's pact; the interactions are then gathered here per file, in memory, rather
/// than merged by the engine into whatever the file already holds. So the first write of a run replaces the
/// committed file, and an interaction whose test was deleted disappears instead of lingering. Interactions are
/// sorted by description and provider states, identical ones (a token request many tests share) are kept once,
/// and two different interactions under the same description and states are refused, as Pact itself refuses them.
/// A filtered test run therefore rewrites a file with only the interactions it ran: run the whole test project
/// before committing pacts.
/// </remarks>
internal static class PactFileWriter
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, JsonObject> FilesOfThisRun = new(StringComparer.Ordinal);

    private static readonly JsonWriterOptions Layout = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Keep non-ASCII text and characters such as + and ' readable in review.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Adds the interactions of <paramref name="pact"/> to its file in <paramref name="pactDir"/> and returns the file's path.</summary>
    public static string Write(ushort pact, string pactDir)
    {
        var (fileName, rendered) = Render(pact);
        var target = Path.GetFullPath(Path.Combine(pactDir, fileName));
        lock (Gate)
        {
            if (FilesOfThisRun.TryGetValue(target, out var file))
                AddInteractions(file, rendered, fileName);
            else
                FilesOfThisRun[target] = file = rendered;
            SortInteractions(file);
            Save(target, file);
        }
        return target;
    }

    /// <summary>Lets the engine write the pact into a private folder, and reads it back.</summary>
    private static (string FileName, JsonObject Pact) Render(ushort pact)
    {
        var folder = Directory.CreateTempSubdirectory("contracts-pact-");
        try
        {
            var status = PactFfi.PactHandleWriteFile(pact, folder.FullName, overwrite: true);
            if (status != 0)
                throw new PactException($"The Pact engine could not write the pact (pactffi_pact_handle_write_file returned {status}: 1 panic, 2 file not writable, 3 unknown handle).");
            var file = folder.GetFiles("*.json").Single();
            var json = JsonNode.Parse(File.ReadAllText(file.FullName, Encoding.UTF8))?.AsObject()
                ?? throw new PactException($"The Pact engine wrote an empty pact ({file.Name}).");
            return (file.Name, json);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void AddInteractions(JsonObject file, JsonObject rendered, string fileName)
    {
        var interactions = Interactions(file);
        foreach (var candidate in Interactions(rendered).ToArray())
        {
            var twin = interactions.FirstOrDefault(existing => SameIdentity(existing, candidate));
            if (twin is null)
                interactions.Add(candidate?.DeepClone());
            else if (!JsonNode.DeepEquals(twin, candidate))
                throw new PactException(
                    $"{fileName}: two tests define the interaction '{Description(candidate)}' (provider states {States(candidate)}) differently. " +
                    "Give each variant its own description.");
        }
    }

    private static void SortInteractions(JsonObject file)
    {
        var interactions = Interactions(file);
        var sorted = interactions
            .OrderBy(Description, StringComparer.Ordinal)
            .ThenBy(States, StringComparer.Ordinal)
            .ThenBy(i => i?["key"]?.ToJsonString() ?? "", StringComparer.Ordinal)
            .Select(i => i?.DeepClone())
            .ToArray();
        interactions.Clear();
        foreach (var interaction in sorted)
            interactions.Add(interaction);
    }

    private static void Save(string target, JsonObject file)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Layout))
            file.WriteTo(writer);
        buffer.WriteByte((byte)'\n');
        var bytes = buffer.ToArray();

        if (File.Exists(target) && File.ReadAllBytes(target).AsSpan().SequenceEqual(bytes))
            return;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = $"{target}.{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, target, overwrite: true);
    }

    private static JsonArray Interactions(JsonObject pact)
        => pact["interactions"] as JsonArray ?? throw new PactException("The Pact engine wrote a pact without an interactions array.");

    private static bool SameIdentity(JsonNode? a, JsonNode? b)
        => Description(a) == Description(b) && States(a) == States(b);

    private static string Description(JsonNode? interaction) => interaction?["description"]?.GetValue<string>() ?? "";

    private static string States(JsonNode? interaction) => interaction?["providerStates"]?.ToJsonString() ?? "[]";
}
