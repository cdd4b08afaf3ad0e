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

    [Theory]
    [InlineData("upsert")]
    [InlineData("remove")]
    public async Task A_refused_static_list_change_quoting_its_users_shows_them_masked(string change)
    {
        Accengage.Api = (_, context) => context.RespondJsonAsync(400, FakeAccengage.Error("API_ERR_DATA", $"Device {Udid} ({Email}) cannot be found"));
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
        using var client = new AccengageClient(Accengage.Options(), loggerFactory);
        var users = new StaticListUsers { Users = [new StaticListUser { DeviceId = Udid, AdditionalProperties = { ["email"] = Email } }] };

        var error = await Assert.ThrowsAnyAsync<AccengageException>(() => change == "upsert"
            ? client.UpsertStaticListDevicesAsync(FakeAccengage.PartnerId, 7, users)
            : client.RemoveStaticListDevicesAsync(FakeAccengage.PartnerId, 7, users));

        Assert.Contains(Accengage.ApiRequests, r => r.BodyText.Contains(Udid, StringComparison.Ordinal)); // the vendor had them to echo
        Assert.Contains("Device *** (***) cannot be found", error.VendorMessage, StringComparison.Ordinal);
        AssertShowsNeither(error.Message, error.ToString(), error.VendorMessage);
    }

    [Fact]
    public async Task A_refused_device_update_quoting_its_udid_shows_it_masked_in_the_exception_the_log_and_the_span()
    {
        // A UDID of its own: no span of a test running alongside can hold it.
        var udid = Guid.NewGuid().ToString().ToUpperInvariant();
        Accengage.Api = (_, context) => context.RespondJsonAsync(400, FakeAccengage.Error($"API_ERR_DATA {udid}", $"Device {udid} cannot be updated"));
        using var capture = new TelemetryCapture(source => source.Name == AccengageClient.ProductName, _ => false);
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
        using var client = new AccengageClient(Accengage.Options(), loggerFactory);

        var error = await Assert.ThrowsAnyAsync<AccengageException>(() => client.UpdateDeviceAsync(FakeAccengage.PartnerId, udid, new Dictionary<string, object> { ["token"] = "AB5F200" }));

        Assert.Contains(Accengage.ApiRequests, r => r.Path.Contains(udid, StringComparison.Ordinal)); // the vendor had it to echo
        Assert.Equal("API_ERR_DATA ***", error.ErrorCode);
        Assert.Contains("Device *** cannot be updated", error.VendorMessage, StringComparison.Ordinal);
        Assert.Contains(capture.Activities, span => "API_ERR_DATA ***".Equals(span.GetTagItem("contracts.vendor.error_code")));
        AssertShowsNone([udid], capture, error.Message, error.ToString(), error.Response);
    }

    [Fact]
    public async Task A_device_search_refused_quoting_its_filter_values_shows_them_masked_and_the_field_names_shown()
    {
        var udid = Guid.NewGuid().ToString().ToUpperInvariant();
        var email = $"{Guid.NewGuid():N}@example.org";
        Accengage.Api = (_, context) => context.RespondJsonAsync(404, FakeAccengage.Error($"API_ERR_DATA {email}", $"No device with UDID {udid} and email {email}"));
        using var capture = new TelemetryCapture(source => source.Name == AccengageClient.ProductName, _ => false);
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
        using var client = new AccengageClient(Accengage.Options(), loggerFactory);

        var error = await Assert.ThrowsAnyAsync<AccengageException>(() => client.SearchDeviceAsync(FakeAccengage.PartnerId, new Dictionary<string, string> { ["UDID"] = udid, ["email"] = email }));

        Assert.Contains("No device with UDID *** and email ***", error.VendorMessage, StringComparison.Ordinal);
        Assert.Contains(capture.Activities, span => "API_ERR_DATA ***".Equals(span.GetTagItem("contracts.vendor.error_code")));
        AssertShowsNone([udid, email], capture, error.Message, error.ToString(), error.Response);
    }

    [Fact]
    public async Task Answer_headers_echoing_a_personal_value_show_it_masked_in_the_exception_its_headers_the_log_and_the_span()
    {
        // The exception carries the answer's headers and reads its request id from X-Request-Id (its message, the
        // span's request id tag); a proxy may make that id, or a reason header, from what it was sent.
        var email = $"{Guid.NewGuid():N}@example.org";
        Accengage.Api = (_, context) =>
        {
            context.Response.Headers["X-Request-Id"] = email;
            context.Response.Headers["X-Refused-Because"] = $"user {email} is blocked";
            return context.RespondJsonAsync(400, FakeAccengage.Error("API_ERR_DATA", "User refused"));
        };
        using var capture = new TelemetryCapture(source => source.Name == AccengageClient.ProductName, _ => false);
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
        using var client = new AccengageClient(Accengage.Options(), loggerFactory);
        var users = new DeviceGroupUpdate { Users = [new Dictionary<string, object> { ["email"] = email }] };

        var error = await Assert.ThrowsAnyAsync<AccengageException>(() => client.UpdateDevicesAsync(FakeAccengage.PartnerId, users));

        Assert.Equal("***", error.RequestId);
        Assert.Contains("request id ***", error.Message, StringComparison.Ordinal);
        Assert.Equal("user *** is blocked", Assert.Single(error.Headers["X-Refused-Because"]));
        Assert.Contains(capture.Activities, span => "***".Equals(span.GetTagItem("contracts.vendor.request_id")));
        AssertShowsNone([email], capture, [error.Message, error.ToString(), .. error.Headers.SelectMany(h => h.Value)]);
    }

    /// <summary>Neither the texts, the logs nor any span of the client holds one of <paramref name="values"/>.</summary>
    private void AssertShowsNone(string[] values, TelemetryCapture capture, params string?[] texts)
    {
        var all = texts.Concat(_logs.GetSnapshot().Select(r => r.Message + " " + r.Exception)).Concat(capture.AllTexts()).ToList();
        foreach (var value in values)
            Assert.DoesNotContain(all, text => text?.Contains(value, StringComparison.OrdinalIgnoreCase) == true);
    }

    private void AssertShowsNeither(params string?[] texts)
    {
        var all = texts.Concat(_logs.GetSnapshot().Select(r => r.Message)).ToList();
        foreach (var value in new[] { Udid, Email })
            Assert.DoesNotContain(all, text => text?.Contains(value, StringComparison.Ordinal) == true);
    }
}
