using System.Reflection;
using System.Text;
using Contracts.Core.Batching;
using Contracts.Core.Validation;
using Microsoft.Extensions.Options;
using static Contracts.Onc.Tests.OncContract;

namespace Contracts.Onc.Tests;

/// <summary>
/// A SOAP body is XML 1.0, which cannot carry control characters other than tab, line feed and carriage return,
/// lone surrogates, U+FFFE or U+FFFF: every text argument holding one is refused with ArgumentException naming the
/// parameter and the member before anything is sent, and the credentials at options validation. Texts XML can carry,
/// emoji included, reach the service exactly.
/// </summary>
public sealed class XmlValidityTests : FakeOncTests
{
    /// <summary>
    /// The texts by kind. Theories take the kind's name: xunit would turn a lone surrogate in a theory argument into
    /// U+FFFD, which XML can carry, and the test would check nothing.
    /// </summary>
    private static readonly Dictionary<string, string> UnwritableTexts = new()
    {
        ["NUL"] = "a\0b",
        ["a control character"] = "a\u0001b",
        ["the last C0 control"] = "\u001F",
        ["a lone high surrogate"] = "x\uD83D",
        ["a lone low surrogate"] = "\uDE00x",
        ["a pair in the wrong order"] = "\uDE00\uD83D",
        ["U+FFFE"] = "ab\uFFFE",
        ["U+FFFF"] = "\uFFFF",
    };

    public static TheoryData<string> Unwritable() => new(UnwritableTexts.Keys);

    [Theory]
    [MemberData(nameof(Unwritable))]
    public async Task Every_text_of_a_contact_is_checked_before_anything_is_sent(string kind)
    {
        var text = UnwritableTexts[kind];
        await using var client = new OncClient(Onc.Options());
        foreach (var (path, set) in TextsOf(typeof(OutboundNotificationContactInfo)))
        {
            var contact = FullContact();
            set(contact, text);

            var added = await Assert.ThrowsAsync<InvalidRequestException>(() => client.AddCampaignContactAsync(contact));
            var updated = await Assert.ThrowsAsync<InvalidRequestException>(() => client.UpdateCampaignContactAsync(contact));

            Assert.All(new[] { added, updated }, error =>
            {
                Assert.Equal("contact", error.ParamName);
                Assert.Contains($"{path} holds U+", error.Message, StringComparison.Ordinal);
                Assert.Contains("XML 1.0 cannot carry", error.Message, StringComparison.Ordinal);
            });
        }

        Assert.True(Onc.Calls.Count == 0, $"{kind}: something was sent");
    }

    [Theory]
    [MemberData(nameof(Unwritable))]
    public async Task Every_text_of_a_campaign_is_checked_before_anything_is_sent(string kind)
    {
        var text = UnwritableTexts[kind];
        await using var client = new OncClient(Onc.Options());
        foreach (var (path, set) in TextsOf(typeof(OutboundNotificationCampaignInfo)))
        {
            var campaign = FullCampaign();
            set(campaign, text);

            var added = await Assert.ThrowsAsync<InvalidRequestException>(() => client.AddCampaignAsync(campaign));
            var updated = await Assert.ThrowsAsync<InvalidRequestException>(() => client.UpdateCampaignAsync(campaign));

            Assert.All(new[] { added, updated }, error =>
            {
                Assert.Equal("campaign", error.ParamName);
                Assert.Contains($"{path} holds U+", error.Message, StringComparison.Ordinal);
            });
        }

        Assert.True(Onc.Calls.Count == 0, $"{kind}: something was sent");
    }

    [Theory]
    [MemberData(nameof(Unwritable))]
    public void Credentials_are_checked_at_options_validation_and_the_password_is_not_shown(string kind)
    {
        var text = UnwritableTexts[kind];
        var password = "p4ss" + text + "word";
        var options = Onc.Options(o =>
        {
            o.AccountId = "acct" + text;
            o.UserName = "user" + text;
            o.Password = password;
        });

        var error = Assert.Throws<OptionsValidationException>(() => new OncClient(options));

        foreach (var name in new[] { "AccountId", "UserName", "Password" })
            Assert.Contains($"OncClientOptions.{name} holds ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(password, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Password holds U+", error.Message, StringComparison.Ordinal); // not even which character
        Assert.True(Onc.Calls.Count == 0, $"{kind}: something was sent");
    }

    [Fact]
    public async Task In_a_batch_a_contact_with_such_a_text_is_rejected_as_invalid_input_and_not_sent()
    {
        await using var client = new OncClient(Onc.Options());
        var bad = Samples.NewContact("+1555\u0007");

        var report = await client.AddCampaignContactsAsync([Samples.NewContact("+15551000"), bad]).WaitAsync(Bound.Test);

        Assert.Equal((1L, 1L), (report.AcceptedCount, report.RejectedCount));
        var rejected = Assert.Single(report.Rejected);
        Assert.Equal((bad, BatchFailureKind.InvalidInput), (rejected.Item, rejected.Failure.Kind));
        Assert.Contains("SMSCommInfo.Destination holds U+0007 at index 5", rejected.Failure.Reason, StringComparison.Ordinal);
        Assert.Equal(1, Onc.Count("AddCampaignContact"));
    }

    [Fact]
    public async Task Texts_XML_can_carry_emoji_included_reach_the_service_exactly()
    {
        const string text = "tab\tline feed\n carriage return\r emoji 😀 clef 𝄞 private use \uE000 replacement \uFFFD delete \u007F é";
        await using var client = new OncClient(Onc.Options());
        var contact = Samples.NewContact("+15551001 📞");
        contact.SMSCommInfo!.TextToSendOverwrite = text;

        await client.AddCampaignContactAsync(contact).WaitAsync(Bound.Test);

        var sms = Assert.Single(Onc.CallsTo("AddCampaignContact")).Element(Tempuri + "contact")!.Element(Dc + "SMSCommInfo")!;
        Assert.Equal(text, (string?)sms.Element(Dc + "TextToSendOverwrite"));
        Assert.Equal("+15551001 📞", (string?)sms.Element(Dc + "Destination"));
        var body = Onc.Server.Requests[^1].Body;
        foreach (var emoji in new[] { "😀", "𝄞", "📞" })
            Assert.True(Contains(body, Encoding.UTF8.GetBytes(emoji)), $"{emoji} is not in the body as its UTF-8 bytes");
    }

    /// <summary>A contact with every channel and every text set to something XML can carry.</summary>
    private static OutboundNotificationContactInfo FullContact()
    {
        var contact = Samples.NewContact("+15551002", Guid.NewGuid());
        contact.VoiceCommInfo = new CommunicationInfo { Destination = "+15551002", TextToSendOverwrite = "Call" };
        contact.EmailCommInfo = new CommunicationInfo { Destination = "ada@example.com", TextToSendOverwrite = "Mail" };
        return contact;
    }

    /// <summary>A campaign with every part and every text set to something XML can carry.</summary>
    private static OutboundNotificationCampaignInfo FullCampaign()
    {
        var campaign = Samples.NewCampaign(Guid.NewGuid());
        campaign.OutboundEmailNotificationInfo = new OutboundEmailNotificationInfo { FromEmail = "news@example.com", Subject = "Hi", HtmlContent = "<b>Hi</b>" };
        return campaign;
    }

    /// <summary>
    /// Every string member reachable from <paramref name="type"/> (through the contract's data types), by path, with a
    /// setter on a full instance: a member the contract adds later is checked by these tests without a change here.
    /// </summary>
    private static IEnumerable<(string Path, Action<object, string> Set)> TextsOf(Type type, string prefix = "", Func<object, object?>? reach = null)
    {
        reach ??= o => o;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var path = prefix + property.Name;
            var owner = reach;
            if (property.PropertyType == typeof(string))
                yield return (path, (root, value) => property.SetValue(owner(root), value));
            else if (property.PropertyType.Namespace == typeof(OutboundNotificationContactInfo).Namespace && property.PropertyType.IsClass)
            {
                foreach (var nested in TextsOf(property.PropertyType, path + ".", root => property.GetValue(owner(root))))
                    yield return nested;
            }
        }
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
