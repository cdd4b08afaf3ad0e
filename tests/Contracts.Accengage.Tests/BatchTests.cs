using System.Text.Json;
using Contracts.Core.Batching;
using Contracts.Core.Validation;
using Contracts.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Contracts.Accengage.Tests;

public sealed class BatchTests : AccengageTestBase
{
    private const string SendPath = FakeAccengage.AppPrefix + "/send";
    private const string DevicesPath = FakeAccengage.AppPrefix + "/devices";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Accengage.Api = (_, context) => context.RespondJsonAsync(200, null);
    }

    private static MessageData OrderShipped() => new()
    {
        ParentMessageExternalId = "OrderShipped",
        Text = "Hi ${firstname}, your order ${order_id} ships today",
        AdditionalProperties = { ["sound"] = JsonSerializer.SerializeToElement(new { sound = "default" }) },
    };

    private static IEnumerable<Target> Targets(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return new Target
            {
                AdditionalProperties = { ["clientId"] = $"client-{i}" },
                Data = new Dictionary<string, object> { ["firstname"] = $"User {i}", ["order_id"] = $"A-{i}" },
            };
        }
    }

    [Fact]
    public async Task Two_hundred_fifty_targets_go_out_as_three_compliant_requests_each_with_the_whole_message()
    {
        using var client = new AccengageClient(Accengage.Options(o => o.MaxConcurrency = 2));

        var report = await client.SendInstantMessageToAllAsync(OrderShipped(), Targets(250), keepAcceptedTargets: true);

        Assert.True(report.AllAccepted);
        Assert.Equal(250, report.AcceptedCount);
        var sends = Accengage.Server.RequestsTo(SendPath);
        Assert.Equal([100, 100, 50], sends.Select(s => s.Json.GetProperty("targets").GetArrayLength()).Order().Reverse());
        var sentClients = sends.SelectMany(s => s.Json.GetProperty("targets").EnumerateArray()).Select(t => t.GetProperty("clientId").GetString()).ToList();
        Assert.Equal(250, sentClients.Distinct().Count());
        Assert.All(sends, s =>
        {
            Assert.Equal("POST", s.Method);
            Assert.Equal("OrderShipped", s.Json.GetProperty("parentMessageExternalId").GetString());
            Assert.Equal("Hi ${firstname}, your order ${order_id} ships today", s.Json.GetProperty("text").GetString());
            Assert.Equal("default", s.Json.GetProperty("sound").GetProperty("sound").GetString());
            Assert.False(s.Json.TryGetProperty("parentMessageId", out _), "unset fields are left out, not sent as null");
        });
        Assert.Contains("\"data\":{\"firstname\":\"User 0\",\"order_id\":\"A-0\"}", sends.Single(s => s.BodyText.Contains("client-0\"", StringComparison.Ordinal)).BodyText, StringComparison.Ordinal);
        Assert.Empty(Accengage.BadlySigned);
    }

    /// <summary>
    /// A request refused for its own data is rejected; one answered with a server error is unknown, since a 500 says
    /// nothing about whether Accengage acted on it. Neither stops the batch: the other requests still go out.
    /// </summary>
    [Theory]
    [InlineData(400, AccengageErrorLabels.Data, "Unmatched template parameter(s)", BatchItemOutcome.Rejected)]
    [InlineData(500, AccengageErrorLabels.Unknown, "Unhandled error", BatchItemOutcome.Unknown)]
    public async Task A_chunk_that_fails_alone_is_reported_and_the_others_still_go_out(int status, string label, string message, BatchItemOutcome outcome)
    {
        Accengage.Api = (request, context) => request.BodyText.Contains("\"client-150\"", StringComparison.Ordinal)
            ? context.RespondJsonAsync(status, FakeAccengage.Error(label, message))
            : context.RespondJsonAsync(200, null);
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(logs)));
        using var client = new AccengageClient(Accengage.Options(o => o.MaxConcurrency = 1), loggerFactory);

        var report = await client.SendInstantMessageToAllAsync(OrderShipped(), Targets(301));

        var failed = outcome == BatchItemOutcome.Rejected ? report.Rejected : report.Unknown;
        Assert.Equal(201, report.AcceptedCount);
        Assert.Equal(100, failed.Count);
        Assert.Equal(100, report.RejectedCount + report.UnknownCount + report.NotAttemptedCount);
        Assert.Equal(Enumerable.Range(100, 100).Select(i => $"client-{i}"), failed.Select(f => (string)f.Item.AdditionalProperties["clientId"]));
        var failure = failed[0].Failure;
        Assert.Equal(BatchFailureKind.VendorRejected, failure.Kind);
        Assert.Equal(status, failure.StatusCode);
        Assert.Equal(label, failure.ErrorCode);
        Assert.Contains(message, failure.Reason, StringComparison.Ordinal);
        Assert.Equal(4, Accengage.Server.RequestsTo(SendPath).Count);
        // An operator sees the refused chunk as a warning, with the vendor's status and label but not its reason text.
        var warning = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 1103);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains($"HTTP {status}", warning.Message, StringComparison.Ordinal);
        Assert.Contains(label, warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(message, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_message_stops_the_batch_and_leaves_the_rest_not_attempted()
    {
        Accengage.Api = (_, context) => context.RespondJsonAsync(404, FakeAccengage.Error("API_ERR_DATA", "Message OrderShipped not found"));
        using var client = new AccengageClient(Accengage.Options(o => o.MaxConcurrency = 1));

        var report = await client.SendInstantMessageToAllAsync(OrderShipped(), Targets(350));

        Assert.Equal(100, report.RejectedCount);
        Assert.Equal(250, report.NotAttemptedCount);
        Assert.All(report.NotAttempted, f => Assert.Equal(BatchFailureKind.BatchStopped, f.Failure.Kind));
        Assert.Contains("Message OrderShipped not found", report.NotAttempted[0].Failure.Reason, StringComparison.Ordinal);
        Assert.Single(Accengage.Server.RequestsTo(SendPath));
    }

    [Fact]
    public async Task Targets_that_name_nobody_are_rejected_without_being_sent()
    {
        using var client = new AccengageClient(Accengage.Options());
        var targets = Targets(120).Select((t, i) => i % 40 == 5 ? new Target { Data = new Dictionary<string, object> { ["firstname"] = "ghost" } } : t).ToList();
        targets.Add(new Target { DeviceId = "F31548D3-F93E-498F-8E01-F18CC4EB2F5F" });

        var report = await client.SendInstantMessageToAllAsync(OrderShipped(), targets);

        Assert.Equal(118, report.AcceptedCount);
        Assert.Equal(3, report.RejectedCount);
        Assert.All(report.Rejected, f => Assert.Equal(BatchFailureKind.InvalidInput, f.Failure.Kind));
        Assert.Contains("names no user", report.Rejected[0].Failure.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Accengage.Server.RequestsTo(SendPath), s => s.BodyText.Contains("ghost", StringComparison.Ordinal));
        Assert.Equal(2, Accengage.Server.RequestsTo(SendPath).Count);
    }

    [Fact]
    public async Task A_message_that_names_no_parent_is_refused_before_anything_is_sent()
    {
        using var client = new AccengageClient(Accengage.Options());

        var error = Assert.Throws<InvalidRequestException>(() => client.SendInstantMessageInChunksAsync(new MessageData { Text = "orphan" }, Targets(3)));

        Assert.Contains("parentMessageId or parentMessageExternalId", error.Message, StringComparison.Ordinal);
        Assert.Empty(Accengage.Server.Requests);
    }

    [Fact]
    public async Task The_generated_operation_called_directly_with_more_targets_than_the_contract_allows_sends_nothing()
    {
        using var client = new AccengageClient(Accengage.Options());
        var message = new InstantMessage { ParentMessageExternalId = "OrderShipped", Text = "Hi ${firstname}", Targets = [.. Targets(150)] };

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => client.SendInstantMessageAsync(FakeAccengage.PartnerId, message));

        Assert.StartsWith("The sendInstantMessage request body is invalid; nothing was sent:", error.Message, StringComparison.Ordinal);
        Assert.Contains($"- targets must hold at most {InstantMessage.MaxTargets} items (got 150; the contract's maxItems: {InstantMessage.MaxTargets}).", error.Message, StringComparison.Ordinal);
        Assert.Empty(Accengage.Server.Requests); // not even a token request
    }

    [Fact]
    public async Task Cancelling_reports_every_target_and_sends_nothing_new()
    {
        using var client = new AccengageClient(Accengage.Options(o => o.MaxConcurrency = 1));
        using var cts = new CancellationTokenSource();
        var report = new BatchReport<Target>();

        await foreach (var result in client.SendInstantMessageInChunksAsync(OrderShipped(), Targets(1_000), cts.Token))
        {
            report.Add(result);
            if (report.AcceptedCount >= 200)
                await cts.CancelAsync();
        }

        Assert.Equal(1_000, report.TotalCount);
        // Up to three more requests may complete after the cancel: one in flight and two results waiting for the reader.
        Assert.InRange(report.AcceptedCount, 200, 500);
        // A request on the wire when the caller cancelled is cancelled too: unknown, since Accengage may have it.
        Assert.Equal(1_000 - report.AcceptedCount - report.UnknownCount, report.NotAttemptedCount);
        Assert.All(report.NotAttempted, f => Assert.Equal(BatchFailureKind.Cancelled, f.Failure.Kind));
        Assert.All(report.Unknown, f => Assert.Equal(BatchFailureKind.Cancelled, f.Failure.Kind));
        Assert.InRange(Accengage.Server.RequestsTo(SendPath).Count, report.AcceptedCount / 100, (report.AcceptedCount + report.UnknownCount) / 100);
    }

    [Fact]
    public async Task Device_updates_go_out_by_at_most_one_hundred_users_and_each_user_is_reported()
    {
        using var client = new AccengageClient(Accengage.Options());
        var users = Enumerable.Range(0, 230).Select(i => (IDictionary<string, object>)new Dictionary<string, object> { ["UDID"] = $"udid-{i}", ["model"] = "iPhone 6" }).ToList();
        users[17] = new Dictionary<string, object> { ["UDID"] = "udid-17" }; // nothing to update
        users[18] = new Dictionary<string, object> { ["UDID"] = "udid-18", ["id"] = 5 };

        var report = await client.UpdateAllDevicesAsync(users, keepAcceptedUsers: true);

        Assert.Equal(228, report.AcceptedCount);
        Assert.Equal(["udid-17", "udid-18"], report.Rejected.Select(f => (string)f.Item["UDID"]));
        Assert.Contains("id cannot be updated", report.Rejected[1].Failure.Reason, StringComparison.Ordinal);
        var updates = Accengage.Server.RequestsTo(DevicesPath);
        Assert.All(updates, u => Assert.Equal("PUT", u.Method));
        // Chunks are cut from the input, then the invalid users (17 and 18) are taken out of theirs.
        Assert.Equal([100, 98, 30], updates.Select(u => u.Json.GetProperty("users").GetArrayLength()).Order().Reverse());
        Assert.Contains("""{"UDID":"udid-0","model":"iPhone 6"}""", updates.Select(u => u.BodyText).Single(b => b.Contains("\"udid-0\"", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Empty(Accengage.BadlySigned);
    }

    [Fact]
    public async Task A_refused_token_stops_a_device_update_batch()
    {
        Accengage.RejectAllTokens = true;
        using var client = new AccengageClient(Accengage.Options(o => o.MaxConcurrency = 1));
        var users = Enumerable.Range(0, 300).Select(i => (IDictionary<string, object>)new Dictionary<string, object> { ["UDID"] = $"udid-{i}", ["model"] = "x" });

        var report = await client.UpdateAllDevicesAsync(users);

        Assert.Equal(100, report.RejectedCount);
        Assert.Equal(200, report.NotAttemptedCount);
        Assert.True(Assert.IsType<AccengageException<ErrorBody>>(report.Rejected[0].Failure.Exception).HasLabel(AccengageErrorLabels.Token));
        Assert.Equal(2, Accengage.Server.RequestsTo(DevicesPath).Count); // the request and its one retry with a fresh token
    }
}
