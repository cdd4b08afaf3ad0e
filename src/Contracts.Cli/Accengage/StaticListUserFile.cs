using System.Globalization;
using Contracts.Accengage;
using Contracts.Cli.Input;

namespace Contracts.Cli.Accengage;

/// <summary>
/// Users to upsert in a static list, from a file: one UDID per line (or, with --by FIELD, one value of that device
/// field per line), or CSV whose header names <c>deviceId</c> (or <c>UDID</c>) or the --by field, and optionally
/// <c>expireAt</c> (when the user leaves the list).
/// </summary>
internal static class StaticListUserFile
{
    public static IEnumerable<StaticListUser> Read(string path, string? field, DateTimeOffset? expireAt)
    {
        var key = field ?? "deviceId";
        bool IsKey(string column) => column.Equals("deviceId", StringComparison.OrdinalIgnoreCase) || column.Equals("UDID", StringComparison.OrdinalIgnoreCase)
            || column.Equals(key, StringComparison.OrdinalIgnoreCase);
        foreach (var record in RecordFile.Read(path, key, RecordFile.NamesAColumn(IsKey)))
        {
            var user = new StaticListUser();
            if (expireAt is { } everyone)
                user.ExpireAt = FormatExpiry(everyone);
            foreach (var (column, value) in record.Fields)
            {
                if (column.Equals("expireAt", StringComparison.OrdinalIgnoreCase))
                {
                    if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
                        throw new FormatException($"{record.Where}: expireAt '{value}' is not a date (use ISO 8601, e.g. 2030-12-31T23:59:59Z).");
                    user.ExpireAt = FormatExpiry(date);
                }
                else if (column.Equals("deviceId", StringComparison.OrdinalIgnoreCase) || column.Equals("UDID", StringComparison.OrdinalIgnoreCase))
                {
                    user.DeviceId = value;
                }
                else if (column.Equals(key, StringComparison.OrdinalIgnoreCase))
                {
                    user.AdditionalProperties[key] = value;
                }
                else
                {
                    throw new FormatException($"{record.Where}: unknown column '{column}' (expected deviceId or UDID, {key}, expireAt).");
                }
            }
            yield return user;
        }
    }

    /// <summary>Why a user cannot be sent, or null: it must name a device by UDID or by the field.</summary>
    public static string? Check(StaticListUser user)
        => string.IsNullOrWhiteSpace(user.DeviceId) && user.AdditionalProperties.Count == 0 ? "the line names no device (no deviceId or field value)." : null;

    /// <summary>How a user is named in outcomes.</summary>
    public static string Describe(StaticListUser user)
        => user.DeviceId ?? user.AdditionalProperties.Select(p => $"{p.Key}={p.Value}").FirstOrDefault() ?? "(nobody)";

    /// <summary>A JavaScript-compatible date, as Accengage documents expireAt: 2030-12-31T23:59:59.000Z.</summary>
    private static string FormatExpiry(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
