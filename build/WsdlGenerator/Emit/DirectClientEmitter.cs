using Contracts.WsdlGenerator.Model;

namespace Contracts.WsdlGenerator.Emit;

/// <summary>
/// Writes a service's direct client: an internal class that implements the service interface by handing each
/// operation, by its wsdl name and with its parameters in the contract's order, to a sender of the SDK's own (one
/// that sends through WCF's message layer without its proxy, or a test double), and the small internal interface of
/// that sender. Which operations there are, their names and the order of their parameters are facts of the contract,
/// so no list of them is kept by hand. Both live in one file: the interface exists only for the class.
/// </summary>
internal static class DirectClientEmitter
{
    private const string Tasks = "System.Threading.Tasks";

    public static GeneratedFile Emit(ServiceContract service, GeneratorOptions options)
    {
        var writer = FileHeader.Start(options, Tasks);
        var hasOneWay = service.Operations.Any(o => o.IsOneWay);

        writer.Doc("summary", $"Sends one operation of <see cref=\"{service.InterfaceName}\"/> at a time, for <see cref=\"{service.DirectClientName}\"/>.", raw: true);
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.Open($"internal interface {service.SenderName}");
        writer.Doc("summary", "Sends the operation named <paramref name=\"operation\"/> (its wsdl name) with <paramref name=\"inputs\"/>, its parameters in the contract's order, and reads its result (null when its reply is empty).", raw: true);
        writer.Line("Task<T> SendAsync<T>(string operation, params object?[] inputs);");
        if (hasOneWay)
        {
            writer.Line();
            writer.Doc("summary", "Sends the one-way operation named <paramref name=\"operation\"/> (its wsdl name) with <paramref name=\"inputs\"/>, its parameters in the contract's order; no reply is read.", raw: true);
            writer.Line("Task SendOneWayAsync(string operation, params object?[] inputs);");
        }
        writer.Close();
        writer.Line();

        writer.Doc("summary", $"<see cref=\"{service.InterfaceName}\"/> over a <see cref=\"{service.SenderName}\"/>: each method sends its operation by name with its parameters, in the contract's order.", raw: true);
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.Open($"internal sealed class {service.DirectClientName}({service.SenderName} sender) : {service.InterfaceName}");
        for (var i = 0; i < service.Operations.Count; i++)
        {
            if (i > 0)
                writer.Line();
            var operation = service.Operations[i];
            var arguments = string.Concat(operation.Parameters.Select(p => ", " + p.ClrName));
            var name = DocComments.Literal(operation.Name);
            var send = operation switch
            {
                { IsOneWay: true } => $"sender.SendOneWayAsync({name}{arguments})",
                { Result: { } result } => $"sender.SendAsync<{result.Type.Nullable(result.IsNullable)}>({name}{arguments})",
                // An empty reply: read (so a fault still throws) and its null result dropped.
                _ => $"sender.SendAsync<object?>({name}{arguments})",
            };
            writer.Line("/// <inheritdoc />");
            writer.Line($"public {ServiceEmitter.ReturnType(operation)} {operation.MethodName}({ServiceEmitter.Parameters(operation, withAttributes: false)})");
            writer.Line($"    => {send};");
        }
        writer.Close();
        return new GeneratedFile(service.DirectClientName + ".g.cs", writer.ToString());
    }
}
