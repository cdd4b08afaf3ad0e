using System.Text.Encodings.Web;
using System.Text.Json;

namespace Contracts.ContractDiff.OpenApi;

/// <summary>
/// Runs `redocly diff base revision --format json` (@redocly/cli, pinned in build/package.json) and reads its changes.
/// `--fail-on none`: the report decides what fails, so a non-zero exit means redocly itself failed.
/// </summary>
internal sealed class RedoclyDiff(string executable, string workingDirectory)
{
    private static readonly Dictionary<string, string> QuietEnvironment = new(StringComparer.Ordinal)
    {
        ["REDOCLY_TELEMETRY"] = "off",
        ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true",
        ["NO_COLOR"] = "1",
    };

    /// <summary>Values are shown to people, not embedded in HTML: keep "+", "&lt;" and accents readable.</summary>
    private static readonly JsonSerializerOptions ValueFormat = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public IReadOnlyList<RedoclyChange> Compare(string basePath, string revisionPath, string contract)
    {
        if (!File.Exists(executable))
            throw new ContractDiffException($"redocly is not installed at {executable}: run 'bash build/install-tools' (or pass --redocly <path>)");
        var result = ProcessRunner.Run(executable, ["diff", basePath, revisionPath, "--format", "json", "--fail-on", "none"], workingDirectory, QuietEnvironment);
        if (result.ExitCode != 0)
            throw new ContractDiffException($"redocly diff could not compare {contract} with its base version: {Meaningful(result.Error)}");
        try
        {
            using var report = JsonDocument.Parse(result.Output);
            return report.RootElement.GetProperty("changes").EnumerateArray().Select(ReadChange).ToList();
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ContractDiffException($"redocly diff wrote a report this tool cannot read for {contract} ({ex.Message}); was @redocly/cli upgraded without this tool?");
        }
    }

    private static RedoclyChange ReadChange(JsonElement change) => new(
        change.GetProperty("path").GetString()!,
        change.GetProperty("typeName").GetString()!,
        change.GetProperty("kind").GetString()!,
        change.GetProperty("impact").GetString()!,
        change.TryGetProperty("property", out var property) ? property.GetString() : null,
        change.TryGetProperty("verdicts", out var verdicts)
            ? verdicts.EnumerateArray().Select(v => new RedoclyVerdict(v.GetProperty("ruleId").GetString()!, v.GetProperty("impact").GetString()!, v.GetProperty("message").GetString()!)).ToList()
            : [],
        ReadSide(change, "base"),
        ReadSide(change, "revision"));

    private static RedoclySide? ReadSide(JsonElement change, string name)
    {
        if (!change.TryGetProperty(name, out var side) || side.ValueKind != JsonValueKind.Object)
            return null;
        return new RedoclySide(
            side.TryGetProperty("pointer", out var pointer) ? pointer.GetString() : null,
            side.TryGetProperty("line", out var line) && line.ValueKind == JsonValueKind.Number ? line.GetInt32() : null,
            side.TryGetProperty("value", out var value) ? JsonSerializer.Serialize(value, ValueFormat) : null);
    }

    /// <summary>redocly's error without the Node.js deprecation banner it draws around everything it says.</summary>
    private static string Meaningful(string error)
    {
        var lines = error.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && l.IndexOfAny(['║', '╔', '╚', '═']) < 0)
            .ToList();
        return lines.Count == 0 ? "(no message)" : string.Join(" ", lines);
    }
}
