namespace Contracts.WsdlGenerator.Model;

/// <summary>A port type bound to SOAP 1.1: a [ServiceContract] interface, its ClientBase client and its direct client.</summary>
/// <param name="InterfaceName">The C# interface (the port type's name).</param>
/// <param name="ClientName">The C# client class.</param>
/// <param name="OperationsName">The C# static class that describes the operations by SOAP action.</param>
/// <param name="AnswerShapesName">The C# static class that describes each reply's result and each type's members.</param>
/// <param name="DirectClientName">The internal C# class that implements the interface over a sender of operations.</param>
/// <param name="SenderName">The internal C# interface of that sender: one operation by name and parameters.</param>
/// <param name="Name">The port type name (ServiceContract Name).</param>
/// <param name="Namespace">The namespace of the operation wrappers (ServiceContract Namespace).</param>
/// <param name="Address">The soap:address the wsdl:service gives the binding, if any.</param>
internal sealed record ServiceContract(string InterfaceName, string ClientName, string OperationsName, string AnswerShapesName, string DirectClientName, string SenderName, string Name, string Namespace, string? Documentation, string? Address)
{
    public List<Operation> Operations { get; } = [];
}

/// <summary>One document/literal wrapped operation.</summary>
/// <param name="Name">The operation name (request wrapper element and OperationContract Name).</param>
/// <param name="MethodName">The C# method, Name + Async.</param>
/// <param name="Action">The SOAP action of the request.</param>
/// <param name="ReplyAction">The action of the reply; null for one-way operations.</param>
/// <param name="Result">The result, or null when the reply wrapper is empty or there is no reply.</param>
/// <param name="IsIdempotent">The contract marks the operation sdk:idempotent="true": sending it twice acts once.</param>
internal sealed record Operation(string Name, string MethodName, string Action, string? ReplyAction, string? Documentation, OperationResult? Result, bool IsIdempotent)
{
    public List<OperationParameter> Parameters { get; } = [];

    public bool IsOneWay => ReplyAction is null;
}

/// <summary>A child of the request wrapper: one method parameter.</summary>
/// <param name="ClrName">The C# parameter name (escaped with @ when it is a keyword).</param>
/// <param name="WireName">The element name; differs from ClrName only when the element name is not an identifier.</param>
internal sealed record OperationParameter(string ClrName, string WireName, TypeRef Type, bool IsNullable, string? Documentation);

/// <summary>The single child of the reply wrapper.</summary>
/// <param name="WireName">Its element name ({Operation}Result by WCF's convention).</param>
internal sealed record OperationResult(string WireName, TypeRef Type, bool IsNullable, string? Documentation);
