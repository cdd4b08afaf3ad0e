using System.Collections;
using Contracts.Accengage;
using Contracts.Engage;
using Contracts.Ogangi;
using Contracts.Onc;
using Microsoft.Extensions.Configuration;

namespace Contracts.Cli;

/// <summary>
/// Where credentials come from: environment variables (NOTIFY_ENGAGE__CLIENTID, ...) over an optional JSON settings
/// file, laid out either per vendor ({"Engage": {"ClientId": ..., "ClientSecret": ...}}) or like the library's
/// configuration ({"Contracts": {"Engage": {...}}}). A variable or setting notify does not know is named in a warning
/// with the closest one it knows: a misspelt credential must not go unnoticed.
/// </summary>
public static class CliSettings
{
    /// <summary>Prefix of the environment variables notify reads.</summary>
    public const string EnvironmentPrefix = "NOTIFY_";

    /// <summary>The variable that, set to 1 or true, makes every command use the embedded sandbox (as --sandbox does).</summary>
    public const string SandboxVariable = EnvironmentPrefix + "SANDBOX";

    /// <summary>The section the library's configuration puts vendors under.</summary>
    private const string LibraryRoot = "Contracts";

    /// <summary>Every setting notify reads, as "Vendor:Option", from the options types (plus notify's own Ogangi:From).</summary>
    public static IReadOnlyList<string> KnownKeys { get; } =
    [
        .. OptionNames("Engage", typeof(EngageClientOptions)),
        .. OptionNames("Ogangi", typeof(OgangiClientOptions)), "Ogangi:From",
        .. OptionNames("Accengage", typeof(AccengageClientOptions)),
        .. OptionNames("Onc", typeof(OncClientOptions)),
    ];

    /// <summary>Builds the configuration from the settings file (if any) and the environment.</summary>
    /// <param name="settingsFile">The JSON settings file, or null.</param>
    /// <param name="warn">Receives a warning for each variable or setting notify does not know.</param>
    /// <exception cref="InvalidDataException">The settings file is not valid JSON.</exception>
    public static IConfiguration Load(FileInfo? settingsFile, Action<string>? warn = null)
    {
        var builder = new ConfigurationBuilder();
        if (settingsFile is not null)
        {
            IConfigurationRoot file;
            try
            {
                file = new ConfigurationBuilder().AddJsonFile(settingsFile.FullName, optional: false).Build();
            }
            catch (Exception malformed) when (malformed is FormatException or InvalidDataException)
            {
                throw new InvalidDataException($"The settings file {settingsFile.Name} is not valid JSON: {malformed.InnerException?.Message ?? malformed.Message}", malformed);
            }
            builder.AddConfiguration(file);
            // The library's layout: {"Contracts": {"Engage": {...}}} reads as {"Engage": {...}}.
            builder.AddInMemoryCollection(file.GetSection(LibraryRoot).AsEnumerable(makePathsRelative: true));
            if (warn is not null)
                WarnAboutUnknownSettings(file, settingsFile.Name, warn);
        }
        builder.AddEnvironmentVariables(EnvironmentPrefix);
        if (warn is not null)
            WarnAboutUnknownVariables(Environment.GetEnvironmentVariables(), warn);
        return builder.Build();
    }

    /// <summary>
    /// Binds <paramref name="section"/> (e.g. "Engage") onto <paramref name="options"/>. A value that does not convert
    /// (an unknown region, a port that is not a number) is invalid settings: nothing is sent.
    /// </summary>
    /// <exception cref="InvalidDataException">A setting's value cannot be used; the message names the setting, its variable and, for a choice, the values allowed.</exception>
    internal static T Bind<T>(IConfiguration section, T options)
        where T : class
    {
        try
        {
            section.Bind(options);
            return options;
        }
        catch (InvalidOperationException unusable)
        {
            // The binder names the key in its message only: "Failed to convert configuration value '...' at 'Engage:Region' to type '...'".
            var key = System.Text.RegularExpressions.Regex.Match(unusable.Message, "at '([^']+)'").Groups[1].Value;
            var property = typeof(T).GetProperty(key.Split(':')[^1]);
            var type = property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var allowed = type is { IsEnum: true } ? $"; use one of {string.Join(", ", Enum.GetNames(type))}" : "";
            var setting = key.Length > 0 ? $"The setting {key} ({VariableFor(key)})" : $"A {(section as IConfigurationSection)?.Key} setting";
            throw new InvalidDataException($"{setting} has a value notify cannot use{allowed}. Nothing was sent.", unusable);
        }
    }

    /// <summary>Whether <see cref="SandboxVariable"/> asks for the sandbox.</summary>
    public static bool SandboxRequestedByEnvironment()
        => Environment.GetEnvironmentVariable(SandboxVariable) is { } value
           && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));

    /// <summary>The environment variable that sets <paramref name="key"/> ("Engage:ClientId" -> NOTIFY_ENGAGE__CLIENTID).</summary>
    public static string VariableFor(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant();
    }

    private static void WarnAboutUnknownVariables(IDictionary variables, Action<string> warn)
    {
        var known = KnownKeys.Select(VariableFor).Append(SandboxVariable).ToArray();
        foreach (var name in variables.Keys.OfType<string>().Order(StringComparer.Ordinal))
        {
            if (!name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase) || known.Contains(name, StringComparer.OrdinalIgnoreCase))
                continue;
            warn($"warning: {name} is not a variable notify reads{Suggestion(name.ToUpperInvariant(), known)}");
        }
    }

    private static void WarnAboutUnknownSettings(IConfiguration file, string fileName, Action<string> warn)
    {
        foreach (var (key, value) in file.AsEnumerable().OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (value is null)
                continue; // a section, not a setting
            var relative = key.StartsWith(LibraryRoot + ":", StringComparison.OrdinalIgnoreCase) ? key[(LibraryRoot.Length + 1)..] : key;
            if (KnownKeys.Contains(relative, StringComparer.OrdinalIgnoreCase))
                continue;
            warn($"warning: '{key}' in {fileName} is not a setting notify reads{Suggestion(relative, KnownKeys)}");
        }
    }

    private static string Suggestion(string unknown, IReadOnlyCollection<string> known)
    {
        var closest = known.MinBy(k => Distance(Comparable(unknown), Comparable(k)));
        return closest is not null && Distance(Comparable(unknown), Comparable(closest)) <= Math.Max(3, unknown.Length / 4)
            ? $" (did you mean {closest}?)"
            : "";
    }

    /// <summary>Case and separators do not count: NOTIFY_ENGAGE_CLIENTID is one edit from NOTIFY_ENGAGE__CLIENTID.</summary>
    private static string Comparable(string name) => name.ToUpperInvariant().Replace("__", "_", StringComparison.Ordinal).Replace(':', '_');

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    private static IEnumerable<string> OptionNames(string vendor, Type options)
        => options.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .Where(p => p.CanWrite && p.SetMethod!.IsPublic)
            .Select(p => $"{vendor}:{p.Name}");
}
