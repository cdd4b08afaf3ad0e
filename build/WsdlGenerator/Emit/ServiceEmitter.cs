using Contracts.WsdlGenerator.Model;

namespace Contracts.WsdlGenerator.Emit;

/// <summary>
/// Writes a service contract as a [ServiceContract] interface of task-based operations (document/literal wrapped:
/// the parameters are the request wrapper's children, the result the reply wrapper's child) and a ClientBase client.
/// </summary>
internal static class ServiceEmitter
{
    private const string ServiceModel = "System.ServiceModel";
    private const string Tasks = "System.Threading.Tasks";

    public static GeneratedFile EmitInterface(ServiceContract service, GeneratorOptions options)
    {
        var writer = FileHeader.Start(options, ServiceModel, Tasks);
        writer.Doc("summary", service.Documentation ?? $"The {service.Name} service contract.");
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.Line($"[ServiceContract(Name = {DocComments.Literal(service.Name)}, Namespace = {DocComments.Literal(service.Namespace)})]");
        writer.Open($"public partial interface {service.InterfaceName}");
        for (var i = 0; i < service.Operations.Count; i++)
        {
            if (i > 0)
                writer.Line();
            EmitOperation(writer, service.Operations[i]);
        }
        writer.Close();
        return new GeneratedFile(service.InterfaceName + ".g.cs", writer.ToString());
    }

    public static GeneratedFile EmitClient(ServiceContract service, GeneratorOptions options)
    {
        var writer = FileHeader.Start(options, ServiceModel, ServiceModel + ".Channels", Tasks);
        writer.Doc("summary", $"A WCF client of {service.Name}: ClientBase over <see cref=\"{service.InterfaceName}\"/>, one method per operation.", raw: true);
        writer.Doc("remarks", "Give it a binding that matches the contract (SOAP 1.1 over HTTP: BasicHttpBinding) and the service's address.");
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.Open($"public partial class {service.ClientName} : ClientBase<{service.InterfaceName}>, {service.InterfaceName}");
        if (service.Address is not null)
        {
            writer.Doc("summary", "The address the contract's wsdl:service gives this binding. It may be a placeholder: prefer the address the vendor gives you.");
            writer.Line($"public const string ContractAddress = {DocComments.Literal(service.Address)};");
            writer.Line();
        }
        writer.Doc("summary", "Creates a client that sends to <paramref name=\"remoteAddress\"/> over <paramref name=\"binding\"/>.", raw: true);
        writer.Doc("param", "The binding: BasicHttpBinding for this SOAP 1.1 contract.", "name=\"binding\"");
        writer.Doc("param", "The service's address.", "name=\"remoteAddress\"");
        writer.Line($"public {service.ClientName}(Binding binding, EndpointAddress remoteAddress)");
        writer.Line("    : base(binding, remoteAddress)");
        writer.Line("{");
        writer.Line("}");
        foreach (var operation in service.Operations)
        {
            writer.Line();
            writer.Line("/// <inheritdoc />");
            var arguments = string.Join(", ", operation.Parameters.Select(p => p.ClrName));
            writer.Line($"public {ReturnType(operation)} {operation.MethodName}({Parameters(operation, withAttributes: false)})");
            writer.Line($"    => Channel.{operation.MethodName}({arguments});");
        }
        writer.Close();
        return new GeneratedFile(service.ClientName + ".g.cs", writer.ToString());
    }

    private static void EmitOperation(CodeWriter writer, Operation operation)
    {
        var documentation = operation.Documentation ?? $"The {operation.Name} operation.";
        var lineBreak = documentation.IndexOf('\n', StringComparison.Ordinal);
        writer.Doc("summary", lineBreak < 0 ? documentation : documentation[..lineBreak]);
        if (lineBreak >= 0)
            writer.Doc("remarks", documentation[(lineBreak + 1)..]);
        foreach (var parameter in operation.Parameters)
            writer.Doc("param", parameter.Documentation ?? $"The {parameter.WireName} element.", $"name=\"{Identifiers.Unescaped(parameter.ClrName)}\"");
        if (operation.Result is { } result)
            writer.Doc("returns", result.Documentation ?? $"The {result.WireName} element.");

        var contract = $"Name = {DocComments.Literal(operation.Name)}, Action = {DocComments.Literal(operation.Action)}";
        contract += operation.IsOneWay ? ", IsOneWay = true" : $", ReplyAction = {DocComments.Literal(operation.ReplyAction!)}";
        writer.Line($"[OperationContract({contract})]");
        if (operation.Result is { } named && named.WireName != operation.Name + "Result")
            writer.Line($"[return: MessageParameter(Name = {DocComments.Literal(named.WireName)})]");
        writer.Line($"{ReturnType(operation)} {operation.MethodName}({Parameters(operation, withAttributes: true)});");
    }

    /// <summary>The method's return type: Task of the result, or Task when the reply is empty or there is none.</summary>
    internal static string ReturnType(Operation operation)
        => operation.Result is { } result
            ? $"Task<{result.Type.Nullable(result.IsNullable)}>"
            : "Task";

    /// <summary>The method's parameter list, in the contract's order.</summary>
    internal static string Parameters(Operation operation, bool withAttributes)
        => string.Join(", ", operation.Parameters.Select(p =>
        {
            var attribute = withAttributes && Identifiers.Unescaped(p.ClrName) != p.WireName
                ? $"[MessageParameter(Name = {DocComments.Literal(p.WireName)})] "
                : "";
            return $"{attribute}{p.Type.Nullable(p.IsNullable)} {p.ClrName}";
        }));
}
