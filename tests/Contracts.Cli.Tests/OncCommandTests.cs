using System.Text.Json;
using Contracts.Sandbox;
using Contracts.Sandbox.Onc;

namespace Contracts.Cli.Tests;

[Collection(ProcessEnvironment.Collection)]
public sealed class OncCommandTests : IDisposable
{
    private static readonly string Campaign = OncSandboxOptions.DemoCampaign.ToString();
    private readonly string _directory = Directory.CreateTempSubdirectory("notify-onc-tests").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WriteFile(string name, params string[] lines)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private string WriteSettings(SandboxServer sandbox, string password)
    {
        var path = Path.Combine(_directory, "settings.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            Onc = new { BaseUrl = sandbox.OncBaseUrl, sandbox.Options.Onc.AccountId, sandbox.Options.Onc.UserName, Password = password },
        }));
        return path;
    }

    [Fact]
    public async Task Campaigns_list_prints_the_sandbox_campaigns_as_json_and_says_it_used_the_sandbox()
    {
        var run = await CliRun.RunAsync("onc", "campaigns", "list", "--json", "--sandbox");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("--sandbox: using the embedded sandbox", run.Error, StringComparison.Ordinal);
        Assert.Contains("using the embedded sandbox", run.Error, StringComparison.Ordinal);
        var campaigns = run.Json.EnumerateArray().ToList();
        Assert.Equal(["Appointment reminders", "Service outage"], campaigns.Select(c => c.GetProperty("shortName").GetString()));
        Assert.Equal(Campaign, campaigns[0].GetProperty("id").GetString());
        Assert.Equal(["voice", "email"], campaigns[1].GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.True(campaigns[1].GetProperty("isPaused").GetBoolean());
    }

    [Fact]
    public async Task Campaigns_list_piped_is_tsv_with_a_header()
    {
        var run = await CliRun.RunAsync("onc", "campaigns", "list", "--sandbox");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id\tshortName\tisPaused\tchannels\tdescription", lines[0]);
        Assert.StartsWith(Campaign + "\tAppointment reminders\tfalse\tsms\t", lines[1], StringComparison.Ordinal);
        Assert.Contains("\tService outage\ttrue\tvoice, email\t", lines[2], StringComparison.Ordinal);
        Assert.Contains("2 active campaign(s).", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contacts_add_reports_every_contact_and_exits_1_when_one_is_rejected()
    {
        var file = WriteFile("contacts.csv",
            "id;SMS;email;text;retryCount",
            "6a0f1c1e-0000-4000-8000-000000000001;+15550100001;;Hello;",
            ";\"+15550100002\";ada@example.com;\"Hi; there\";2",
            "6a0f1c1e-0000-4000-8000-000000000003;+15550100003;;;300",
            ";;;;",
            ";;grace@example.com;;");
        var outcomes = Path.Combine(_directory, "outcomes.csv");

        var run = await CliRun.RunAsync("onc", "contacts", "add", "--campaign", Campaign, "--file", file, "--outcomes", outcomes, "--json", "--sandbox");

        Assert.Equal(ExitCodes.PartialFailure, run.ExitCode);
        var json = run.Json;
        Assert.Equal((4, 3, 1, 0), (json.GetProperty("total").GetInt64(), json.GetProperty("accepted").GetInt64(), json.GetProperty("rejected").GetInt64(), json.GetProperty("notAttempted").GetInt64()));
        var rejected = Assert.Single(json.GetProperty("items").EnumerateArray());
        Assert.Equal("6a0f1c1e-0000-4000-8000-000000000003", rejected.GetProperty("id").GetString());
        Assert.Equal("sms +15550100003", rejected.GetProperty("destinations").GetString());
        Assert.Equal(("Rejected", "InvalidInput"), (rejected.GetProperty("outcome").GetString(), rejected.GetProperty("kind").GetString()));
        Assert.Contains("RetryCount must be between 0 and 255", rejected.GetProperty("reason").GetString(), StringComparison.Ordinal);

        var lines = File.ReadAllLines(outcomes);
        Assert.Equal("item,id,sms,voice,email,outcome,kind,errorCode,requestId,reason", lines[0]);
        Assert.Contains(",Run,", lines[1], StringComparison.Ordinal);
        // An item's last row is its outcome: every contact ends with exactly one.
        var final = lines.Skip(2).GroupBy(l => l[..l.IndexOf(',', StringComparison.Ordinal)]).Select(item => item.Last()).ToList();
        Assert.Equal(4, final.Count);
        Assert.Contains(final, l => l.StartsWith("1,6a0f1c1e-0000-4000-8000-000000000001,'+15550100001,,,Accepted", StringComparison.Ordinal));
        Assert.Contains(final, l => l.Contains(",'+15550100002,,ada@example.com,Accepted", StringComparison.Ordinal));
        Assert.Contains(final, l => l.Contains(",,,grace@example.com,Accepted", StringComparison.Ordinal));
        Assert.Contains(final, l => l.StartsWith("3,6a0f1c1e-0000-4000-8000-000000000003,'+15550100003,,,Rejected,InvalidInput,,,\"SMSCommInfo.RetryCount", StringComparison.Ordinal));
        // Written ahead of the wire: each accepted contact was journaled in flight before its answer.
        Assert.Equal(3, lines.Count(l => l.Contains(",InFlight,", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Contacts_add_sends_what_the_file_says_to_the_service()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var file = WriteFile("contacts.csv", "sms,voice,text", "+15550100001,+15550100009,\"Hi, Ada\"", "+15550100002,,");

        var run = await CliRun.RunAsync("onc", "contacts", "add", "--campaign", Campaign, "-f", file, "--retries", "5", "--settings", WriteSettings(sandbox, sandbox.Options.Onc.Password));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.DoesNotContain("sandbox", run.Error, StringComparison.Ordinal); // configured credentials: the real (here: this) service
        Assert.Contains("accepted", run.Output, StringComparison.Ordinal);
        Assert.Equal(1, sandbox.Onc.SessionsOpened);
        Assert.Equal(1, sandbox.Onc.SessionsClosed); // the command closed its session
        await using var client = sandbox.CreateOncClient();
        var stored = (await client.GetCampaignContactsAsync(OncSandboxOptions.DemoCampaign)).Where(c => c.Id != OncSandboxOptions.DemoContact).OrderBy(c => c.SMSCommInfo!.Destination).ToList();
        Assert.Equal(2, stored.Count);
        Assert.Equal(("+15550100001", "Hi, Ada", 5), (stored[0].SMSCommInfo!.Destination, stored[0].SMSCommInfo!.TextToSendOverwrite, stored[0].SMSCommInfo!.RetryCount));
        Assert.Equal(("+15550100009", "Hi, Ada"), (stored[0].VoiceCommInfo!.Destination, stored[0].VoiceCommInfo!.TextToSendOverwrite));
        Assert.Null(stored[1].VoiceCommInfo);
    }

    [Fact]
    public async Task Contacts_for_an_unknown_campaign_stop_the_batch_before_any_is_sent_and_exit_3()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var file = WriteFile("contacts.csv", "sms", "+15550100001", "+15550100002");

        var run = await CliRun.RunAsync("onc", "contacts", "add", "--campaign", Guid.NewGuid().ToString(), "-f", file, "--json", "--settings", WriteSettings(sandbox, sandbox.Options.Onc.Password));

        Assert.Equal(ExitCodes.VendorError, run.ExitCode);
        Assert.Equal((0, 2), (run.Json.GetProperty("accepted").GetInt64(), run.Json.GetProperty("notAttempted").GetInt64()));
        Assert.All(run.Json.GetProperty("items").EnumerateArray(), item =>
        {
            Assert.Equal(("NotAttempted", "BatchStopped"), (item.GetProperty("outcome").GetString(), item.GetProperty("kind").GetString()));
            Assert.Contains("ONC has no campaign", item.GetProperty("reason").GetString(), StringComparison.Ordinal);
        });
        Assert.Equal(0, sandbox.Onc.CallsTo("AddCampaignContact"));
    }

    [Fact]
    public async Task A_refused_contact_explains_its_error_code()
    {
        // The sandbox refuses a contact whose ID is already in the campaign (its error code 4).
        var file = WriteFile("contacts.csv", "id,sms", $"{OncSandboxOptions.DemoContact},+15550100001");

        var run = await CliRun.RunAsync("onc", "contacts", "add", "--campaign", Campaign, "-f", file, "--sandbox");

        Assert.Equal(ExitCodes.PartialFailure, run.ExitCode);
        var summary = run.Output.ReplaceLineEndings(" ");
        Assert.Contains("error code 4: a campaign or contact with that ID already exists (the sandbox's code)", System.Text.RegularExpressions.Regex.Replace(summary, @"\s+", " "), StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_code_from_the_real_service_says_what_the_document_defines()
        => Assert.Equal(
            "error code 3: ONC documents only that 0 is success and any other number a failure, without saying which; check the campaign ID (notify onc campaigns list), the credentials and the contact's values",
            Contracts.Cli.Onc.OncErrorCodes.Explain(3, sandbox: false));

    [Fact]
    public async Task Refused_credentials_exit_3_without_showing_the_password()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var settings = WriteSettings(sandbox, "not-the-password");
        var file = WriteFile("contacts.csv", "sms", "+15550100001");

        var list = await CliRun.RunAsync("onc", "campaigns", "list", "--settings", settings);
        var add = await CliRun.RunAsync("onc", "contacts", "add", "--campaign", Campaign, "-f", file, "--settings", settings, "--json");

        Assert.Equal(ExitCodes.VendorError, list.ExitCode);
        Assert.Contains("ONC: could not get an access token: Invalid credentials", list.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.VendorError, add.ExitCode);
        Assert.Equal("AuthenticationFailed", add.Json.GetProperty("items")[0].GetProperty("kind").GetString());
        Assert.DoesNotContain("not-the-password", list.Output + list.Error + add.Output + add.Error, StringComparison.Ordinal);
        Assert.Equal(0, sandbox.Onc.CallsTo("AddCampaignContact"));
    }

    [Fact]
    public async Task Credentials_from_environment_variables_are_used()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var variables = new Dictionary<string, string>
        {
            ["NOTIFY_ONC__BASEURL"] = sandbox.OncBaseUrl.ToString(),
            ["NOTIFY_ONC__ACCOUNTID"] = sandbox.Options.Onc.AccountId,
            ["NOTIFY_ONC__USERNAME"] = sandbox.Options.Onc.UserName,
            ["NOTIFY_ONC__PASSWORD"] = sandbox.Options.Onc.Password,
        };
        try
        {
            foreach (var (name, value) in variables)
                Environment.SetEnvironmentVariable(name, value);

            var run = await CliRun.RunAsync("onc", "campaigns", "list", "--json");

            Assert.Equal(ExitCodes.Success, run.ExitCode);
            Assert.Equal("2 active campaign(s).", run.Error.Trim()); // the count, and no warning
            Assert.Equal(1, sandbox.Onc.SessionsOpened);
        }
        finally
        {
            foreach (var name in variables.Keys)
                Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public async Task Incomplete_credentials_exit_2_naming_the_missing_option()
    {
        var settings = Path.Combine(_directory, "settings.json");
        File.WriteAllText(settings, """{"Onc":{"BaseUrl":"http://127.0.0.1:9/onc.svc","AccountId":"a","UserName":"u"}}""");

        var run = await CliRun.RunAsync("onc", "campaigns", "list", "--settings", settings);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("Password", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("contacts.csv", "name,phone\nAda,+15550100001", "names no destination column (sms, voice or email); its columns: name, phone")]
    [InlineData("contacts.csv", "id,sms\nnot-a-guid,+15550100001", "data row 1 (after the header): id 'not-a-guid' is not valid")]
    [InlineData("contacts.csv", "sms,retryCount\n+15550100001,three", "retryCount 'three' is not valid")]
    public async Task A_bad_file_exits_2_before_anything_is_sent(string name, string content, string message)
    {
        var file = WriteFile(name, content.Split('\n'));

        var run = await CliRun.RunAsync("onc", "contacts", "add", "--campaign", Campaign, "-f", file, "--sandbox");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("sandbox", run.Error, StringComparison.Ordinal); // failed before connecting
    }

    [Theory]
    [InlineData("5b0d3c52-7c1e-4c1f-9a53-2f6a1d0e8a11", "256", "--retries must be between 0 and 255")]
    [InlineData("00000000-0000-0000-0000-000000000000", "3", "--campaign must be a campaign ID")]
    [InlineData("not-a-guid", "3", "Cannot parse argument 'not-a-guid' for option '--campaign'")]
    [InlineData("5b0d3c52-7c1e-4c1f-9a53-2f6a1d0e8a11", "three", "Cannot parse argument 'three' for option '--retries'")]
    public async Task Bad_arguments_are_usage_errors(string campaign, string retries, string message)
    {
        var file = WriteFile("contacts.csv", "sms", "+15550100001");

        var run = await CliRun.RunAsync("onc", "contacts", "add", "--campaign", campaign, "-f", file, "--retries", retries, "--sandbox");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("sandbox", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_is_available_for_every_onc_command()
    {
        foreach (var args in new[] { new[] { "onc", "--help" }, ["onc", "campaigns", "--help"], ["onc", "campaigns", "list", "--help"], ["onc", "contacts", "add", "--help"] })
        {
            var run = await CliRun.RunAsync(args);
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
        }
        var add = await CliRun.RunAsync("onc", "contacts", "add", "--help");
        Assert.Contains("--campaign", add.Output, StringComparison.Ordinal);
        Assert.Contains("retryCount", add.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_runs_the_onc_steps_as_documented()
    {
        var run = await CliRun.RunAsync("demo", "--json", "--destinations", "10");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var steps = run.Json.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("name").GetString()!.StartsWith("onc.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["onc.session", "onc.campaigns", "onc.contacts", "onc.contact-outcome", "onc.contact-outcome", "onc.contact-outcome", "onc.session-reopen", "onc.close"],
            steps.Select(s => s.GetProperty("name").GetString()));
        Assert.All(steps, s => Assert.True(s.GetProperty("asExpected").GetBoolean(), s.GetProperty("what").GetString()));
    }
}
