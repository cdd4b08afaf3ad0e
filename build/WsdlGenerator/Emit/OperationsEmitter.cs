using Contracts.WsdlGenerator.Model;

namespace Contracts.WsdlGenerator.Emit;

/// <summary>
/// Writes what the contract says about a service's operations beyond their messages as a static class keyed by SOAP
/// action, the one thing an HTTP handler sees of a SOAP request: each operation's name, and which operations the
/// contract marks idempotent (sdk:idempotent), so that a retry policy can tell a read from a write without a list
/// kept by hand.
/// </summary>
internal static class OperationsEmitter
{
    private const string Collections = "System.Collections.Generic";

    public static GeneratedFile Emit(ServiceContract service, GeneratorOptions options)
    {
        var writer = FileHeader.Start(options, Collections);
        writer.Doc("summary", $"The operations of <see cref=\"{service.InterfaceName}\"/> by the SOAP action of their requests (the SOAPAction header): each one's name, and which ones the contract marks idempotent.", raw: true);
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.Open($"public static partial class {service.OperationsName}");

        writer.Doc("summary", "Each operation's name, by the SOAP action of its requests.");
        writer.Line($"public static IReadOnlyDictionary<string, string> NameByAction {{ get; }} = new Dictionary<string, string>(global::System.StringComparer.Ordinal)");
        writer.Line("{");
        foreach (var operation in service.Operations)
            writer.Line($"    [{DocComments.Literal(operation.Action)}] = {DocComments.Literal(operation.Name)},");
        writer.Line("};");
        writer.Line();

        writer.Doc("summary", "The SOAP actions of the operations the contract marks idempotent (sdk:idempotent=\"true\" on the port type's wsdl:operation): sending such a request twice has the effect of sending it once, so it may be sent again after a failure that leaves its fate unknown. No other operation may: every SOAP request is a POST.");
        writer.Line($"public static IReadOnlySet<string> IdempotentActions {{ get; }} = new HashSet<string>(global::System.StringComparer.Ordinal)");
        writer.Line("{");
        foreach (var operation in service.Operations.Where(o => o.IsIdempotent))
            writer.Line($"    {DocComments.Literal(operation.Action)},");
        writer.Line("};");
        writer.Close();
        return new GeneratedFile(service.OperationsName + ".g.cs", writer.ToString());
    }
}
