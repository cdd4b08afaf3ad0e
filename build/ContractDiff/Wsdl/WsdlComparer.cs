using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Schema;

namespace Contracts.ContractDiff.Wsdl;

/// <summary>
/// Compares two versions of a WSDL as a client sees them and classifies each difference by direction: what a client
/// sends may become looser but not stricter, what it receives may become stricter but not looser, and nothing it
/// sends or reads may disappear or change type. Operations are matched by name, types by qualified name, fields by
/// local name.
/// </summary>
internal sealed partial class WsdlComparer
{
    private readonly string _contract;
    private readonly WsdlShape _before;
    private readonly WsdlShape _after;
    private readonly List<ContractChange> _changes = [];

    private WsdlComparer(string contract, WsdlShape before, WsdlShape after)
    {
        _contract = contract;
        _before = before;
        _after = after;
    }

    public static ContractComparison Compare(string contract, WsdlShape before, WsdlShape after)
    {
        var comparer = new WsdlComparer(contract, before, after);
        comparer.CompareOperations();
        comparer.CompareTypes();
        return new ContractComparison(contract, [.. comparer._changes.OrderBy(c => c.IsBreaking ? 0 : 1)], 0);
    }

    private void CompareOperations()
    {
        foreach (var (name, before) in _before.Operations)
        {
            if (!_after.Operations.TryGetValue(name, out var after))
            {
                Add(ChangeKind.Removed, $"operation {name}", $"Operation {name} was removed.", true,
                    $"callers of {name} fail: the service no longer offers it (a renamed operation is a removal plus an addition)",
                    BaseLine(before.Line), $"operation|{name}|removed");
                continue;
            }
            var subject = $"operation {name}";
            if (before.SoapAction != after.SoapAction)
            {
                Add(ChangeKind.Changed, subject, $"SOAP action changed from {Show(before.SoapAction)} to {Show(after.SoapAction)}.", true,
                    "the service dispatches on the SOAPAction header: clients already deployed send the old one",
                    Line(after.Line), $"operation|{name}|action|{before.SoapAction}|{after.SoapAction}");
            }
            if (before.Style != after.Style)
            {
                Add(ChangeKind.Changed, subject, $"Binding style changed from {before.Style} to {after.Style}.", true,
                    "the message format on the wire changes", Line(after.Line), $"operation|{name}|style|{before.Style}|{after.Style}");
            }
            if (before.Request.Summary != after.Request.Summary)
            {
                Add(ChangeKind.Changed, subject, $"Request message changed from [{before.Request.Summary}] to [{after.Request.Summary}].", true,
                    "clients already deployed send the old request element, which the service no longer reads",
                    Line(after.Line), $"operation|{name}|request|{before.Request.Summary}|{after.Request.Summary}");
            }
            if (before.Response?.Summary != after.Response?.Summary)
            {
                Add(ChangeKind.Changed, subject, $"Response message changed from {Message(before.Response)} to {Message(after.Response)}.", true,
                    "clients already deployed expect the old response element (a one-way operation has none)",
                    Line(after.Line), $"operation|{name}|response|{before.Response?.Summary}|{after.Response?.Summary}");
            }
            foreach (var fault in before.Faults.Except(after.Faults, StringComparer.Ordinal))
            {
                Add(ChangeKind.Removed, subject, $"Fault {fault} was removed.", true,
                    "code that catches the typed fault no longer compiles against the regenerated client",
                    Line(after.Line), $"operation|{name}|fault|{fault}|removed");
            }
            foreach (var fault in after.Faults.Except(before.Faults, StringComparer.Ordinal))
            {
                Add(ChangeKind.Added, subject, $"Fault {fault} was added.", false,
                    "a call could already fail with a SOAP fault; now it is typed", Line(after.Line), $"operation|{name}|fault|{fault}|added");
            }
        }
        foreach (var (name, after) in _after.Operations.Where(o => !_before.Operations.ContainsKey(o.Key)))
        {
            Add(ChangeKind.Added, $"operation {name}", $"Operation {name} was added.", false,
                "a new operation: nothing existing calls it", Line(after.Line), $"operation|{name}|added");
        }
    }

    private void CompareTypes()
    {
        foreach (var (key, before) in _before.Types)
        {
            if (!_after.Types.TryGetValue(key, out var after))
                continue; // no longer reached: the field or message that reached it is reported instead
            var directions = before.Usage.Directions | after.Usage.Directions;
            var usage = WsdlUsage.Describe(before.Usage, after.Usage);
            if (before.Base != after.Base)
            {
                Add(ChangeKind.Changed, after.Display, $"Base type changed from {TypeName(before.Base)} to {TypeName(after.Base)}.", true,
                    $"values of the old type no longer read or validate as the new one (used in {usage})",
                    Line(after.Line), $"type|{key}|base|{before.Base}|{after.Base}");
            }
            CompareFields(before, after, directions, usage);
            CompareEnumeration(before, after, directions, usage);
        }
    }

    private void CompareFields(WsdlType before, WsdlType after, Direction directions, string usage)
    {
        var beforeFields = before.Fields.DistinctBy(f => f.Name).ToDictionary(f => f.Name, StringComparer.Ordinal);
        var afterFields = after.Fields.DistinctBy(f => f.Name).ToDictionary(f => f.Name, StringComparer.Ordinal);
        var sends = directions.HasFlag(Direction.Request);
        var reads = directions.HasFlag(Direction.Response);

        foreach (var (name, field) in beforeFields.Where(f => !afterFields.ContainsKey(f.Key)))
        {
            Add(ChangeKind.Removed, Subject(after, name), $"Field {name} was removed.", true,
                Join(sends ? "callers that set it no longer compile against the regenerated client, and clients already deployed still send it" : null,
                     reads ? "consumers that read it get nothing" : null, usage),
                BaseLine(field.Line), $"field|{before.Key}|{name}|removed");
        }
        foreach (var (name, field) in afterFields.Where(f => !beforeFields.ContainsKey(f.Key)))
        {
            var required = field.MinOccurs >= 1;
            var breaking = sends && required;
            Add(ChangeKind.Added, Subject(after, name), $"Field {name} ({TypeName(field.TypeKey)}, {Occurrence(field)}) was added.", breaking,
                breaking
                    ? Join("it is required in a request: clients already deployed do not send it, so the service refuses their calls", null, usage)
                    : Join(sends ? "optional in requests: callers may leave it out" : null, reads ? "new in responses: clients ignore elements they do not know" : null, usage),
                Line(field.Line), $"field|{after.Key}|{name}|added|{field.MinOccurs.ToString(CultureInfo.InvariantCulture)}");
        }
        foreach (var (name, old) in beforeFields)
        {
            if (afterFields.TryGetValue(name, out var now))
                CompareField(after, name, old, now, sends, reads, usage);
        }

        // A sequence is read in order (DataContractSerializer and XmlSerializer both): moving an element breaks readers.
        var beforeOrder = before.Fields.Where(f => !f.Name.StartsWith('@') && afterFields.ContainsKey(f.Name)).Select(f => f.Name).ToList();
        var afterOrder = after.Fields.Where(f => !f.Name.StartsWith('@') && beforeFields.ContainsKey(f.Name)).Select(f => f.Name).ToList();
        if (!beforeOrder.SequenceEqual(afterOrder, StringComparer.Ordinal))
        {
            Add(ChangeKind.Changed, after.Display, $"Field order changed from ({string.Join(", ", beforeOrder)}) to ({string.Join(", ", afterOrder)}).", true,
                $"elements of a sequence are written and read in order: the other side stops reading at the first one out of place (used in {usage})",
                Line(after.Line), $"type|{after.Key}|order|{string.Join(",", beforeOrder)}|{string.Join(",", afterOrder)}");
        }
    }

    private void CompareField(WsdlType type, string name, WsdlField old, WsdlField now, bool sends, bool reads, string usage)
    {
        var subject = Subject(type, name);
        var identity = $"field|{type.Key}|{name}";
        if (old.TypeKey != now.TypeKey)
        {
            Add(ChangeKind.Changed, subject, $"Type changed from {TypeName(old.TypeKey)} to {TypeName(now.TypeKey)}.", true,
                Join("the generated property changes type, and values in the old form no longer read", null, usage),
                Line(now.Line), $"{identity}|type|{old.TypeKey}|{now.TypeKey}");
        }
        if (old.Namespace != now.Namespace)
        {
            Add(ChangeKind.Changed, subject, $"Namespace changed from {Show(old.Namespace)} to {Show(now.Namespace)}.", true,
                Join("the element is written under another name on the wire: the other side no longer finds it", null, usage),
                Line(now.Line), $"{identity}|namespace|{old.Namespace}|{now.Namespace}");
        }
        if (old.MinOccurs >= 1 && now.MinOccurs == 0)
        {
            Add(ChangeKind.Changed, subject, $"Made optional (minOccurs {Number(old.MinOccurs)} -> 0).", reads,
                Join(sends ? "callers may now leave it out" : null, reads ? "consumers may now get nothing (null or a default) where a value was promised" : null, usage),
                Line(now.Line), $"{identity}|minOccurs|{Number(old.MinOccurs)}|0");
        }
        else if (old.MinOccurs == 0 && now.MinOccurs >= 1)
        {
            Add(ChangeKind.Changed, subject, $"Made required (minOccurs 0 -> {Number(now.MinOccurs)}).", sends,
                Join(sends ? "callers that leave it out are refused" : null, reads ? "responses now always carry it" : null, usage),
                Line(now.Line), $"{identity}|minOccurs|0|{Number(now.MinOccurs)}");
        }
        if (!old.Nillable && now.Nillable)
        {
            Add(ChangeKind.Changed, subject, "Made nillable (nillable false -> true).", reads,
                Join(sends ? "callers may now send nil" : null, reads ? "consumers may now get nil (null) where a value was promised, and the generated property becomes nullable" : null, usage),
                Line(now.Line), $"{identity}|nillable|false|true");
        }
        else if (old.Nillable && !now.Nillable)
        {
            Add(ChangeKind.Changed, subject, "No longer nillable (nillable true -> false).", sends,
                Join(sends ? "callers that send nil are refused" : null, reads ? "responses no longer carry nil" : null, usage),
                Line(now.Line), $"{identity}|nillable|true|false");
        }
        if (old.IsRepeated != now.IsRepeated)
        {
            Add(ChangeKind.Changed, subject, $"{(now.IsRepeated ? "Now repeats" : "No longer repeats")} (maxOccurs {Number(old.MaxOccurs)} -> {Number(now.MaxOccurs)}).", true,
                Join("a single value becomes a list or the reverse: the generated property changes type", null, usage),
                Line(now.Line), $"{identity}|maxOccurs|{Number(old.MaxOccurs)}|{Number(now.MaxOccurs)}");
        }
        else if (old.MaxOccurs != now.MaxOccurs)
        {
            var breaking = sends && now.MaxOccurs < old.MaxOccurs;
            Add(ChangeKind.Changed, subject, $"maxOccurs changed from {Number(old.MaxOccurs)} to {Number(now.MaxOccurs)}.", breaking,
                Join(sends ? (breaking ? "callers may send more than is now allowed" : "callers may send more") : null, reads ? "responses may carry a different number" : null, usage),
                Line(now.Line), $"{identity}|maxOccurs|{Number(old.MaxOccurs)}|{Number(now.MaxOccurs)}");
        }
    }

    private void CompareEnumeration(WsdlType before, WsdlType after, Direction directions, string usage)
    {
        var sends = directions.HasFlag(Direction.Request);
        var reads = directions.HasFlag(Direction.Response);
        if (before.Enumeration.Count == 0 || after.Enumeration.Count == 0)
        {
            if (before.Enumeration.Count != after.Enumeration.Count)
            {
                var introduced = after.Enumeration.Count > 0;
                Add(ChangeKind.Changed, after.Display, introduced ? $"Values restricted to an enumeration ({string.Join(", ", after.Enumeration)})." : "No longer an enumeration.", true,
                    Join("the generated type changes between an enum and a plain value", introduced && sends ? "callers that send other values are refused" : null, usage),
                    Line(after.Line), $"type|{after.Key}|enumeration|{string.Join(",", before.Enumeration)}|{string.Join(",", after.Enumeration)}");
            }
            return;
        }
        var removed = before.Enumeration.Except(after.Enumeration, StringComparer.Ordinal).ToList();
        var added = after.Enumeration.Except(before.Enumeration, StringComparer.Ordinal).ToList();
        if (removed.Count > 0)
        {
            Add(ChangeKind.Removed, after.Display, $"Enumeration values removed: {string.Join(", ", removed)}.", true,
                Join(sends ? "callers that send them are refused" : null, "code that names the generated enum members no longer compiles", usage),
                Line(after.Line), $"type|{after.Key}|enumeration-removed|{string.Join(",", removed)}");
        }
        if (added.Count > 0)
        {
            Add(ChangeKind.Added, after.Display, $"Enumeration values added: {string.Join(", ", added)}.", reads,
                Join(reads ? "consumers built against the old list cannot read a value they do not know" : null, sends ? "callers may now send them" : null, usage),
                Line(after.Line), $"type|{after.Key}|enumeration-added|{string.Join(",", added)}");
        }
    }

    private void Add(ChangeKind kind, string subject, string description, bool breaking, string why, string? location, string identity)
        => _changes.Add(new ContractChange(_contract, kind, subject, description, breaking, why, location, "wsdl|" + identity));

    private static string Subject(WsdlType type, string field) => $"{type.Display} › {field}";

    /// <summary>The reasons that apply, then where the type is used.</summary>
    private static string Join(string? first, string? second, string usage)
    {
        var reasons = string.Join("; ", new[] { first, second }.Where(r => r is not null));
        return $"{reasons} (used in {usage})";
    }

    private static string Occurrence(WsdlField field)
        => (field.MinOccurs >= 1 ? "required" : "optional") + (field.Nillable ? ", nillable" : "") + (field.IsRepeated ? ", repeated" : "");

    /// <summary>A type key as a reader knows it: xs:int, Contact, element AddCampaign/inner (namespaces left out).</summary>
    private static string TypeName(string? key)
    {
        if (key is null)
            return "(none)";
        var xsd = $"{{{XmlSchema.Namespace}}}";
        return key.StartsWith(xsd, StringComparison.Ordinal) ? "xs:" + key[xsd.Length..] : Namespaces().Replace(key, "");
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Namespaces();

    private static string Message(WsdlMessage? message) => message is null ? "(none: one-way)" : $"[{message.Summary}]";

    private static string Show(string? text) => text is null ? "(none)" : $"'{text}'";

    private static string Number(decimal value) => value == decimal.MaxValue ? "unbounded" : value.ToString(CultureInfo.InvariantCulture);

    private static string? Line(int line) => line > 0 ? $"line {line}" : null;

    private static string? BaseLine(int line) => line > 0 ? $"base line {line}" : null;
}
