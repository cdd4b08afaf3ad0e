using System.Globalization;
using System.Xml.Linq;

namespace Contracts.Ogangi;

/// <summary>
/// Fills the models generated from the contract's XML schemas (NSwag reads only JSON). Element names are those of
/// the contract (case sensitive); an element the contract does not name is kept in the model's
/// <c>AdditionalProperties</c> (its text, or its XML when it has children) rather than dropped.
/// </summary>
internal static class OgangiResultReader
{
    public static OgangiResponse Envelope(OgangiAnswer answer)
        => Fill(answer.Root, new OgangiResponse(), m => m.AdditionalProperties, EnvelopeFields);

    public static SendSmsResult SendSms(OgangiAnswer answer)
        => Fill(answer.Result, new SendSmsResult { Messages = [] }, m => m.AdditionalProperties, SendSmsFields);

    public static PinSmsConfirmation Pin(OgangiAnswer answer)
        => Fill(answer.Result?.Element("PinSMSConfirmation"), new PinSmsConfirmation(), m => m.AdditionalProperties, PinFields);

    public static FireMessageResult FireMessage(OgangiAnswer answer)
        => Fill(answer.Result, new FireMessageResult(), m => m.AdditionalProperties, FireMessageFields);

    public static MoMessageList MoMessages(OgangiAnswer answer)
        => Fill(answer.Result?.Element("MOMessageList"), new MoMessageList { Messages = [] }, m => m.AdditionalProperties, MoMessageListFields);

    private static readonly Dictionary<string, Action<OgangiResponse, XElement>> EnvelopeFields = new(StringComparer.Ordinal)
    {
        ["input"] = (m, e) => m.Input = e.Value,
        ["status"] = (m, e) => m.Status = e.Value,
        ["description"] = (m, e) => m.Description = e.Value,
    };

    private static readonly Dictionary<string, Action<Message, XElement>> MessageFields = new(StringComparer.Ordinal)
    {
        ["id"] = (m, e) => m.Id = e.Value,
        ["carrierName"] = (m, e) => m.CarrierName = e.Value,
        ["carrier"] = (m, e) => m.Carrier = e.Value,
        ["from"] = (m, e) => m.From = e.Value,
        ["to"] = (m, e) => m.To = e.Value,
        ["text"] = (m, e) => m.Text = e.Value,
        ["status"] = (m, e) => m.Status = e.Value,
        ["statusDescription"] = (m, e) => m.StatusDescription = e.Value,
        ["encoding"] = (m, e) => m.Encoding = e.Value,
        ["date"] = (m, e) => m.Date = e.Value,
        ["timezone"] = (m, e) => m.Timezone = e.Value,
        ["clientId"] = (m, e) => m.ClientId = e.Value,
    };

    private static readonly Dictionary<string, Action<SendSmsResult, XElement>> SendSmsFields = new(StringComparer.Ordinal)
    {
        ["messages"] = (m, e) =>
        {
            foreach (var message in e.Elements("message"))
                m.Messages!.Add(Fill(message, new Message(), x => x.AdditionalProperties, MessageFields));
        },
    };

    private static readonly Dictionary<string, Action<PinSmsConfirmation, XElement>> PinFields = new(StringComparer.Ordinal)
    {
        ["pin"] = (m, e) => m.Pin = e.Value,
    };

    private static readonly Dictionary<string, Action<FiredMessage, XElement>> FiredMessageFields = new(StringComparer.Ordinal)
    {
        ["from"] = (m, e) => m.From = e.Value,
        ["mobilenumber"] = (m, e) => m.Mobilenumber = e.Value,
        ["text"] = (m, e) => m.Text = e.Value,
    };

    private static readonly Dictionary<string, Action<FireMessageResult, XElement>> FireMessageFields = new(StringComparer.Ordinal)
    {
        ["mtSent"] = (m, e) => m.MtSent = Fill(e, new FiredMessage(), x => x.AdditionalProperties, FiredMessageFields),
    };

    private static readonly Dictionary<string, Action<MoMessage, XElement>> MoMessageFields = new(StringComparer.Ordinal)
    {
        ["text"] = (m, e) => m.Text = e.Value,
        ["from"] = (m, e) => m.From = e.Value,
        ["to"] = (m, e) => m.To = e.Value,
        ["encoding"] = (m, e) => m.Encoding = e.Value,
        ["keyword"] = (m, e) => m.Keyword = e.Value,
        ["carrier"] = (m, e) => m.Carrier = e.Value,
        ["sendDate"] = (m, e) => m.SendDate = e.Value,
    };

    private static readonly Dictionary<string, Action<MoMessageList, XElement>> MoMessageListFields = new(StringComparer.Ordinal)
    {
        ["records"] = (m, e) => m.Records = long.TryParse(e.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var records) ? records : null,
        ["MOMessage"] = (m, e) => m.Messages!.Add(Fill(e, new MoMessage(), x => x.AdditionalProperties, MoMessageFields)),
    };

    private static T Fill<T>(XElement? element, T model, Func<T, IDictionary<string, object>> extras, Dictionary<string, Action<T, XElement>> fields)
    {
        if (element is null)
            return model;
        foreach (var child in element.Elements())
        {
            var name = child.Name.LocalName;
            if (fields.TryGetValue(name, out var set))
                set(model, child);
            else
                extras(model)[name] = child.HasElements ? child.ToString(SaveOptions.DisableFormatting) : child.Value;
        }
        return model;
    }
}
