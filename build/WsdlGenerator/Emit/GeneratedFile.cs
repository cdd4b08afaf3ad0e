namespace Contracts.WsdlGenerator.Emit;

/// <summary>One output file: its name in the output folder and its full text.</summary>
public sealed record GeneratedFile(string Name, string Content);
