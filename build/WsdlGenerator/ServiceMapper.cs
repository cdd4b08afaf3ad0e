using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Contracts.WsdlGenerator.Model;

namespace Contracts.WsdlGenerator;

/// <summary>
/// Maps each port type bound to SOAP 1.1 (document/literal, as WCF's basicHttpBinding publishes it) to a service
/// contract, and each of its operations to a method whose parameters are the children of the request wrapper
/// element and whose result is the single child of the reply wrapper. Refuses the rest with file, line and construct.
/// </summary>
internal sealed class ServiceMapper
{
    private readonly WsdlDocument _wsdl;
    private readonly SchemaTypeMapper _types;

    public ServiceMapper(WsdlDocument wsdl, SchemaTypeMapper types)
    {
        _wsdl = wsdl;
        _types = types;
    }

    public IReadOnlyList<ServiceContract> MapServices()
    {
        var services = new List<ServiceContract>();
        var bound = new HashSet<XElement>();
        foreach (var binding in _wsdl.Bindings)
        {
            var soap = binding.Element(WsdlNames.Soap11 + "binding");
            if (soap is null)
                continue; // SOAP 1.2 and HTTP bindings: WCF's basicHttpBinding speaks SOAP 1.1 only.
            var portType = _wsdl.Find("portType", binding, "type");
            if (!bound.Add(portType))
                continue; // A second SOAP 1.1 binding of the same port type adds nothing to the contract.
            CheckBinding(binding, soap);
            services.Add(MapService(portType, binding));
        }
        foreach (var portType in _wsdl.PortTypes.Where(p => !bound.Contains(p)))
            throw Error(portType, $"port type '{(string?)portType.Attribute("name")}' has no SOAP 1.1 binding (soap:binding); only SOAP 1.1 (basicHttpBinding) is supported");
        if (services.Count == 0)
            throw Error(_wsdl.Root, "the contract has no port type bound to SOAP 1.1, so there is nothing to generate");
        return services;
    }

    private void CheckBinding(XElement binding, XElement soap)
    {
        var transport = (string?)soap.Attribute("transport");
        if (transport != WsdlNames.SoapHttpTransport)
            throw Error(soap, $"binding '{(string?)binding.Attribute("name")}' uses transport '{transport}'; only SOAP over HTTP ({WsdlNames.SoapHttpTransport}) is supported");
        if ((string?)soap.Attribute("style") is { } style && style != "document")
            throw Error(soap, $"binding '{(string?)binding.Attribute("name")}' is {style}-style; only document/literal is supported");
    }

    private ServiceContract MapService(XElement portType, XElement binding)
    {
        var name = (string)portType.Attribute("name")!;
        var interfaceName = Identifiers.ToPascal(name);
        var baseName = interfaceName.Length > 1 && interfaceName[0] == 'I' && char.IsUpper(interfaceName[1]) ? interfaceName[1..] : interfaceName;
        var clientName = baseName + "Client";
        var operationsName = baseName + "Operations";
        var answerShapesName = baseName + "AnswerShapes";
        var directClientName = baseName + "DirectClient";
        var senderName = "I" + baseName + "OperationSender";
        var owner = new XmlQualifiedName(name, _wsdl.TargetNamespace);
        _types.Reserve(interfaceName, owner, null);
        _types.Reserve(clientName, owner, null);
        _types.Reserve(operationsName, owner, null);
        _types.Reserve(answerShapesName, owner, null);
        _types.Reserve(directClientName, owner, null);
        _types.Reserve(senderName, owner, null);

        string? contractNamespace = null;
        var operations = new List<Operation>();
        var methodNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in portType.Elements(WsdlNames.Wsdl + "operation"))
        {
            var mapped = MapOperation(operation, binding, name, ref contractNamespace);
            if (!methodNames.Add(mapped.Name))
                throw Error(operation, $"operation '{mapped.Name}' is declared twice: overloaded operations are not supported");
            operations.Add(mapped);
        }

        var address = _wsdl.Ports
            .Where(p => _wsdl.ResolveQName(p, "binding").Name == (string?)binding.Attribute("name"))
            .Select(p => (string?)p.Element(WsdlNames.Soap11 + "address")?.Attribute("location"))
            .FirstOrDefault(a => a is not null);
        var service = new ServiceContract(interfaceName, clientName, operationsName, answerShapesName, directClientName, senderName, name, contractNamespace ?? _wsdl.TargetNamespace, Documentation(portType), address);
        service.Operations.AddRange(operations);
        return service;
    }

    private Operation MapOperation(XElement operation, XElement binding, string portTypeName, ref string? contractNamespace)
    {
        var name = (string?)operation.Attribute("name") ?? throw Error(operation, "an operation has no name");
        var messages = operation.Elements().Where(e => e.Name.Namespace == WsdlNames.Wsdl && e.Name.LocalName != "documentation").ToList();
        if (messages.Count == 0 || messages[0].Name.LocalName != "input")
            throw Error(operation, $"operation '{name}' does not start with wsdl:input: notification and solicit-response operations are not supported");
        if (operation.Element(WsdlNames.Wsdl + "fault") is { } fault)
            throw Error(fault, $"operation '{name}' declares wsdl:fault '{(string?)fault.Attribute("name")}': typed faults are not supported yet (SOAP faults still reach callers as FaultException)");
        var input = messages[0];
        var output = operation.Element(WsdlNames.Wsdl + "output");

        var bound = binding.Elements(WsdlNames.Wsdl + "operation").FirstOrDefault(o => (string?)o.Attribute("name") == name)
            ?? throw Error(operation, $"operation '{name}' is not in binding '{(string?)binding.Attribute("name")}'");
        var soapOperation = bound.Element(WsdlNames.Soap11 + "operation");
        if ((string?)soapOperation?.Attribute("style") is { } style && style != "document")
            throw Error(soapOperation, $"operation '{name}' is {style}-style; only document/literal is supported");
        CheckBody(bound.Element(WsdlNames.Wsdl + "input"), name, "input");
        if (output is not null)
            CheckBody(bound.Element(WsdlNames.Wsdl + "output"), name, "output");

        var requestWrapper = WrapperElement(input, name, "request");
        var requestName = SchemaTypeMapper.WireName(requestWrapper);
        if (requestName.Name != name)
            throw _types.Error(requestWrapper, $"the request element of operation '{name}' is '{requestName.Name}'; document/literal wrapped needs it named after the operation");
        contractNamespace ??= requestName.Namespace;
        if (requestName.Namespace != contractNamespace)
            throw _types.Error(requestWrapper, $"the request element of operation '{name}' is in namespace '{requestName.Namespace}' but the other operations' are in '{contractNamespace}': one port type, one wrapper namespace");

        var defaultAction = $"{contractNamespace.TrimEnd('/')}/{portTypeName}/{name}";
        var action = NonEmpty((string?)soapOperation?.Attribute("soapAction")) ?? AddressingAction(input) ?? defaultAction;

        OperationResult? result = null;
        string? replyAction = null;
        if (output is not null)
        {
            var replyWrapper = WrapperElement(output, name, "reply");
            var replyName = SchemaTypeMapper.WireName(replyWrapper);
            if (replyName.Name != name + "Response" || replyName.Namespace != contractNamespace)
                throw _types.Error(replyWrapper, $"the reply element of operation '{name}' is '{replyName}'; document/literal wrapped needs '{{{contractNamespace}}}{name}Response'");
            var children = WrapperChildren(replyWrapper, name, "reply");
            if (children.Count > 1)
                throw _types.Error(children[1], $"the reply of operation '{name}' has {children.Count} elements: several results (out parameters) are not supported");
            if (children.Count == 1)
                result = MapResult(children[0], name);
            replyAction = AddressingAction(output) ?? defaultAction + "Response";
        }

        var documentation = JoinDocs(Documentation(operation), SchemaDocs.Of(requestWrapper));
        var mapped = new Operation(name, Identifiers.ToPascal(name) + "Async", action, replyAction, documentation, result, IsIdempotent(operation, bound, name));
        var parameterNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var child in WrapperChildren(requestWrapper, name, "request"))
        {
            var parameter = MapParameter(child, name);
            if (!parameterNames.Add(parameter.ClrName))
                throw _types.Error(child, $"operation '{name}' would have two parameters named {parameter.ClrName}");
            mapped.Parameters.Add(parameter);
        }
        return mapped;
    }

    private OperationParameter MapParameter(XmlSchemaElement element, string operation)
    {
        var wire = SchemaTypeMapper.WireName(element);
        var usage = $"parameter '{wire.Name}' of operation '{operation}'";
        var type = MapMessageValue(element, usage);
        var clrName = Identifiers.ToParameter(wire.Name);
        var nullable = _types.Referenced(element).IsNillable || (!type.IsValueType && element.MinOccurs == 0);
        return new OperationParameter(clrName, wire.Name, type, nullable, SchemaDocs.Of(element));
    }

    private OperationResult MapResult(XmlSchemaElement element, string operation)
    {
        var wire = SchemaTypeMapper.WireName(element);
        var type = MapMessageValue(element, $"result '{wire.Name}' of operation '{operation}'");
        var nullable = _types.Referenced(element).IsNillable || (!type.IsValueType && element.MinOccurs == 0);
        return new OperationResult(wire.Name, type, nullable, SchemaDocs.Of(element));
    }

    /// <summary>A wrapper child's type: like a data member's, but WCF writes parameters through the serializer directly, so no wire shim.</summary>
    private TypeRef MapMessageValue(XmlSchemaElement element, string usage)
    {
        _types.CheckSingle(element, usage);
        var type = _types.MapElementType(element, usage);
        if (type is PrimitiveRef { Shim: not WireShim.None })
            throw _types.Error(element, $"{usage} is xs:date or xs:time, which is supported only inside a complex type");
        return type;
    }

    /// <summary>The global element the message's single part refers to.</summary>
    private XmlSchemaElement WrapperElement(XElement io, string operation, string role)
    {
        var message = _wsdl.Find("message", io, "message");
        var parts = message.Elements(WsdlNames.Wsdl + "part").ToList();
        if (parts.Count != 1)
            throw Error(message, $"the {role} message of operation '{operation}' has {parts.Count} parts; document/literal wrapped needs exactly one");
        var part = parts[0];
        if (part.Attribute("element") is null)
            throw Error(part, $"part '{(string?)part.Attribute("name")}' of the {role} of operation '{operation}' has a type instead of an element (rpc style), which is not supported");
        var elementName = _wsdl.ResolveQName(part, "element");
        return _wsdl.Schemas.GlobalElements[elementName] as XmlSchemaElement
            ?? throw Error(part, $"the {role} of operation '{operation}' refers to element '{elementName}', which no schema in wsdl:types defines");
    }

    /// <summary>The children of a wrapper element: a (possibly empty) sequence of single elements.</summary>
    private List<XmlSchemaElement> WrapperChildren(XmlSchemaElement wrapper, string operation, string role)
    {
        if (wrapper.ElementSchemaType is not XmlSchemaComplexType type)
            throw _types.Error(wrapper, $"the {role} element of operation '{operation}' is not a complex type, so it cannot wrap parameters");
        if (type.Attributes.Count > 0 || type.ContentModel is not null || type.IsMixed)
            throw _types.Error(wrapper, $"the {role} element of operation '{operation}' has attributes or derived content; a wrapper holds a plain sequence of elements");
        switch (type.Particle)
        {
            case null:
                return [];
            case XmlSchemaSequence sequence:
                var children = new List<XmlSchemaElement>();
                foreach (var item in sequence.Items)
                {
                    if (item is not XmlSchemaElement element)
                        throw _types.Error((XmlSchemaObject)item, $"the {role} element of operation '{operation}' holds something other than elements (xs:any, xs:choice, a group), which is not supported");
                    if (SchemaTypeMapper.WireName(element).Namespace != SchemaTypeMapper.WireName(wrapper).Namespace)
                        throw _types.Error(element, $"'{element.QualifiedName}' in the {role} of operation '{operation}' is not in the wrapper's namespace (set elementFormDefault=\"qualified\")");
                    children.Add(element);
                }
                return children;
            default:
                throw _types.Error(type.Particle, $"the {role} element of operation '{operation}' does not hold an xs:sequence");
        }
    }

    private void CheckBody(XElement? io, string operation, string role)
    {
        if (io is null)
            throw Error(null, $"the binding does not describe the {role} of operation '{operation}'");
        foreach (var child in io.Elements())
        {
            if (child.Name == WsdlNames.Soap11 + "body")
            {
                var use = (string?)child.Attribute("use") ?? "literal";
                if (use != "literal")
                    throw Error(child, $"the {role} of operation '{operation}' is use=\"{use}\"; only literal is supported");
                continue;
            }
            if (child.Name == WsdlNames.Soap11 + "header")
                throw Error(child, $"the {role} of operation '{operation}' has a SOAP header (soap:header), which is not supported");
            if (child.Name.Namespace != WsdlNames.Wsdl)
                throw Error(child, $"the {role} of operation '{operation}' uses {child.Name.LocalName} ({child.Name.NamespaceName}), which is not supported");
        }
    }

    /// <summary>
    /// Reads sdk:idempotent (<see cref="WsdlNames.Extensions"/>) from the port type's operation: whether sending the
    /// operation twice acts once is what the operation does, whatever carries it, so a binding may not say it. An
    /// operation that does not say is not idempotent (every SOAP request is a POST). A value that is not an
    /// xs:boolean, an attribute put on the binding, or an unknown attribute of the namespace (a typo) fails generation.
    /// </summary>
    private bool IsIdempotent(XElement operation, XElement bound, string name)
    {
        if (bound.Attributes().FirstOrDefault(a => a.Name.Namespace == WsdlNames.Extensions) is { } misplaced)
            throw Error(misplaced, $"the binding's operation '{name}' carries {misplaced.Name.LocalName} ({WsdlNames.Extensions}); put it on the port type's wsdl:operation, which says what the operation does");
        var idempotent = false;
        foreach (var attribute in operation.Attributes().Where(a => a.Name.Namespace == WsdlNames.Extensions))
        {
            if (attribute.Name.LocalName != "idempotent")
                throw Error(attribute, $"operation '{name}' carries the unknown attribute '{attribute.Name.LocalName}' of {WsdlNames.Extensions}; the namespace defines idempotent only");
            idempotent = attribute.Value.Trim() switch
            {
                "true" or "1" => true,
                "false" or "0" => false,
                _ => throw Error(attribute, $"operation '{name}' has idempotent=\"{attribute.Value}\"; it must be true or false"),
            };
        }
        return idempotent;
    }

    private static string? AddressingAction(XElement io)
        => WsdlNames.AddressingNamespaces.Select(ns => NonEmpty((string?)io.Attribute(ns + "Action"))).FirstOrDefault(a => a is not null);

    private static string? Documentation(XElement element)
        => SchemaDocs.Normalize(element.Element(WsdlNames.Wsdl + "documentation")?.Value);

    private static string? JoinDocs(string? first, string? second)
        => first is null ? second : second is null || second == first ? first : first + "\n" + second;

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private WsdlGenerationException Error(XObject? where, string problem) => _wsdl.Locator.Error(where, problem);
}
