using System.Net;
using System.Text;
using System.Xml.Linq;
using Contracts.Core.Http;
using Contracts.Core.Xml;

namespace Contracts.Core.Tests;

/// <summary>
/// What the send path does for a client that signs its path (Ogangi): values the contract leaves to signing are filled
/// by the client's signing step from the signed values as given, escaped by the client's one rule; and an XML answer
/// is read by its generated reader or handed to the error table with what the body is instead.
/// </summary>
public sealed class OperationSigningTests
{
    private sealed class Transport(string body, string mediaType = "application/xml") : HttpMessageHandler
    {
        public List<Uri> Seen { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen.Add(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, mediaType), RequestMessage = request });
        }
    }

    /// <summary>Signs with the signed values joined by '/', so a test reads what the step was given.</summary>
    private sealed class JoiningSigning : IOperationSigning
    {
        public void Sign(OperationRequest request)
            => request.FillSigned("key", "k").FillSigned("signature", string.Join('/', request.SignedValues));
    }

    private sealed class Table : IVendorErrorTable
    {
        public Exception Create(VendorFailure failure) => new InvalidDataException(failure.Summary);

        public Exception Create<TResult>(VendorFailure failure, TResult result) => Create(failure);
    }

    private sealed class Answer
    {
        public string? Status { get; set; }
    }

    private static readonly XmlAnswer<Answer> Envelope = new("response", reader => new Answer { Status = ((XElement)XNode.ReadFrom(reader)).Element("status")?.Value });

    private static readonly PathEscaping KeepsSeparators = new("=&,*");

    private static OperationRequest Describe()
        => new OperationRequest(new VendorOperation("find", "find/{id}/{filter}/{key}/{signature}", true), HttpMethod.Get)
            .EscapedBy(KeepsSeparators)
            .SignedPath("id", "8")
            .SignedPath("filter", "a=1&k=^x y")
            .FilledBySigning("key")
            .FilledBySigning("signature");

    private static (OperationSender, Transport) Over(string body, IOperationSigning? signing, string mediaType = "application/xml")
    {
        var transport = new Transport(body, mediaType);
        var http = new HttpClient(transport) { BaseAddress = new Uri("http://127.0.0.1:9/api/") };
        return (signing is null ? new OperationSender(http, new Table()) : new OperationSender(http, new Table(), signing), transport);
    }

    [Fact]
    public async Task Signing_fills_its_segments_from_the_values_as_given_escaped_by_the_clients_rule()
    {
        var (sender, wire) = Over("<response><status>OK</status></response>", new JoiningSigning());

        var answer = await sender.SendAsync(Describe(), Envelope, CancellationToken.None);

        Assert.Equal("OK", answer.Status);
        Assert.Equal("/api/find/8/a=1&k=%5Ex%20y/k/8%2Fa=1&k=%5Ex%20y", Assert.Single(wire.Seen).AbsolutePath);
    }

    [Fact]
    public async Task A_request_whose_signing_segments_are_left_unfilled_is_not_sent()
    {
        var (sender, wire) = Over("<response/>", signing: null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sender.SendAsync(Describe(), Envelope, CancellationToken.None));

        Assert.Contains("{key}, {signature}", error.Message, StringComparison.Ordinal);
        Assert.Empty(wire.Seen);
    }

    [Fact]
    public void Only_a_segment_the_contract_leaves_to_signing_can_be_filled_by_it()
        => Assert.Throws<InvalidOperationException>(() => Describe().FillSigned("id", "9"));

    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a?b#c%d", "a%3Fb%23c%25d")]
    [InlineData("x=1&y=2,3*", "x=1&y=2,3*")]
    [InlineData("ñ", "%C3%B1")]
    public void Path_escaping_keeps_only_the_unreserved_characters_and_the_rules_punctuation(string value, string expected)
        => Assert.Equal(expected, KeepsSeparators.Escape(value));

    [Theory]
    [InlineData("/")]
    [InlineData("?")]
    [InlineData("#")]
    [InlineData("%")]
    [InlineData("\\")] // .NET reads a backslash as '/' in an http path
    [InlineData("{")] // a value kept with braces could look like a route placeholder
    [InlineData("=&}")]
    public void Path_escaping_cannot_keep_what_ends_or_splits_a_segment(string punctuation)
        => Assert.Throws<ArgumentException>(() => new PathEscaping(punctuation));

    [Theory]
    [InlineData("<html><body>Gateway</body></html>", "text/html", "an HTML page")]
    [InlineData("<response><status>", "application/xml", "malformed XML")]
    [InlineData("<result/>", "application/xml", "XML whose root is <result>")]
    [InlineData("", "application/xml", "an empty body")]
    public async Task An_answer_that_is_not_the_xml_document_goes_to_the_error_table_named(string body, string mediaType, string named)
    {
        var (sender, _) = Over(body, new JoiningSigning(), mediaType);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => sender.SendAsync(Describe(), Envelope, CancellationToken.None));

        Assert.StartsWith($"find answered {named}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_xml_answer_with_a_document_type_is_refused_without_expanding_it()
    {
        var (root, notRead) = XmlAnswer.Load("""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><r>&a;</r>"""u8.ToArray(), "application/xml");

        Assert.Null(root);
        Assert.StartsWith("malformed XML (a document type declaration", notRead, StringComparison.Ordinal);
    }

    [Fact]
    public void An_element_the_contract_does_not_name_is_kept_as_text_or_xml()
    {
        var kept = new Dictionary<string, object>();

        XmlAnswer.Keep(kept, XElement.Parse("<a>1</a>"));
        XmlAnswer.Keep(kept, XElement.Parse("<b><c>2</c></b>"));

        Assert.Equal("1", kept["a"]);
        Assert.Equal("<b><c>2</c></b>", kept["b"]);
    }
}
