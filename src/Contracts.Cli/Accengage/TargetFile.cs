using Contracts.Accengage;
using Contracts.Cli.Input;

namespace Contracts.Cli.Accengage;

/// <summary>
/// Instant message targets from a file: one UDID per line, or CSV whose header names the criteria columns
/// (<c>deviceId</c> or <c>UDID</c>, <c>token</c>, <c>clientId</c>, or the indexed field given with --by) and, in any
/// other column, the values that fill the message's <c>${column}</c> placeholders for that user.
/// </summary>
internal static class TargetFile
{
    private static readonly string[] Criteria = ["deviceId", "UDID", "token", "clientId"];

    public static IEnumerable<Target> Read(string path, string? indexedField = null)
    {
        bool IsCriterion(string column) => Criteria.Contains(column, StringComparer.OrdinalIgnoreCase) || string.Equals(column, indexedField, StringComparison.OrdinalIgnoreCase);
        foreach (var record in RecordFile.Read(path, indexedField ?? "deviceId", RecordFile.NamesAColumn(IsCriterion)))
        {
            var target = new Target();
            foreach (var (column, value) in record.Fields)
            {
                if (column.Equals("deviceId", StringComparison.OrdinalIgnoreCase) || column.Equals("UDID", StringComparison.OrdinalIgnoreCase))
                    target.DeviceId = value;
                else if (column.Equals("token", StringComparison.OrdinalIgnoreCase))
                    target.Token = value;
                else if (IsCriterion(column))
                    target.AdditionalProperties[column] = value;
                else
                    (target.Data ??= new Dictionary<string, object>(StringComparer.Ordinal))[column] = value;
            }
            yield return target;
        }
    }

    /// <summary>How a target is named in outcomes: its device ID, token, or first other criterion.</summary>
    public static string Describe(Target target)
        => target.DeviceId ?? (target.Token is { } token ? $"token={token}" : target.AdditionalProperties.Select(p => $"{p.Key}={p.Value}").FirstOrDefault() ?? "(no criterion)");
}
