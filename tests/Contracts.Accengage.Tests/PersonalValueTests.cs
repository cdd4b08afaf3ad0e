using Contracts.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Contracts.Accengage.Tests;

/// <summary>
/// An error answer quoting a message's targets or a device update's users (UDIDs, tokens, e-mails, custom values)
/// shows them as *** in every failure text: the exception's message, vendor message and ToString, a batch's failure
/// reasons, and the logs. The contract's x-personal-body names them; the message's own settings stay shown.
/// </summary>
public sealed class PersonalValueTests : AccengageTestBase
{
    private const string Udid = "F31548D3-F93E-498F-8E01-F18CC4EB2F5F";
    private const string Email = "anna.smith@example.org";

    private readonly FakeLogCollector _logs = new();

    private static MessageData OrderShipped() => new() { ParentMessageExternalId = "OrderShipped", Text = "Your order ships today" };

    [Fact]
    public async Task A_refused_instant_message_quoting_its_targets_shows_them_masked_and_the_message_as_it_is()
    {
        Accengage.Api = (_, context) => context.RespondJsonAsync(400, FakeAccengage.Error("API_ERR_DATA", $"No device {Udid} for {Email} (message OrderShipped)"));
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
        using var client = new AccengageClient(Accengage.Options(), loggerFactory);
        var message = new InstantMessage { ParentMessageExternalId = "OrderShipped", Targets = [new Target { DeviceId = Udid, AdditionalProperties = { ["email"] = Email } }] };

        var error = await Assert.ThrowsAnyAsync<AccengageException>(() => client.SendInstantMessageAsync(FakeAccengage.PartnerId, message));

        Assert.Contains("No device *** for *** (message OrderShipped)", error.VendorMessage, StringComparison.Ordinal);
        AssertShowsNeither(error.Message, error.ToString(), error.VendorMessage);
    }

    [Fact]
    public async Task A_batch_chunks_failure_reason_shows_no_target()
    {
        Accengage.Api = (_, context) => context.RespondJsonAsync(400, FakeAccengage.Error("API_ERR_DATA", $"Unknown device {Udid}"));
        using var client = new AccengageClient(Accengage.Options());

        var report = await client.SendInstantMessageToAllAsync(OrderShipped(), [new Target { DeviceId = Udid }]);

        var failure = Assert.Single(report.Rejected).Failure;
        Assert.Contains("Unknown device ***", failure.Reason, StringComparison.Ordinal);
        AssertShowsNeither(failure.Reason);
    }

    [Fact]
    public async Task A_refused_device_update_quoting_a_user_shows_it_masked()
    {
        Accengage.Api = (_, context) => context.RespondJsonAsync(400, FakeAccengage.Error("API_ERR_DATA", $"User {Email} is not well formatted"));
        using var client = new AccengageClient(Accengage.Options());
        var users = new DeviceGroupUpdate { Users = [new Dictionary<string, object> { ["UDID"] = Udid, ["email"] = Email }] };

        var error = await Assert.ThrowsAnyAsync<AccengageException>(() => client.UpdateDevicesAsync(FakeAccengage.PartnerId, users));

        Assert.Contains("User *** is not well formatted", error.VendorMessage, StringComparison.Ordinal);
        AssertShowsNeither(error.Message, error.ToString());
    }

    private void AssertShowsNeither(params string?[] texts)
    {
        var all = texts.Concat(_logs.GetSnapshot().Select(r => r.Message)).ToList();
        foreach (var value in new[] { Udid, Email })
            Assert.DoesNotContain(all, text => text?.Contains(value, StringComparison.Ordinal) == true);
    }
}
