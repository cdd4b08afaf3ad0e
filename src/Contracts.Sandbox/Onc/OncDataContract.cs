using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Contracts.Sandbox.Onc;

/// <summary>What kind of value a data-contract member holds, as DataContractSerializer reads and writes it.</summary>
internal enum OncMemberKind
{
    Text,
    Integer,
    Bool,
    Timestamp,
    Duration,
    Uuid,
    Complex,
}

/// <summary>One member of a data contract (or one parameter of an operation's wrapper element).</summary>
internal sealed record OncDataMember(string Name, OncMemberKind Kind, OncDataContract? Type = null)
{
    public bool IsReference => Kind is OncMemberKind.Text or OncMemberKind.Complex;
}

/// <summary>
/// A data contract of contracts/onc/onc.wsdl read the way a WCF service's DataContractSerializer reads it: members in
/// the contract's namespace and in contract order (a member out of order or in another namespace is not the member, so
/// it is ignored, as WCF ignores it), a missing value-type member takes its default, a missing reference member is
/// null, and a value that does not parse fails the whole request (WCF answers a DeserializationFailed fault). What is
/// read comes back canonical: every member present, in order, values formatted as WCF writes them. The simulator
/// stores and answers that form, so a member the client misplaced is missing from the answer too.
/// </summary>
internal sealed class OncDataContract(XNamespace ns, params OncDataMember[] members)
{
    public XNamespace Namespace { get; } = ns;

    public IReadOnlyList<OncDataMember> Members { get; } = members;

    /// <summary>Reads <paramref name="source"/>'s members into a canonical element named <paramref name="name"/>.</summary>
    /// <exception cref="OncDeserializationException">A member's value does not parse.</exception>
    public XElement Read(XElement source, XName name)
    {
        var found = new Dictionary<string, XElement>(StringComparer.Ordinal);
        var next = 0;
        foreach (var child in source.Elements())
        {
            if (child.Name.Namespace != Namespace)
                continue;
            var index = IndexOf(child.Name.LocalName, next);
            if (index < 0)
                continue;
            found[child.Name.LocalName] = child;
            next = index + 1;
        }

        var result = new XElement(name);
        foreach (var member in Members)
            result.Add(ReadMember(member, found.GetValueOrDefault(member.Name)));
        return result;
    }

    /// <summary>A canonical element from values given by name (others take their defaults), e.g. for configured initial data.</summary>
    public XElement Create(XName name, params (string Member, object? Value)[] values)
    {
        var source = new XElement(name);
        foreach (var member in Members)
        {
            var given = values.FirstOrDefault(v => v.Member == member.Name);
            if (given.Member is null || given.Value is null)
                continue;
            source.Add(given.Value is XElement complex
                ? new XElement(Namespace + member.Name, complex.Elements())
                : new XElement(Namespace + member.Name, Format(given.Value)));
        }
        return Read(source, name);
    }

    private int IndexOf(string memberName, int from)
    {
        for (var i = from; i < Members.Count; i++)
        {
            if (Members[i].Name == memberName)
                return i;
        }
        return -1;
    }

    private XElement ReadMember(OncDataMember member, XElement? source)
    {
        var name = Namespace + member.Name;
        var isNil = source?.Attribute(OncSoap.Instance + "nil")?.Value.Trim() is "true" or "1";
        if (member.IsReference && (source is null || isNil))
            return new XElement(name, OncSoap.Nil);
        if (member.Kind == OncMemberKind.Complex)
            return member.Type!.Read(source!, name);
        if (member.Kind == OncMemberKind.Text)
            return new XElement(name, source!.Value);
        if (isNil)
            throw new OncDeserializationException(member.Name, "a value type cannot be nil");
        return new XElement(name, source is null ? DefaultOf(member.Kind) : Canonical(member, source.Value));
    }

    private static string Canonical(OncDataMember member, string text)
    {
        try
        {
            return member.Kind switch
            {
                OncMemberKind.Integer => XmlConvert.ToString(XmlConvert.ToInt32(text)),
                OncMemberKind.Bool => XmlConvert.ToString(XmlConvert.ToBoolean(text)),
                OncMemberKind.Timestamp => XmlConvert.ToString(XmlConvert.ToDateTime(text, XmlDateTimeSerializationMode.RoundtripKind), XmlDateTimeSerializationMode.RoundtripKind),
                OncMemberKind.Duration => XmlConvert.ToString(XmlConvert.ToTimeSpan(text)),
                OncMemberKind.Uuid => Guid.Parse(text.Trim()).ToString("D"),
                _ => text,
            };
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            throw new OncDeserializationException(member.Name, $"the value '{text}' is not a valid {member.Kind}");
        }
    }

    private static string DefaultOf(OncMemberKind kind) => kind switch
    {
        OncMemberKind.Integer => "0",
        OncMemberKind.Bool => "false",
        OncMemberKind.Timestamp => "0001-01-01T00:00:00",
        OncMemberKind.Duration => "PT0S",
        OncMemberKind.Uuid => Guid.Empty.ToString("D"),
        _ => "",
    };

    private static string Format(object value) => value switch
    {
        bool flag => XmlConvert.ToString(flag),
        DateTime time => XmlConvert.ToString(time, XmlDateTimeSerializationMode.RoundtripKind),
        TimeSpan duration => XmlConvert.ToString(duration),
        Guid id => id.ToString("D"),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>A request member whose value WCF could not deserialize.</summary>
internal sealed class OncDeserializationException(string member, string problem)
    : Exception($"There was an error while trying to deserialize parameter or member '{member}': {problem}.")
{
    public string Member { get; } = member;
}
