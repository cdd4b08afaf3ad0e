using Microsoft.Extensions.Configuration;

namespace Contracts.Cli;

/// <summary>
/// Where credentials come from: environment variables (NOTIFY_ENGAGE__CLIENTID, ...) over an optional JSON settings
/// file ({"Engage": {"ClientId": ..., "ClientSecret": ..., "Region": ..., "BaseUrl": ...}}).
/// </summary>
public static class CliSettings
{
    /// <summary>Prefix of the environment variables notify reads.</summary>
    public const string EnvironmentPrefix = "NOTIFY_";

    /// <summary>Builds the configuration from the settings file (if any) and the environment.</summary>
    public static IConfiguration Load(FileInfo? settingsFile)
    {
        var builder = new ConfigurationBuilder();
        if (settingsFile is not null)
            builder.AddJsonFile(settingsFile.FullName, optional: false);
        builder.AddEnvironmentVariables(EnvironmentPrefix);
        return builder.Build();
    }
}
