using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace Contracts.Sandbox.Ogangi;

public sealed partial class OgangiSimulator
{
    /// <summary>fireMessage (GET): an MO from the mobile number, stored so that getMOMessages lists it.</summary>
    private Task<IResult> FireMessage(OgangiCall call)
    {
        if (OgangiPathValues.Base64Url(call["text"]) is not { } bytes || OgangiPathValues.Utf8(bytes) is not { } text)
            return Task.FromResult(OgangiReplies.Error(call.Input));
        // No short code and no carrier travel with this form: the MO is stored without them.
        Receive(text, from: call["mobileNumber"], to: "");
        return Task.FromResult(OgangiReplies.Ok(call.Input));
    }

    /// <summary>
    /// fireMessage (POST) with the fire message descriptor (default field names): an MO from <c>recipient_address</c>
    /// to <c>sender_id_id</c> saying <c>keyword_value</c>, echoed in <c>&lt;mtSent&gt;</c>.
    /// </summary>
    private async Task<IResult> FireMessageWithDescriptor(OgangiCall call)
    {
        if (await ReadDescriptorAsync(call.Request).ConfigureAwait(false) is not { } fields
            || Field(fields, "sender_id_id") is not { } shortCode
            || Field(fields, "keyword_value") is not { } text
            || Field(fields, "recipient_address") is not { } mobileNumber)
        {
            return OgangiReplies.Error(call.Input);
        }
        Receive(text, from: mobileNumber, to: shortCode);
        return OgangiReplies.Ok(call.Input, new XElement("result",
            new XElement("mtSent", new XElement("from", shortCode), new XElement("mobilenumber", mobileNumber), new XElement("text", text))));
    }

    /// <summary>getMOMessages: one page of the stored MOs that match the search string, and the total found.</summary>
    private Task<IResult> GetMoMessages(OgangiCall call)
    {
        if (OgangiPathValues.Count(call["page"], minimum: 1) is not { } page
            || OgangiPathValues.Count(call["resultsPerPage"], minimum: 1) is not { } pageSize
            || OgangiMoSearch.Parse(call["parameters"]) is not { } search)
        {
            return Task.FromResult(OgangiReplies.Error(call.Input));
        }

        OgangiMoMessage[] found;
        try
        {
            found = search.Apply(IncomingMessages).ToArray();
        }
        catch (RegexMatchTimeoutException)
        {
            return Task.FromResult(OgangiReplies.Error(call.Input));
        }
        var skip = (long)(page - 1) * pageSize;
        var list = new XElement("MOMessageList", new XElement("records", found.Length.ToString(CultureInfo.InvariantCulture)));
        foreach (var message in found.Skip((int)Math.Min(skip, int.MaxValue)).Take(pageSize))
            list.Add(MoMessageElement(message));
        return Task.FromResult(OgangiReplies.Ok(call.Input, new XElement("result", list)));
    }

    private void Receive(string text, string from, string to)
        => AddIncomingMessage(new OgangiMoMessage(text, from, to, KeywordOf(text), Carrier: "", _time.GetUtcNow()));

    // The keyword of an SMS is its first word, by the usual short-code convention.
    private static string KeywordOf(string text)
        => text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is [var first, ..] ? first : "";

    /// <summary>An <c>&lt;MOMessage&gt;</c> with the elements and order of the sample on the List Incoming Messages page of the Messangi RESTful API documentation.</summary>
    private static XElement MoMessageElement(OgangiMoMessage message)
        => new("MOMessage",
            new XElement("text", message.Text),
            new XElement("from", message.From),
            new XElement("to", message.To),
            new XElement("encoding", message.Encoding),
            new XElement("keyword", message.Keyword),
            new XElement("carrier", message.Carrier),
            // The sample's form (2014-10-13 10:30:51.922: a space, no offset), in UTC.
            new XElement("sendDate", message.SendDate.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)));

    private static async Task<JsonElement?> ReadDescriptorAsync(HttpRequest request)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                   && root.TryGetProperty("event", out var fireEvent) && fireEvent.ValueKind == JsonValueKind.Object
                   && fireEvent.TryGetProperty("fld-val-list", out var fields) && fields.ValueKind == JsonValueKind.Object
                ? fields.Clone()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Field(JsonElement? fields, string name)
        => fields is { } list && list.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;
}
