using System.Globalization;
using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace Contracts.Sandbox.Ogangi;

public sealed partial class OgangiSimulator
{
    // Ids are signed 64-bit numbers, as in the Send SMS sample of the Messangi RESTful API documentation (-8174720676710228700); the sandbox counts up from here.
    private const long FirstMessageId = 8_174_720_676_710_228_700;

    // Ogangi documents only a minimum PIN length (1). The sandbox's own bound, so a call cannot make it build a huge PIN.
    internal const int MaxPinLength = 64;

    private static readonly Dictionary<string, string> StatusDescriptions = new(StringComparer.Ordinal)
    {
        ["SENT_TO_CARRIER"] = "Sent to Carrier",
        ["BAD_ENCODING"] = "The text is not valid UTF-8",
        ["BAD_TO"] = "The mobile number is not valid",
        ["BAD_FROM"] = "The short or long code is not assigned to this workspace",
        ["BAD_CARRIER/FROM"] = "The carrier is not available to this workspace",
    };

    private Task<IResult> SendSms(OgangiCall call)
    {
        // sendSMS encodes both the mobile number and the text.
        if (OgangiPathValues.Base64Url(call["mobileNumber"]) is not { } number || OgangiPathValues.Base64Url(call["text"]) is not { } text)
            return Task.FromResult(OgangiReplies.Error(call.Input));
        var message = Originate(call, call["from"], OgangiPathValues.Utf8(number) ?? "", CarrierNamed(call.Workspace, call["carrier"]), text);
        return Task.FromResult(OgangiReplies.Ok(call.Input, new XElement("result", new XElement("messages", MessageElement(message, _options.ClientId)))));
    }

    private Task<IResult> SendMt(OgangiCall call)
    {
        if (OgangiPathValues.Base64Url(call["text"]) is not { } text)
            return Task.FromResult(OgangiReplies.Error(call.Input));
        var flags = call.Values.TryGetValue("flags", out var given) && given != "null" ? given : null;
        Originate(call, call["from"], call["mobileNumber"], CarrierWithId(call.Workspace, call["carrier"]), text, flags: flags);
        // Ogangi documents no result for sendMT: the envelope alone.
        return Task.FromResult(OgangiReplies.Ok(call.Input));
    }

    private Task<IResult> SendPin(OgangiCall call)
    {
        var length = OgangiPathValues.Count(call["length"], minimum: 1) ?? 0;
        if (OgangiPathValues.Base64Url(call["text"]) is not { } text || length is 0 or > MaxPinLength)
            return Task.FromResult(OgangiReplies.Error(call.Input));
        var pin = string.Create(length, 0, (digits, _) =>
        {
            for (var i = 0; i < digits.Length; i++)
                digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        });
        Originate(call, call["from"], call["mobileNumber"], CarrierNamed(call.Workspace, call["carrier"]), text, pin: pin);
        return Task.FromResult(OgangiReplies.Ok(call.Input, new XElement("result", new XElement("PinSMSConfirmation", new XElement("pin", pin)))));
    }

    /// <summary>
    /// Creates and stores a message with its status at the origination moment: sent to the carrier, or refused with
    /// the documented status that says why (bad encoding, bad recipient, a code or carrier the workspace lacks).
    /// </summary>
    private OgangiSentMessage Originate(OgangiCall call, string from, string to, (string Name, bool Known) carrier, byte[] text, string? flags = null, string? pin = null)
    {
        var decoded = OgangiPathValues.Utf8(text);
        var status = decoded is null ? "BAD_ENCODING"
            : !OgangiPathValues.IsMobileNumber(to) ? "BAD_TO"
            : !call.Workspace.ShortCodes.Contains(from) ? "BAD_FROM"
            : !carrier.Known ? "BAD_CARRIER/FROM"
            : "SENT_TO_CARRIER";
        var message = new OgangiSentMessage(Interlocked.Increment(ref _lastMessageId), call.Input, from, to.TrimStart('+'), carrier.Name, decoded ?? "", status, _time.GetUtcNow())
        {
            Flags = flags,
            Pin = pin,
        };
        lock (_gate)
            _sent.Add(message);
        return message;
    }

    /// <summary>The carrier sendSMS and the PIN name (case sensitive); <c>null</c> leaves the choice to the Campaign Manager.</summary>
    private static (string Name, bool Known) CarrierNamed(Workspace workspace, string name)
    {
        if (name == "null")
            return workspace.Carriers.Count > 0 ? (workspace.Carriers[0].Name, true) : ("", false);
        return (name, workspace.Carriers.Any(c => c.Name == name));
    }

    /// <summary>The carrier sendMT gives by operator ID; <c>null</c> leaves the choice to the Campaign Manager.</summary>
    private static (string Name, bool Known) CarrierWithId(Workspace workspace, string id)
    {
        if (id == "null")
            return workspace.Carriers.Count > 0 ? (workspace.Carriers[0].Name, true) : ("", false);
        return workspace.Carriers.FirstOrDefault(c => c.Id == id) is { } carrier ? (carrier.Name, true) : (id, false);
    }

    /// <summary>A <c>&lt;message&gt;</c> with the elements and order of the Send SMS sample in the Messangi RESTful API documentation.</summary>
    private static XElement MessageElement(OgangiSentMessage message, string clientId)
        => new("message",
            new XElement("id", message.Id.ToString(CultureInfo.InvariantCulture)),
            new XElement("carrier", message.Carrier),
            new XElement("from", message.From),
            new XElement("to", message.To),
            new XElement("text", message.Text),
            new XElement("status", message.Status),
            new XElement("statusDescription", StatusDescriptions[message.Status]),
            new XElement("encoding", "UTF-8"),
            // yyyy-MM-dd'T'HH:mm:ss.SSSZZ, the offset with a colon as in the sample; the sandbox keeps UTC.
            new XElement("date", message.Date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture)),
            new XElement("timezone", "UTC"),
            new XElement("clientId", clientId));
}
