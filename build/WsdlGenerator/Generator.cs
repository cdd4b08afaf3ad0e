using Contracts.WsdlGenerator.Emit;

namespace Contracts.WsdlGenerator;

/// <summary>
/// WSDL in, C# files out: one file per data type, and per service its interface, its client, the description of
/// its operations by SOAP action and the shapes of their answers. The output depends on
/// the contract and the options only (no time, machine, locale or absolute path), so it is byte-identical anywhere.
/// </summary>
public static class Generator
{
    /// <summary>Generates the files for <paramref name="options"/>, sorted by name.</summary>
    /// <exception cref="WsdlGenerationException">The contract is malformed or uses something not supported; the message says where and what.</exception>
    public static IReadOnlyList<GeneratedFile> Generate(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(options.ContractPath))
            throw new WsdlGenerationException(options.ContractDisplayPath, 0, 0, "the contract file does not exist");

        var wsdl = WsdlDocument.Load(options.ContractPath, options.ContractDisplayPath);
        var types = new SchemaTypeMapper(wsdl, options.Namespace);
        var services = new ServiceMapper(wsdl, types).MapServices();

        var files = new List<GeneratedFile>();
        foreach (var service in services)
        {
            files.Add(ServiceEmitter.EmitInterface(service, options));
            files.Add(ServiceEmitter.EmitClient(service, options));
            files.Add(OperationsEmitter.Emit(service, options));
            files.Add(AnswerShapesEmitter.Emit(service, types.Types, options));
        }
        files.AddRange(types.Types.Select(type => DataTypeEmitter.Emit(type, options)));
        return files.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }
}
