using System.Xml;
using Shapes = Contracts.Onc.OutboundNotificationsCampaignsServiceAnswerShapes;

namespace Contracts.Onc.Http;

/// <summary>
/// Checks a SOAP answer against what the contract says it holds, before WCF's data-contract serializer reads it. That
/// serializer is silent where the answer and the contract disagree: an element in a namespace the contract does not
/// give it, or a member out of the contract's order, is set aside (a list comes back empty, an object with default
/// fields), and a reply wrapper without its result reads as the result's default (an error code of 0: "success"). So
/// an answer fits when:
/// <list type="bullet">
/// <item>the body holds the operation's reply wrapper (or a SOAP fault, which WCF reports itself);</item>
/// <item>the wrapper holds its result element (nil is fine: the contract's error signal for lists and lookups);</item>
/// <item>inside the result, every element is in the namespace the contract gives it, members come in the contract's
/// order, and list items have the contract's item name;</item>
/// <item>an object the operation returns carries at least one member the contract defines.</item>
/// </list>
/// Elements the contract does not name, in the right namespace, are fine: a member the vendor added later, which the
/// generated types keep as extension data. The tables come from the contract (<see cref="Shapes"/>, generated).
/// An error code (a result that is a simple value) is not checked here: <see cref="OncCodeReply"/> checks it as WCF
/// reads it, in one pass.
/// </summary>
internal static class OncAnswerCheck
{
    private const string SoapEnvelope = "http://schemas.xmlsoap.org/soap/envelope/";
    private const string SchemaInstance = "http://www.w3.org/2001/XMLSchema-instance";


    /// <summary>
    /// One reader per thread, given each answer in turn (as WCF's message encoder pools its own): creating one costs
    /// more than the whole check.
    /// </summary>
    [ThreadStatic]
    private static XmlDictionaryReader? t_reader;

    /// <summary>
    /// What in the first <paramref name="length"/> bytes of <paramref name="body"/>, the answer to the request with
    /// SOAP action <paramref name="action"/>, does not fit the contract; null when it fits, or when it is no SOAP 1.1
    /// envelope at all (WCF reports that itself).
    /// </summary>
    public static string? Problem(byte[] body, int length, string action)
    {
        if (!Shapes.ByAction.TryGetValue(action, out var answer))
            return null;
        // WCF's own text reader, the one its message encoder reads the answer with: it refuses DTDs and resolves
        // nothing. Comments, whitespace and processing instructions are stepped over below (MoveToContent, EachChild).
        var reader = t_reader;
        if (reader is null)
            t_reader = reader = XmlDictionaryReader.CreateTextReader(body, 0, length, XmlDictionaryReaderQuotas.Max);
        else
            ((IXmlTextReaderInitializer)reader).SetInput(body, 0, length, encoding: null, XmlDictionaryReaderQuotas.Max, onClose: null);
        try
        {
            switch (MoveToBodyContent(reader))
            {
                case BodyContent.NoEnvelope:
                    return null;
                case BodyContent.Empty:
                    // WCF reads an empty body as a null result: the contract's error signal, which would make an
                    // answer nobody can read pass for the service's refusal.
                    return $"the body is empty where the contract has {{{answer.Namespace}}}{answer.Wrapper}";
            }
            if (reader.IsNamespaceUri(SoapEnvelope) && reader.IsLocalName("Fault"))
                return null;
            if (!reader.IsLocalName(answer.Wrapper) || !reader.IsNamespaceUri(answer.Namespace))
                return $"the body holds {Name(reader)} where the contract has {{{answer.Namespace}}}{answer.Wrapper}";
            return answer.Result is null ? null : ResultProblem(reader, answer);
        }
        catch (XmlException)
        {
            return null; // Not XML: WCF cannot read it either, and says so.
        }
        finally
        {
            reader.Close(); // lets go of the body
        }
    }

    private static string? ResultProblem(XmlDictionaryReader reader, (string Namespace, string Wrapper, string? Result, string? ResultType) answer)
    {
        var found = false;
        var problem = EachChild(reader, child =>
        {
            if (!child.IsNamespaceUri(answer.Namespace))
                return $"{answer.Wrapper} holds {Name(child)}, in a namespace the contract does not define for it";
            if (found || !child.IsLocalName(answer.Result!))
            {
                child.Skip();
                return null;
            }
            found = true;
            return Nil(child) ? null : ValueProblem(child, answer.ResultType, isResult: true);
        });
        if (problem is not null || found)
            return problem;
        return $"{answer.Wrapper} holds no {answer.Result} element: read as it is, an empty reply would pass for an empty result";
    }

    /// <summary>Checks the element the reader is on as a value of <paramref name="type"/>; leaves the reader after it.</summary>
    private static string? ValueProblem(XmlDictionaryReader reader, string? type, bool isResult)
    {
        if (type is not null && Shapes.ComplexTypes.TryGetValue(type, out var complex))
            return ComplexProblem(reader, type, complex, isResult);
        if (type is not null && Shapes.Collections.TryGetValue(type, out var collection))
            return CollectionProblem(reader, type, collection);
        reader.Skip();
        return null;
    }

    private static string? ComplexProblem(XmlDictionaryReader reader, string type, (string Namespace, (string Name, string? Type)[] Members) complex, bool isResult)
    {
        var owner = reader.LocalName;
        var seen = 0;
        var last = -1;
        var problem = EachChild(reader, child =>
        {
            if (!child.IsNamespaceUri(complex.Namespace))
                return $"{owner} holds {Name(child)}, in a namespace the contract does not define for it: the serializer would drop it";
            var index = MemberIndex(child, complex.Members);
            if (index < 0)
            {
                child.Skip(); // A member the contract does not name yet: kept as extension data.
                return null;
            }
            if (index <= last)
                return $"{owner} holds {child.LocalName} after {complex.Members[last].Name}, out of the contract's order: the serializer would drop it";
            last = index;
            seen++;
            return Nil(child) ? null : ValueProblem(child, complex.Members[index].Type, isResult: false);
        });
        if (problem is null && isResult && seen == 0 && complex.Members.Length > 0)
            return $"{owner} holds none of the members the contract defines for {LocalPart(type)}";
        return problem;
    }

    private static string? CollectionProblem(XmlDictionaryReader reader, string type, (string Namespace, string Item, string? ItemType) collection)
    {
        var owner = reader.LocalName;
        return EachChild(reader, child =>
        {
            if (!child.IsLocalName(collection.Item) || !child.IsNamespaceUri(collection.Namespace))
                return $"{owner} holds {Name(child)} where the contract's {LocalPart(type)} holds {{{collection.Namespace}}}{collection.Item} items: the serializer would drop it";
            return Nil(child) ? null : ValueProblem(child, collection.ItemType, isResult: false);
        });
    }

    /// <summary>
    /// Calls <paramref name="visit"/> on each child element of the element the reader is on; <paramref name="visit"/>
    /// leaves the reader after that child, or returns a problem, which ends the walk. Leaves the reader after the element.
    /// </summary>
    private static string? EachChild(XmlDictionaryReader reader, Func<XmlDictionaryReader, string?> visit)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return null;
        }
        var depth = reader.Depth;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element)
                reader.Read();
            else if (visit(reader) is { } problem)
                return problem;
        }
        reader.Read();
        return null;
    }

    /// <summary>True for a nil element, which it reads past (xsi:nil: the contract's "no value").</summary>
    private static bool Nil(XmlReader reader)
    {
        if (reader.GetAttribute("nil", SchemaInstance) is not ("true" or "1"))
            return false;
        reader.Skip();
        return true;
    }

    /// <summary>The index of the member the reader is on among <paramref name="members"/>, or -1.</summary>
    private static int MemberIndex(XmlDictionaryReader reader, (string Name, string? Type)[] members)
    {
        for (var i = 0; i < members.Length; i++)
        {
            if (reader.IsLocalName(members[i].Name))
                return i;
        }
        return -1;
    }

    /// <summary>What a SOAP answer's body holds, as far as <see cref="MoveToBodyContent"/> reads it.</summary>
    private enum BodyContent
    {
        /// <summary>The document is no SOAP 1.1 envelope with a body: WCF reports that itself.</summary>
        NoEnvelope,

        /// <summary>soap:Body holds no element.</summary>
        Empty,

        /// <summary>The reader is on the first element inside soap:Body.</summary>
        Element,
    }

    /// <summary>Moves to the first element inside soap:Body, and says whether there is one.</summary>
    /// <remarks>
    /// Names are compared with IsLocalName and IsNamespaceUri, which read them where they lie: LocalName, NamespaceURI
    /// and ReadToDescendant would make strings and a name table for every answer.
    /// </remarks>
    private static BodyContent MoveToBodyContent(XmlDictionaryReader reader)
    {
        if (reader.MoveToContent() != XmlNodeType.Element || !reader.IsLocalName("Envelope") || !reader.IsNamespaceUri(SoapEnvelope) || reader.IsEmptyElement)
            return BodyContent.NoEnvelope;
        var envelope = reader.Depth;
        while (reader.Read() && reader.Depth > envelope)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.IsLocalName("Body") && reader.IsNamespaceUri(SoapEnvelope))
            {
                if (reader.IsEmptyElement)
                    return BodyContent.Empty;
                reader.Read();
                return reader.MoveToContent() == XmlNodeType.Element ? BodyContent.Element : BodyContent.Empty;
            }
        }
        return BodyContent.NoEnvelope;
    }

    private static string Name(XmlReader reader) => $"{{{reader.NamespaceURI}}}{reader.LocalName}";

    private static string LocalPart(string clark) => clark[(clark.IndexOf('}', StringComparison.Ordinal) + 1)..];
}
