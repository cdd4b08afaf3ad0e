using System.Text;
using System.Xml;
using System.Xml.Linq;
using Contracts.Core.Xml;

namespace Contracts.Core.Tests;

/// <summary>
/// The XML answers are read while they are parsed, with no tree built first: these hold that reader to what
/// LINQ to XML reads from the same document (text with its whitespace, CDATA and nested text; the first occurrence
/// of a named element; unnamed elements kept; wrapped lists), and to refusing a document that is malformed after the
/// part the model needs.
/// </summary>
public sealed class XmlAnswerReaderTests
{
    private sealed class Item
    {
        public string? Name { get; set; }
    }

    private sealed class Envelope
    {
        public string? Status { get; set; }

        public long? Count { get; set; }

        public List<Item> Items { get; } = [];

        public Dictionary<string, object> Extra { get; } = [];
    }

    /// <summary>Written the way build/XmlReaderGenerator writes a reader.</summary>
    private static readonly XmlAnswer<Envelope> Answer = new("response", ReadEnvelope);

    private static Envelope ReadEnvelope(XmlReader reader)
    {
        var model = new Envelope();
        var depth = reader.Depth;
        while (XmlAnswerReader.NextChild(reader, depth))
        {
            switch (reader.LocalName)
            {
                case "status": if (model.Status is null) model.Status = XmlAnswerReader.Text(reader); else reader.Skip(); break;
                case "count": if (model.Count is null) model.Count = XmlAnswerReader.Int64(reader); else reader.Skip(); break;
                case "items": XmlAnswerReader.Items(reader, "item", model.Items, ReadItem); break;
                default: XmlAnswerReader.Keep(model.Extra, reader); break;
            }
        }
        return model;
    }

    private static Item ReadItem(XmlReader reader)
    {
        var model = new Item();
        var depth = reader.Depth;
        while (XmlAnswerReader.NextChild(reader, depth))
        {
            switch (reader.LocalName)
            {
                case "name": if (model.Name is null) model.Name = XmlAnswerReader.Text(reader); else reader.Skip(); break;
                default: reader.Skip(); break;
            }
        }
        return model;
    }

    private static Envelope Read(string xml)
    {
        var (value, notRead) = Answer.Read(Encoding.UTF8.GetBytes(xml), "application/xml");
        Assert.True(value is not null, notRead);
        return value;
    }

    [Theory]
    [InlineData("<status>OK</status>")]
    [InlineData("<status>   </status>")]
    [InlineData("<status><![CDATA[a<b]]> &amp; c</status>")]
    [InlineData("<status>a<x>b<y>c</y></x>d</status>")]
    [InlineData("<status/>")]
    [InlineData("<status></status>")]
    public void An_elements_text_is_what_linq_to_xml_reads(string status)
    {
        var read = Read($"<response><!-- c -->{status}<count> 42 </count></response>");

        Assert.Equal(XElement.Parse(status, LoadOptions.PreserveWhitespace).Value, read.Status);
        Assert.Equal(42, read.Count);
    }

    [Fact]
    public void The_first_occurrence_counts_and_unnamed_elements_are_kept_in_order()
    {
        var read = Read("<response><status>ERROR</status><status>OK</status><extra>1</extra><extra><b>2</b></extra><count>x</count><count>7</count></response>");

        Assert.Equal("ERROR", read.Status);
        Assert.Equal("1", read.Extra["extra"]);
        Assert.Equal("<extra><b>2</b></extra>", read.Extra["extra#2"]);
        // An unreadable integer is no value, so the next occurrence is read.
        Assert.Equal(7, read.Count);
    }

    [Fact]
    public void A_wrapped_list_reads_its_items_and_passes_over_the_rest()
    {
        var read = Read("<response><items><item><name>a</name></item><other>x</other><item/><item><name>c</name><name>d</name></item></items><status>OK</status></response>");

        Assert.Equal(["a", null, "c"], read.Items.Select(i => i.Name));
        Assert.Equal("OK", read.Status);
        Assert.Empty(read.Extra);
    }

    [Theory]
    [InlineData("<response><status>OK</status></response><trailing/>", "malformed XML")]
    [InlineData("<response><status>OK</status><open></response>", "malformed XML")]
    [InlineData("<other><status>OK</status></other>", "XML whose root is <other>")]
    [InlineData("<response xmlns=\"urn:x\"><status>OK</status></response>", "XML whose root is <response>")]
    [InlineData("<?xml version=\"1.0\"?><!-- only a comment -->", "malformed XML")]
    public void A_document_that_is_not_the_answer_is_named_even_when_the_model_could_be_read(string xml, string named)
    {
        var (value, notRead) = Answer.Read(Encoding.UTF8.GetBytes(xml), "application/xml");

        Assert.Null(value);
        Assert.StartsWith(named, notRead, StringComparison.Ordinal);
    }

    [Fact]
    public void An_element_already_parsed_reads_as_the_same_model()
    {
        var read = Answer.ReadElement(XElement.Parse("<response><status>OK</status><items><item><name>a</name></item></items></response>"));

        Assert.Equal("OK", read.Status);
        Assert.Equal("a", Assert.Single(read.Items).Name);
    }
}
