using System.Globalization;
using Contracts.WsdlGenerator.Model;

namespace Contracts.WsdlGenerator.Emit;

/// <summary>
/// Writes one data type per file: [DataContract] classes (members in sequence order, IExtensibleDataObject so that
/// elements the contract does not know survive a read-modify-write), [DataContract] enums, [CollectionDataContract]
/// lists.
/// </summary>
internal static class DataTypeEmitter
{
    private const string Serialization = "System.Runtime.Serialization";
    private const string Collections = "System.Collections.Generic";

    public static GeneratedFile Emit(DataType type, GeneratorOptions options)
    {
        var writer = type is DataCollection ? FileHeader.Start(options, Serialization, Collections) : FileHeader.Start(options, Serialization);
        switch (type)
        {
            case DataClass dataClass:
                EmitClass(writer, dataClass);
                break;
            case DataEnum dataEnum:
                EmitEnum(writer, dataEnum);
                break;
            case DataCollection collection:
                EmitCollection(writer, collection);
                break;
        }
        return new GeneratedFile(type.ClrName + ".g.cs", writer.ToString());
    }

    private static void EmitClass(CodeWriter writer, DataClass type)
    {
        writer.Doc("summary", type.Documentation ?? $"The {type.ContractName.Name} data contract.");
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.Line($"[DataContract(Name = {DocComments.Literal(type.ContractName.Name)}, Namespace = {DocComments.Literal(type.ContractName.Namespace)})]");
        writer.Open($"public partial class {type.ClrName} : IExtensibleDataObject");
        foreach (var member in type.Members)
        {
            EmitMember(writer, member);
            writer.Line();
        }
        writer.Doc("summary", "Elements the contract does not describe, kept so that they survive a read-modify-write round trip.");
        writer.Line("public ExtensionDataObject? ExtensionData { get; set; }");
        if (type.Members.Any(m => m.Type is PrimitiveRef { Shim: not WireShim.None }))
        {
            writer.Line();
            writer.Line("// xs:date and xs:time may end with a time zone (Z, +hh:mm, -hh:mm), which DateOnly and TimeOnly do not hold.");
            writer.Open("private static string WithoutZone(string text, int from)");
            writer.Line("var zone = text.IndexOfAny(['Z', '+', '-'], global::System.Math.Min(from, text.Length));");
            writer.Line("return zone < 0 ? text : text[..zone];");
            writer.Close();
        }
        writer.Close();
    }

    private static void EmitMember(CodeWriter writer, DataMember member)
    {
        var nullable = member.IsNullable;
        var propertyType = member.Type.Nullable(nullable);
        var required = member.IsRequired && !nullable && !member.Type.IsValueType ? "required " : "";
        var shim = Shim(member.Type);

        writer.Doc("summary", member.Documentation ?? $"The {member.WireName} element.");
        if (shim is null)
            writer.Line(DataMemberAttribute(member));
        writer.Line($"public {required}{propertyType} {member.PropertyName} {{ get; set; }}");
        if (shim is null)
            return;

        writer.Line();
        writer.Line($"// {shim.Reason}");
        writer.Line(DataMemberAttribute(member));
        writer.Open($"private {shim.WireType(nullable)} {member.PropertyName}WireValue");
        writer.Line($"get => {shim.ToWire(member.PropertyName, nullable)};");
        writer.Line($"set => {member.PropertyName} = {shim.FromWire("value", nullable)};");
        writer.Close();
    }

    private static string DataMemberAttribute(DataMember member)
    {
        var arguments = $"Name = {DocComments.Literal(member.WireName)}, Order = {member.Order.ToString(CultureInfo.InvariantCulture)}";
        if (member.IsRequired)
            arguments += ", IsRequired = true";
        // An optional element that may not be nil is left out when null; WCF's default (write xsi:nil) fits the rest.
        if (!member.IsRequired && !member.IsNillable && !member.Type.IsValueType)
            arguments += ", EmitDefaultValue = false";
        return $"[DataMember({arguments})]";
    }

    private static void EmitEnum(CodeWriter writer, DataEnum type)
    {
        writer.Doc("summary", type.Documentation ?? $"The {type.ContractName.Name} enumeration.");
        if (type.IsNumeric)
            writer.Doc("remarks", "The wire carries the number, not the name. A member of a data contract keeps a number this enum does not name, so a value the contract adds later reads without error.");
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.Line($"[DataContract(Name = {DocComments.Literal(type.ContractName.Name)}, Namespace = {DocComments.Literal(type.ContractName.Namespace)})]");
        writer.Open(type.UnderlyingClrType == "int" ? $"public enum {type.ClrName}" : $"public enum {type.ClrName} : {type.UnderlyingClrType}");
        for (var i = 0; i < type.Values.Count; i++)
        {
            var value = type.Values[i];
            if (i > 0)
                writer.Line();
            writer.Doc("summary", value.Documentation ?? $"The value {value.WireValue}.");
            writer.Line($"[EnumMember(Value = {DocComments.Literal(value.WireValue)})]");
            writer.Line($"{value.ClrName} = {value.NumericValue.ToString(CultureInfo.InvariantCulture)},");
        }
        writer.Close();
    }

    private static void EmitCollection(CodeWriter writer, DataCollection type)
    {
        writer.Doc("summary", type.Documentation ?? $"The {type.ContractName.Name} collection, whose items are {type.ItemName} elements.");
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.Line($"[CollectionDataContract(Name = {DocComments.Literal(type.ContractName.Name)}, Namespace = {DocComments.Literal(type.ContractName.Namespace)}, ItemName = {DocComments.Literal(type.ItemName)})]");
        writer.Line($"public partial class {type.ClrName} : List<{type.Item.Nullable(type.ItemNullable)}>");
        writer.Line("{");
        writer.Line("}");
    }

    /// <summary>How a member whose C# type the serializer would not write in the schema's form travels on the wire.</summary>
    private static WireConversion? Shim(TypeRef type) => type switch
    {
        GeneratedRef { Type: DataEnum { IsNumeric: true } numeric } => WireConversion.Number(type.ClrType, numeric.UnderlyingClrType),
        PrimitiveRef { Shim: WireShim.Date } => WireConversion.Text("global::System.DateOnly", "yyyy-MM-dd", 10, "The wire carries xs:date text (yyyy-MM-dd); DataContractSerializer has no DateOnly form of its own."),
        PrimitiveRef { Shim: WireShim.Time } => WireConversion.Text("global::System.TimeOnly", "HH:mm:ss.FFFFFFF", 8, "The wire carries xs:time text (HH:mm:ss); DataContractSerializer has no TimeOnly form of its own."),
        _ => null,
    };

    private sealed record WireConversion(string Reason, Func<bool, string> WireType, Func<string, bool, string> ToWire, Func<string, bool, string> FromWire)
    {
        public static WireConversion Number(string enumType, string underlying) => new(
            "The wire carries the number: this member reads and writes it, so numbers the enum does not name are kept.",
            nullable => nullable ? underlying + "?" : underlying,
            (property, nullable) => nullable ? $"({underlying}?){property}" : $"({underlying}){property}",
            (value, nullable) => nullable ? $"({enumType}?){value}" : $"({enumType}){value}");

        public static WireConversion Text(string clrType, string format, int zoneFrom, string reason) => new(
            reason,
            _ => "string?",
            (property, nullable) => $"{property}{(nullable ? "?" : "")}.ToString({DocComments.Literal(format)}, global::System.Globalization.CultureInfo.InvariantCulture)",
            (value, nullable) => $"{value} is null ? {(nullable ? "null" : "default")} : {clrType}.ParseExact(WithoutZone({value}, {zoneFrom}), {DocComments.Literal(format)}, global::System.Globalization.CultureInfo.InvariantCulture)");
    }
}
