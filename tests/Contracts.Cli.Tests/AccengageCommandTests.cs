using System.Text.Json;
using Contracts.Sandbox;

namespace Contracts.Cli.Tests;

public sealed class AccengageCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("notify-accengage-tests").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WriteFile(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private string Settings(SandboxServer sandbox, string? apiKey = null)
        => WriteFile("settings.json", [JsonSerializer.Serialize(new
        {
            Accengage = new
            {
                BaseUrl = sandbox.AccengageBaseUrl,
                UserEmail = sandbox.Options.Accengage.UserEmail,
                ApiKey = apiKey ?? sandbox.Options.Accengage.ApiKey,
                PartnerId = "myPartnerId",
            },
        })]);

    [Fact]
    public async Task Campaigns_list_streams_every_page_as_json_against_the_embedded_sandbox()
    {
        var run = await CliRun.RunAsync("accengage", "campaigns", "list", "--json", "--sandbox");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("using the embedded sandbox", run.Error, StringComparison.Ordinal);
        Assert.Contains("250 campaigns.", run.Error, StringComparison.Ordinal);
        var ids = run.Json.EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range(1, 250).Select(i => (long)i), ids);
        Assert.Equal("Summer sales", run.Json[90].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Messages_list_piped_is_tsv_with_a_header_and_applies_the_filter()
    {
        var run = await CliRun.RunAsync("accengage", "messages", "list", "--external-id", "PushCampaign2017%", "--sandbox");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        Assert.Equal("id\texternalId\ttitle", lines[0]);
        Assert.Equal("2157\tPushCampaign2017-01\tSummer sales", lines[1]);
    }

    [Fact]
    public async Task Send_splits_targets_into_requests_of_100_and_reports_every_target()
    {
        var lines = new List<string> { "clientId;firstname" };
        lines.AddRange(Enumerable.Range(3, 250).Select(i => $"C{i:D6};User {i}"));
        lines.Add(";Nobody"); // names no user: rejected before sending
        var file = WriteFile("targets.csv", lines);

        var run = await CliRun.RunAsync("accengage", "send", "--message", "2157", "--text", "Hi ${firstname}", "--targets-file", file, "--json", "--sandbox");

        Assert.Equal(ExitCodes.PartialFailure, run.ExitCode);
        var targets = run.Json.GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal(251, targets.Count);
        Assert.Equal(250, targets.Count(t => t.GetProperty("outcome").GetString() == "Accepted"));
        Assert.Equal(250, targets.Where(t => t.GetProperty("outcome").GetString() == "Accepted").Select(t => t.GetProperty("target").GetString()).Distinct().Count());
        var rejected = Assert.Single(targets, t => t.GetProperty("outcome").GetString() == "Rejected");
        Assert.Contains("names no user", rejected.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var summary = run.Json.GetProperty("summary");
        Assert.Equal(251, summary.GetProperty("total").GetInt64());
        Assert.Equal(250, summary.GetProperty("accepted").GetInt64());
    }

    [Fact]
    public async Task Send_refuses_a_targets_file_with_a_bad_row_past_the_first_requests_before_sending_anything()
    {
        // Three requests' worth of good rows, then a malformed quote: the file is invalid input, which the exit code
        // map says means nothing was sent, so no request may leave before the whole file has been read.
        await using var sandbox = await SandboxServer.StartAsync();
        var lines = new List<string> { "clientId;firstname" };
        lines.AddRange(Enumerable.Range(3, 300).Select(i => $"C{i:D6};User {i}"));
        lines.Add("C000999;\"Bad\"quote");
        var file = WriteFile("targets.csv", lines);

        var run = await CliRun.RunAsync("accengage", "send", "--message", "2157", "--text", "Hi ${firstname}", "--targets-file", file, "--settings", Settings(sandbox));

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("targets.csv:302", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, sandbox.Accengage.InstantMessageRequests);
    }

    [Fact]
    public async Task Send_to_a_message_that_does_not_exist_reports_the_vendor_error_and_exits_3()
    {
        var run = await CliRun.RunAsync("accengage", "send", "--message-external-id", "Nope", "--target", "A", "B", "--json", "--sandbox");

        Assert.Equal(ExitCodes.VendorError, run.ExitCode);
        var failure = Assert.Single(run.Json.GetProperty("summary").GetProperty("failures").EnumerateArray());
        Assert.Equal(404, failure.GetProperty("statusCode").GetInt32());
        Assert.Equal("API_ERR_DATA", failure.GetProperty("errorCode").GetString());
        Assert.Equal(0, run.Json.GetProperty("summary").GetProperty("accepted").GetInt64());
    }

    [Fact]
    public async Task Send_needs_one_message_and_one_source_of_targets()
    {
        var run = await CliRun.RunAsync("accengage", "send", "--target", "A", "--sandbox");

        Assert.NotEqual(ExitCodes.Success, run.ExitCode);
        Assert.Contains("--message or --message-external-id", run.Error + run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Devices_upsert_sends_a_file_in_batches_into_the_static_list()
    {
        var lines = new List<string> { "deviceId,expireAt" };
        lines.AddRange(Enumerable.Range(0, 2_500).Select(i => $"UDID-{i:D5},2030-12-31T23:59:59Z"));
        var file = WriteFile("devices.csv", lines);

        var run = await CliRun.RunAsync("accengage", "devices", "upsert", "--list", "1234", "--file", file, "--batch-size", "1000", "--json", "--sandbox");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(2_500, run.Json.GetProperty("accepted").GetInt64());
        Assert.Equal(2_500, run.Json.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Devices_upsert_refuses_a_file_it_cannot_read_before_sending_anything()
    {
        var file = WriteFile("devices.csv", ["deviceId;color", "UDID-1;blue"]);

        var run = await CliRun.RunAsync("accengage", "devices", "upsert", "--list", "1234", "--file", file, "--sandbox");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("unknown column 'color'", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("sandbox", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_credentials_are_used_instead_of_the_embedded_sandbox()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        var run = await CliRun.RunAsync("accengage", "devices", "upsert", "--list", "1235", "--by", "clientId", "--file", WriteFile("ids.txt", ["123456", "654321"]), "--settings", Settings(sandbox));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.DoesNotContain("embedded sandbox", run.Error, StringComparison.Ordinal);
        Assert.Equal(1, sandbox.Accengage.StaticListUpserts);
        Assert.Contains("F31548D3-F93E-498F-8E01-F18CC4EB2F5F", sandbox.Accengage.StaticListDevices("myPartnerId", 1235));
    }

    [Fact]
    public async Task A_refused_api_key_exits_3_with_the_vendor_label()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        var run = await CliRun.RunAsync("accengage", "campaigns", "list", "--settings", Settings(sandbox, apiKey: "wrong"));

        Assert.Equal(ExitCodes.VendorError, run.ExitCode);
        Assert.Contains("API_ERR_SIGNATURE", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_is_available_for_every_accengage_command()
    {
        string[][] commands =
        [
            ["accengage", "--help"], ["accengage", "campaigns", "list", "--help"], ["accengage", "messages", "list", "--help"],
            ["accengage", "send", "--help"], ["accengage", "devices", "upsert", "--help"],
        ];
        foreach (var args in commands)
        {
            var run = await CliRun.RunAsync(args);
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
        }
    }
}
