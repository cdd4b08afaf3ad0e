namespace Contracts.WsdlGenerator;

/// <summary>The generator's name and version as stamped into generated code.</summary>
internal static class GeneratorInfo
{
    public const string Name = "Contracts.WsdlGenerator";

    /// <summary>Major.minor.patch of this assembly: changes only when the project's Version does.</summary>
    public static string Version { get; } = typeof(GeneratorInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
