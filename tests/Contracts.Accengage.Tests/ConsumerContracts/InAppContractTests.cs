using Contracts.Pacts.Matchers;
using Xunit.Abstractions;
using static Contracts.Accengage.Tests.ConsumerContracts.AccengageContract;

namespace Contracts.Accengage.Tests.ConsumerContracts;

/// <summary>Consumer contracts of in-app messages, by ID and by external ID, with their status routes.</summary>
public sealed class InAppContractTests(ITestOutputHelper output)
{
    private const string InAppExists = "in-app message 2157 (external ID welcome-banner) exists and is active";

    private static readonly PagedRoute InApps = new(AppPath + "/inapps", "/v1/me/apps/[^/]+/inapps");

    [Fact]
    public async Task In_app_messages_are_listed_and_created()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        InApps.RespondWithPage(
            InApps.Request(builder, "a request for the in-app messages", InAppExists),
            1,
            isLast: true,
            "inapps",
            Match.MinType(new { id = Match.Integer(2157), name = Match.Type("Welcome banner"), isActive = Match.Boolean(true) }, 1));
        builder.AuthorizedRequest("a request to create an in-app message", "the app has the in-app templates popup_default and close", HttpMethod.Post, InApps.Path)
            .AcceptingJson()
            .WithJsonBody(InAppShape(displayCapping: 1))
            .WillRespond()
            .WithStatus(200)
            .WithJsonBody(Created(2157));

        await VerifyAsync(builder, async client =>
        {
            var listed = Assert.Single(await client.EnumerateInAppsAsync().ToListAsync());
            var created = await client.CreateInAppAsync(PartnerId, NewInApp(displayCapping: 1));

            Assert.True(listed.IsActive);
            Assert.Equal(2157L, created.Id);
        });
    }

    [Fact]
    public async Task An_in_app_message_is_read_updated_and_deactivated_by_its_id()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        new SwitchableResource("an in-app message", IsActive: true, InAppExists, "/inapps/2157", "/inapps/[0-9]+")
            .ReadUpdateAndSwitch(builder, InAppAnswer, InAppShape(displayCapping: 2), activate: false);

        await VerifyAsync(builder, async client =>
        {
            var inApp = await client.GetInAppAsync(PartnerId, 2157);
            await client.UpdateInAppAsync(PartnerId, 2157, NewInApp(displayCapping: 2));
            await client.SetInAppStatusAsync(PartnerId, 2157, new ActivationStatus { IsActive = false });

            Assert.Equal("welcome-banner", inApp.ExternalId);
            Assert.Equal("popup_default", Assert.Single(inApp.Messages!).Template!.TemplateValue);
        });
    }

    [Fact]
    public async Task An_in_app_message_is_read_updated_and_activated_again_by_its_external_id()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        new SwitchableResource("an in-app message", IsActive: true, InAppExists, "/inapps/external/welcome-banner", "/inapps/external/[^/]+")
            .ReadUpdateAndSwitch(builder, InAppAnswer, InAppShape(displayCapping: 2), activate: true);

        await VerifyAsync(builder, async client =>
        {
            var inApp = await client.GetInAppByExternalIdAsync(PartnerId, "welcome-banner");
            await client.UpdateInAppByExternalIdAsync(PartnerId, "welcome-banner", NewInApp(displayCapping: 2));
            // 204: the status already was the one asked for, which is not an error.
            await client.SetInAppStatusByExternalIdAsync(PartnerId, "welcome-banner", new ActivationStatus { IsActive = true });

            Assert.Equal(2157L, inApp.Id);
        });
    }

    private static InApp NewInApp(int displayCapping) => new()
    {
        Name = "Welcome banner",
        ExternalId = "welcome-banner",
        Triggers = new Triggers { DisplayCapping = displayCapping, Priority = 3 },
        Messages = [new InAppMessage { Template = new InAppTemplate { TemplateValue = "popup_default" }, Buttons = [new InAppButton { Action = new InAppAction { TemplateValue = "close" } }] }],
    };

    /// <summary>An in-app message as the client writes it (<see cref="NewInApp"/>).</summary>
    private static object InAppShape(int displayCapping) => new
    {
        externalId = Match.Type("welcome-banner"),
        name = Match.Type("Welcome banner"),
        triggers = new { displayCapping = Match.Integer(displayCapping), priority = Match.Integer(3) },
        messages = new[] { new { template = new { templateValue = Match.Type("popup_default") }, buttons = new[] { new { action = new { templateValue = Match.Type("close") } } } } },
    };

    private static object InAppAnswer => new
    {
        id = Match.Integer(2157),
        externalId = Match.Type("welcome-banner"),
        name = Match.Type("Welcome banner"),
        isActive = Match.Boolean(true),
        triggers = new { displayCapping = Match.Integer(1), priority = Match.Integer(3) },
        segments = new { },
        messages = Match.MinType(new { template = new { templateValue = Match.Type("popup_default") } }, 1),
    };
}
