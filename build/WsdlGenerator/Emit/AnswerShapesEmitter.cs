using Contracts.WsdlGenerator.Model;

namespace Contracts.WsdlGenerator.Emit;

/// <summary>
/// Writes what the contract says each operation's answer holds, as tables a reader can check a SOAP body against
/// before the data-contract serializer reads it. That serializer drops, without a word, an element in a namespace or
/// at a position the contract does not give it (a list comes back empty, an object with default fields), and reads a
/// reply wrapper with no result as the result's default (an error code of 0, "success"). The tables name, per SOAP
/// action, the reply wrapper and its result element; per complex type, its members in order; per collection, its item
/// element. Types are written in Clark notation, "{namespace}name"; a type the tables do not list is a simple value.
/// The tables are internal: they are for the client's own answer check, not part of the API.
/// </summary>
internal static class AnswerShapesEmitter
{
    private const string Collections = "System.Collections.Generic";

    public static GeneratedFile Emit(ServiceContract service, IReadOnlyList<DataType> types, GeneratorOptions options)
    {
        var className = service.AnswerShapesName;
        var writer = FileHeader.Start(options, Collections);
        writer.Doc("summary", $"What the answer of each operation of <see cref=\"{service.InterfaceName}\"/> holds, as the contract defines it: the reply wrapper and its result element by SOAP action, the members of each complex type in order, the item element of each collection. Types are in Clark notation, \"{{namespace}}name\"; a type not listed is a simple value.", raw: true);
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.Open($"internal static partial class {className}");

        writer.Doc("summary", "By the SOAP action of the request: the namespace and name of the reply wrapper, its result element (null when the reply holds none) and the result's type.");
        writer.Line($"internal static IReadOnlyDictionary<string, (string Namespace, string Wrapper, string? Result, string? ResultType)> ByAction {{ get; }} = new Dictionary<string, (string, string, string?, string?)>(global::System.StringComparer.Ordinal)");
        writer.Line("{");
        foreach (var operation in service.Operations.Where(o => !o.IsOneWay))
        {
            var result = operation.Result is null ? "null" : DocComments.Literal(operation.Result.WireName);
            var type = operation.Result is null ? "null" : Key(operation.Result.Type);
            writer.Line($"    [{DocComments.Literal(operation.Action)}] = ({DocComments.Literal(service.Namespace)}, {DocComments.Literal(operation.Name + "Response")}, {result}, {type}),");
        }
        writer.Line("};");
        writer.Line();

        writer.Doc("summary", "Each complex type: the namespace of its members, and its members in the order the contract gives them, each with its type.");
        writer.Line($"internal static IReadOnlyDictionary<string, (string Namespace, (string Name, string? Type)[] Members)> ComplexTypes {{ get; }} = new Dictionary<string, (string, (string, string?)[])>(global::System.StringComparer.Ordinal)");
        writer.Line("{");
        foreach (var data in types.OfType<DataClass>())
        {
            var members = string.Join(", ", data.Members.OrderBy(m => m.Order).Select(m => $"({DocComments.Literal(m.WireName)}, {Key(m.Type)})"));
            writer.Line($"    [{DocComments.Literal(Clark(data.ContractName.Namespace, data.ContractName.Name))}] = ({DocComments.Literal(data.ContractName.Namespace)}, [{members}]),");
        }
        writer.Line("};");
        writer.Line();

        writer.Doc("summary", "Each collection: the namespace and name of its item element, and the items' type.");
        writer.Line($"internal static IReadOnlyDictionary<string, (string Namespace, string Item, string? ItemType)> Collections {{ get; }} = new Dictionary<string, (string, string, string?)>(global::System.StringComparer.Ordinal)");
        writer.Line("{");
        foreach (var (key, itemNamespace, item, itemType) in CollectionsOf(service, types).DistinctBy(c => c.Key).OrderBy(c => c.Key, StringComparer.Ordinal))
            writer.Line($"    [{DocComments.Literal(key)}] = ({DocComments.Literal(itemNamespace)}, {DocComments.Literal(item)}, {itemType}),");
        writer.Line("};");
        writer.Close();
        return new GeneratedFile(className + ".g.cs", writer.ToString());
    }

    /// <summary>Every collection a result or a member uses: the declared ones and the default lists (ArrayOfX).</summary>
    private static IEnumerable<(string Key, string ItemNamespace, string Item, string ItemType)> CollectionsOf(ServiceContract service, IReadOnlyList<DataType> types)
    {
        foreach (var collection in types.OfType<DataCollection>())
            yield return (Clark(collection.ContractName.Namespace, collection.ContractName.Name), collection.ContractName.Namespace, collection.ItemName, Key(collection.Item));
        var used = service.Operations.Where(o => o.Result is not null).Select(o => o.Result!.Type)
            .Concat(types.OfType<DataClass>().SelectMany(d => d.Members).Select(m => m.Type));
        foreach (var list in used.OfType<ListRef>())
        {
            var (name, ns) = list.DefaultContract;
            var (itemName, itemNamespace) = list.Item.DefaultContract;
            yield return (Clark(ns, name), itemNamespace, itemName, Key(list.Item));
        }
    }

    /// <summary>The C# literal of a type's table key, or null for a simple value (a primitive or an enumeration).</summary>
    private static string Key(TypeRef type) => type switch
    {
        GeneratedRef { Type: DataClass or DataCollection } generated => DocComments.Literal(Clark(generated.Type.ContractName.Namespace, generated.Type.ContractName.Name)),
        ListRef list => DocComments.Literal(Clark(list.DefaultContract.Namespace, list.DefaultContract.Name)),
        _ => "null",
    };

    private static string Clark(string ns, string name) => "{" + ns + "}" + name;
}
