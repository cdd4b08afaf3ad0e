namespace Contracts.WsdlGenerator.Model;

/// <summary>How a schema type appears in C#: the type of a property, a parameter or a return value.</summary>
internal abstract record TypeRef
{
    /// <summary>The C# type, fully qualified, without nullable annotation.</summary>
    public abstract string ClrType { get; }

    /// <summary>True for C# value types (a nullable form is T?).</summary>
    public abstract bool IsValueType { get; }

    /// <summary>
    /// The name and namespace DataContractSerializer gives this type's contract, used to tell whether a schema
    /// collection is the one List&lt;T&gt; produces by default.
    /// </summary>
    public abstract (string Name, string Namespace) DefaultContract { get; }

    /// <summary>The C# type as written for a value that may be null.</summary>
    public string Nullable(bool nullable) => nullable ? ClrType + "?" : ClrType;
}

/// <summary>How a primitive travels when its C# type is not one DataContractSerializer writes in the schema's form.</summary>
internal enum WireShim
{
    /// <summary>The serializer writes the C# type as the schema says.</summary>
    None,

    /// <summary>xs:date: a DateOnly property over a private yyyy-MM-dd text member.</summary>
    Date,

    /// <summary>xs:time: a TimeOnly property over a private HH:mm:ss text member.</summary>
    Time,
}

/// <summary>A built-in type (string, int, Guid, DateTime, ...).</summary>
/// <param name="XsdName">The name DataContractSerializer uses for it in collection names (guid, string, int, ...).</param>
internal sealed record PrimitiveRef(string ClrName, bool ValueType, string XsdName, WireShim Shim = WireShim.None) : TypeRef
{
    public const string ArraysNamespace = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";

    public override string ClrType => ClrName;

    public override bool IsValueType => ValueType;

    public override (string Name, string Namespace) DefaultContract => (XsdName, ArraysNamespace);
}

/// <summary>A generated class, enum or named collection.</summary>
internal sealed record GeneratedRef(DataType Type) : TypeRef
{
    public override string ClrType => "global::" + Namespace + "." + Type.ClrName;

    public override bool IsValueType => Type is DataEnum;

    public override (string Name, string Namespace) DefaultContract => (Type.ContractName.Name, Type.ContractName.Namespace);

    /// <summary>Set by the generator: the C# namespace every generated type lives in.</summary>
    public required string Namespace { get; init; }
}

/// <summary>A schema collection that is exactly what DataContractSerializer derives for List&lt;T&gt;: emitted as List&lt;T&gt;.</summary>
internal sealed record ListRef(TypeRef Item, bool ItemNullable) : TypeRef
{
    public override string ClrType => $"global::System.Collections.Generic.List<{Item.Nullable(ItemNullable)}>";

    public override bool IsValueType => false;

    public override (string Name, string Namespace) DefaultContract
        => ("ArrayOf" + Item.DefaultContract.Name, Item.DefaultContract.Namespace);
}
