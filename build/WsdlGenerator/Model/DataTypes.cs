using System.Xml;

namespace Contracts.WsdlGenerator.Model;

/// <summary>A type the generator emits as C#: a class, an enum or a named collection, with its data-contract name.</summary>
/// <param name="ClrName">The C# type name.</param>
/// <param name="ContractName">The schema type's qualified name: the data contract's Name and Namespace.</param>
/// <param name="Documentation">The schema's xs:documentation, if any.</param>
internal abstract record DataType(string ClrName, XmlQualifiedName ContractName, string? Documentation);

/// <summary>A complex type with a sequence of elements: a [DataContract] class.</summary>
internal sealed record DataClass(string ClrName, XmlQualifiedName ContractName, string? Documentation)
    : DataType(ClrName, ContractName, Documentation)
{
    /// <summary>The members in sequence order (which is the order the serializer writes and expects).</summary>
    public List<DataMember> Members { get; } = [];
}

/// <summary>A simple type restricted by xs:enumeration: a C# enum.</summary>
/// <param name="IsNumeric">True when the wire value is a number (restriction of an integer type), false for text.</param>
/// <param name="UnderlyingClrType">The enum's underlying C# type (int unless the schema says otherwise).</param>
internal sealed record DataEnum(string ClrName, XmlQualifiedName ContractName, string? Documentation, bool IsNumeric, string UnderlyingClrType)
    : DataType(ClrName, ContractName, Documentation)
{
    public List<EnumValue> Values { get; } = [];
}

/// <summary>One enumeration value.</summary>
/// <param name="ClrName">The C# member name.</param>
/// <param name="WireValue">The value as written on the wire.</param>
/// <param name="NumericValue">The C# member's value.</param>
internal sealed record EnumValue(string ClrName, string WireValue, long NumericValue, string? Documentation);

/// <summary>
/// A collection whose names differ from what DataContractSerializer derives for List&lt;T&gt; (ArrayOf{Item} with
/// {Item} elements): a [CollectionDataContract] class deriving from List&lt;T&gt;.
/// </summary>
internal sealed record DataCollection(string ClrName, XmlQualifiedName ContractName, string? Documentation, string ItemName, TypeRef Item, bool ItemNullable)
    : DataType(ClrName, ContractName, Documentation);

/// <summary>One element of a data class.</summary>
/// <param name="PropertyName">The C# property name.</param>
/// <param name="WireName">The element name.</param>
/// <param name="Order">Position in the sequence, as DataMember Order.</param>
/// <param name="Type">The element's type.</param>
/// <param name="IsRequired">minOccurs is 1: the element is always present.</param>
/// <param name="IsNillable">nillable="true": the element may carry xsi:nil.</param>
internal sealed record DataMember(string PropertyName, string WireName, int Order, TypeRef Type, bool IsRequired, bool IsNillable, string? Documentation)
{
    /// <summary>Whether the C# property is nullable: nillable values, and reference types that may be absent or nil.</summary>
    public bool IsNullable => IsNillable || (!Type.IsValueType && !IsRequired);
}
