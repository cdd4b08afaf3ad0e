namespace Contracts.WsdlGenerator;

/// <summary>What to generate from where.</summary>
/// <param name="ContractPath">The WSDL file.</param>
/// <param name="ContractDisplayPath">How headers and errors name the WSDL (repository-relative in builds, so output and messages do not depend on the clone's location).</param>
/// <param name="Namespace">The C# namespace of every generated type.</param>
public sealed record GeneratorOptions(string ContractPath, string ContractDisplayPath, string Namespace);
