using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Contracts.DocCoverage;

/// <summary>
/// The documentation ids (the names the compiler writes in the XML documentation file) of every type and member a
/// user of the assembly can see: public, or protected in an unsealed public type. Left out, as the compiler's own
/// CS1591 leaves them out: compiler-generated members, accessors, explicit interface implementations, enum's
/// value__, the members of delegates, and implicit parameterless constructors (an undocumented parameterless
/// constructor is taken for one; an explicit one without documentation fails the build anyway).
/// </summary>
internal static class PublicSurface
{
    public static HashSet<string> DocumentationIds(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var names = new DocumentationTypeNames(reader);
        var documented = DocumentedIds(assemblyPath);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if (!IsVisible(reader, type) || IsCompilerGenerated(reader, type.GetCustomAttributes()))
                continue;
            var typeName = names.Definition(handle);
            ids.Add("T:" + typeName);
            if (IsDelegate(reader, type))
                continue;
            var sealedType = (type.Attributes & TypeAttributes.Sealed) != 0;
            foreach (var fieldHandle in type.GetFields())
            {
                var field = reader.GetFieldDefinition(fieldHandle);
                var name = reader.GetString(field.Name);
                if (IsVisible(field.Attributes & FieldAttributes.FieldAccessMask, sealedType) && name != "value__" && !IsCompilerGenerated(reader, field.GetCustomAttributes()))
                    ids.Add($"F:{typeName}.{name}");
            }
            foreach (var methodHandle in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(methodHandle);
                var name = reader.GetString(method.Name);
                if (!IsVisible((FieldAttributes)(int)(method.Attributes & MethodAttributes.MemberAccessMask), sealedType)
                    || IsCompilerGenerated(reader, method.GetCustomAttributes())
                    || name.Contains('.', StringComparison.Ordinal) && name != ".ctor" && name != ".cctor"
                    || (method.Attributes & MethodAttributes.SpecialName) != 0 && (name.StartsWith("get_", StringComparison.Ordinal) || name.StartsWith("set_", StringComparison.Ordinal) || name.StartsWith("add_", StringComparison.Ordinal) || name.StartsWith("remove_", StringComparison.Ordinal)))
                    continue;
                var signature = method.DecodeSignature(names, genericContext: null);
                var id = $"M:{typeName}.{name.Replace('.', '#')}{(method.GetGenericParameters().Count > 0 ? "``" + method.GetGenericParameters().Count : "")}{Parameters(signature.ParameterTypes)}";
                if (name is "op_Implicit" or "op_Explicit")
                    id += "~" + signature.ReturnType;
                if (name == ".ctor" && signature.ParameterTypes.Length == 0 && !documented.Contains(id))
                    continue;
                ids.Add(id);
            }
            foreach (var propertyHandle in type.GetProperties())
            {
                var property = reader.GetPropertyDefinition(propertyHandle);
                var accessors = property.GetAccessors();
                var accessor = accessors.Getter.IsNil ? accessors.Setter : accessors.Getter;
                var name = reader.GetString(property.Name);
                if (accessor.IsNil || name.Contains('.', StringComparison.Ordinal) || IsCompilerGenerated(reader, property.GetCustomAttributes()))
                    continue;
                var access = (FieldAttributes)(int)(reader.GetMethodDefinition(accessor).Attributes & MethodAttributes.MemberAccessMask);
                if (!IsVisible(access, sealedType) && !(accessors.Setter is { IsNil: false } setter && IsVisible((FieldAttributes)(int)(reader.GetMethodDefinition(setter).Attributes & MethodAttributes.MemberAccessMask), sealedType)))
                    continue;
                ids.Add($"P:{typeName}.{name}{Parameters(property.DecodeSignature(names, genericContext: null).ParameterTypes)}");
            }
            foreach (var eventHandle in type.GetEvents())
            {
                var @event = reader.GetEventDefinition(eventHandle);
                var adder = @event.GetAccessors().Adder;
                var name = reader.GetString(@event.Name);
                if (!adder.IsNil && !name.Contains('.', StringComparison.Ordinal) && IsVisible((FieldAttributes)(int)(reader.GetMethodDefinition(adder).Attributes & MethodAttributes.MemberAccessMask), sealedType))
                    ids.Add($"E:{typeName}.{name}");
            }
        }
        return ids;
    }

    /// <summary>The ids the assembly's XML documentation file (beside it) describes; none when it has no such file.</summary>
    public static HashSet<string> DocumentedIds(string assemblyPath)
    {
        var xml = Path.ChangeExtension(assemblyPath, ".xml");
        return File.Exists(xml)
            ? System.Xml.Linq.XDocument.Load(xml).Descendants("member").Select(m => (string?)m.Attribute("name")).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : [];
    }

    private static string Parameters(ImmutableArray<string> types) => types.Length == 0 ? "" : "(" + string.Join(",", types) + ")";

    private static bool IsVisible(FieldAttributes access, bool sealedType)
        => access == FieldAttributes.Public || !sealedType && access is FieldAttributes.Family or FieldAttributes.FamORAssem;

    private static bool IsVisible(MetadataReader reader, TypeDefinition type)
    {
        var visibility = type.Attributes & TypeAttributes.VisibilityMask;
        if (visibility == TypeAttributes.Public)
            return true;
        if (visibility is not (TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem))
            return false;
        var declaring = reader.GetTypeDefinition(type.GetDeclaringType());
        return IsVisible(reader, declaring) && (visibility == TypeAttributes.NestedPublic || (declaring.Attributes & TypeAttributes.Sealed) == 0);
    }

    private static bool IsDelegate(MetadataReader reader, TypeDefinition type)
        => type.BaseType.Kind == HandleKind.TypeReference
           && reader.GetTypeReference((TypeReferenceHandle)type.BaseType) is var baseType
           && reader.GetString(baseType.Namespace) == "System" && reader.GetString(baseType.Name) == "MulticastDelegate";

    private static bool IsCompilerGenerated(MetadataReader reader, CustomAttributeHandleCollection attributes)
    {
        foreach (var handle in attributes)
        {
            var constructor = reader.GetCustomAttribute(handle).Constructor;
            if (constructor.Kind == HandleKind.MemberReference
                && reader.GetMemberReference((MemberReferenceHandle)constructor).Parent is { Kind: HandleKind.TypeReference } parent
                && reader.GetString(reader.GetTypeReference((TypeReferenceHandle)parent).Name) == "CompilerGeneratedAttribute")
                return true;
        }
        return false;
    }
}
