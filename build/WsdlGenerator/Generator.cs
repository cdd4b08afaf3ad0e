using Contracts.WsdlGenerator.Emit;
using Contracts.WsdlGenerator.Model;

namespace Contracts.WsdlGenerator;

/// <summary>
/// WSDL in, C# files out: one file per data type, and per service its interface, its client, its direct client over a sender, the description of
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
            files.Add(DirectClientEmitter.Emit(service, options));
            files.Add(AnswerShapesEmitter.Emit(service, types.Types, options));
        }
        files.AddRange(types.Types.Select(type => DataTypeEmitter.Emit(type, options)));
        return files.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// What the contract leaves without xs:documentation or wsdl:documentation, one line each ("member
    /// OutboundSMSNotificationInfo.FromNumber"), in contract order: each becomes a public C# member whose XML
    /// documentation would otherwise be a placeholder. The lint (<c>--check</c>) refuses a contract that has any.
    /// </summary>
    /// <exception cref="WsdlGenerationException">The contract is malformed or uses something not supported.</exception>
    public static IReadOnlyList<string> Undocumented(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var wsdl = WsdlDocument.Load(options.ContractPath, options.ContractDisplayPath);
        var types = new SchemaTypeMapper(wsdl, options.Namespace);
        var missing = new List<string>();
        foreach (var service in new ServiceMapper(wsdl, types).MapServices())
        {
            if (service.Documentation is null)
                missing.Add($"service {service.Name}");
            foreach (var operation in service.Operations)
            {
                if (operation.Documentation is null)
                    missing.Add($"operation {operation.Name}");
                missing.AddRange(operation.Parameters.Where(p => p.Documentation is null).Select(p => $"parameter {operation.Name}.{p.WireName}"));
                if (operation.Result is { Documentation: null } result)
                    missing.Add($"result {operation.Name}.{result.WireName}");
            }
        }
        foreach (var type in types.Types)
        {
            if (type.Documentation is null)
                missing.Add($"type {type.ContractName.Name}");
            if (type is DataClass data)
                missing.AddRange(data.Members.Where(m => m.Documentation is null).Select(m => $"member {type.ContractName.Name}.{m.WireName}"));
            if (type is DataEnum enumeration)
                missing.AddRange(enumeration.Values.Where(v => v.Documentation is null).Select(v => $"value {type.ContractName.Name}.{v.WireValue}"));
        }
        return missing;
    }
}
