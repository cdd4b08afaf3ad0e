using System.Text.Json;
using Contracts.Sandbox;
using Contracts.Sandbox.Ogangi;

namespace Contracts.Cli.Tests;

/// <summary>`notify ogangi send-sms` and `notify ogangi mo list`, in-process, against the embedded sandbox or one configured by --settings.</summary>
public sealed class OgangiCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("notify-ogangi-tests").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A settings file naming <paramref name="sandbox"/>'s Campaign Manager, with its keys unless told otherwise.</summary>
    private string Settings(SandboxServer sandbox, string? privateKey = null, bool keysOnly = true)
    {
        var ogangi = new Dictionary<string, object?>
        {
            ["BaseUrl"] = sandbox.OgangiBaseUrl.ToString(),
            ["InstanceId"] = sandbox.Options.Ogangi.InstanceId,
            ["PublicKey"] = keysOnly ? sandbox.Options.Ogangi.PublicKey : null,
            ["PrivateKey"] = privateKey ?? sandbox.Options.Ogangi.PrivateKey,
            ["From"] = OgangiSandboxOptions.DemoMoCode,
        };
        var path = Path.Combine(_directory, $"settings-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { Ogangi = ogangi }));
        return path;
    }

    [Fact]
    public async Task Send_sms_with_sandbox_uses_the_sandbox_and_prints_the_message_as_json()
    {
        var run = await CliRun.RunAsync("ogangi", "send-sms", "--to", "+13056708084", "--text", "Your code is ready", "--carrier", "Digitel", "--json", "--sandbox");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("--sandbox: using the embedded sandbox", run.Error, StringComparison.Ordinal);
        Assert.Contains("using the embedded sandbox", run.Error, StringComparison.Ordinal);
        var json = run.Json;
        Assert.True(json.GetProperty("sandbox").GetBoolean());
        Assert.Equal("13056708084", json.GetProperty("to").GetString());
        Assert.Equal(OgangiSandboxOptions.DemoShortCode, json.GetProperty("from").GetString());
        Assert.Equal("Digitel", json.GetProperty("carrier").GetString());
        Assert.Equal("Your code is ready", json.GetProperty("text").GetString());
        Assert.Equal("SENT_TO_CARRIER", json.GetProperty("status").GetString());
        Assert.Matches("^-?[0-9]+$", json.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Send_sms_prints_one_line_for_people()
    {
        var run = await CliRun.RunAsync("ogangi", "send-sms", "--to", "13056708084", "--text", "hi", "--sandbox");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Matches(@"^SMS [0-9]+ to 13056708084 from 19893653744 via Movistar: SENT_TO_CARRIER \(Sent to Carrier\)\r?\n$", run.Output);
    }

    [Fact]
    public async Task A_message_created_but_not_sent_exits_1_with_its_status()
    {
        var run = await CliRun.RunAsync("ogangi", "send-sms", "--to", "13056708084", "--text", "hi", "--from", "77777", "--json", "--sandbox");

        Assert.Equal(ExitCodes.PartialFailure, run.ExitCode);
        Assert.Equal("BAD_FROM", run.Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Invalid_values_exit_2_and_nothing_is_sent()
    {
        var run = await CliRun.RunAsync("ogangi", "send-sms", "--to", "0123", "--text", " ", "--sandbox");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("nothing was sent", run.Error, StringComparison.Ordinal);
        Assert.Contains("mobileNumber is not a mobile number", run.Error, StringComparison.Ordinal);
        Assert.Contains("text is empty", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Credentials_from_settings_are_used_instead_of_the_embedded_sandbox()
    {
        await using var campaignManager = await SandboxServer.StartAsync();

        var run = await CliRun.RunAsync("ogangi", "send-sms", "--to", "13056708084", "--text", "from settings", "--settings", Settings(campaignManager), "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.DoesNotContain("sandbox", run.Error, StringComparison.Ordinal);
        Assert.False(run.Json.GetProperty("sandbox").GetBoolean());
        var sent = Assert.Single(campaignManager.Ogangi.SentMessages);
        Assert.Equal(("from settings", OgangiSandboxOptions.DemoMoCode), (sent.Text, sent.From)); // From: the setting's default short code
    }

    [Fact]
    public async Task A_wrong_private_key_is_bad_signature_exit_3_without_the_key_in_the_output()
    {
        await using var campaignManager = await SandboxServer.StartAsync();
        const string wrongKey = "wrong-private-key-0123";

        var run = await CliRun.RunAsync("ogangi", "send-sms", "--to", "13056708084", "--text", "hi", "--settings", Settings(campaignManager, privateKey: wrongKey));

        Assert.Equal(ExitCodes.VendorError, run.ExitCode);
        Assert.Contains("Invalid signature, access denied", run.Error, StringComparison.Ordinal);
        Assert.Contains("BAD_SIGNATURE", run.Error, StringComparison.Ordinal);
        Assert.Contains("hint: check the instance id, public key and private key", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, run.Error + run.Output, StringComparison.Ordinal);
        Assert.Empty(campaignManager.Ogangi.SentMessages);
    }

    [Fact]
    public async Task Incomplete_credentials_exit_2_naming_the_missing_option()
    {
        await using var campaignManager = await SandboxServer.StartAsync();

        var run = await CliRun.RunAsync("ogangi", "send-sms", "--to", "13056708084", "--text", "hi", "--settings", Settings(campaignManager, keysOnly: false));

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("PublicKey is required", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mo_list_applies_the_vendors_example_filter_newest_first()
    {
        var run = await CliRun.RunAsync("ogangi", "mo", "list", "--from", "13056708084", "--to", "19893143924", "--keyword", "^OGANGI.*", "--carrier", "movistar", "--order", "desc", "--json", "--sandbox");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Page 1: 3 shown, 3 found.", run.Error, StringComparison.Ordinal);
        Assert.Equal(["OGANGI again", "OGANGI promo code please", "OGANGI TEST"], run.Json.EnumerateArray().Select(m => m.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Mo_list_pages_with_the_total_on_every_page()
    {
        var first = await CliRun.RunAsync("ogangi", "mo", "list", "--page-size", "5", "--json", "--sandbox");
        var third = await CliRun.RunAsync("ogangi", "mo", "list", "--page", "3", "--page-size", "5", "--json", "--sandbox");

        Assert.Equal(5, first.Json.GetArrayLength());
        Assert.Contains("Page 1: 5 shown, 12 found.", first.Error, StringComparison.Ordinal);
        Assert.Equal(2, third.Json.GetArrayLength());
        Assert.Contains("Page 3: 2 shown, 12 found.", third.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mo_list_piped_is_tsv_with_a_header_and_the_total_on_standard_error()
    {
        var run = await CliRun.RunAsync("ogangi", "mo", "list", "--carrier", "Movilnet", "Digitel", "--sandbox");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("5 shown, 5 found", run.Error, StringComparison.Ordinal);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("sendDate\tfrom\tto\tcarrier\tkeyword\ttext\tencoding", lines[0]);
        Assert.Equal(6, lines.Length);
        Assert.Contains("ALTO", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--page", "0")]
    [InlineData("--page-size", "100000")]
    [InlineData("--keyword", "a,b")]
    public async Task Mo_list_values_the_client_refuses_exit_2(string option, string value)
    {
        var run = await CliRun.RunAsync("ogangi", "mo", "list", option, value, "--sandbox");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("nothing was sent", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mo_list_order_other_than_asc_or_desc_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("ogangi", "mo", "list", "--order", "sideways", "--sandbox");

        Assert.NotEqual(ExitCodes.Success, run.ExitCode);
        Assert.Contains("sideways", run.Error + run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_is_available_for_every_ogangi_command_and_names_the_exit_codes()
    {
        foreach (var args in new[] { new[] { "ogangi", "--help" }, ["ogangi", "send-sms", "--help"], ["ogangi", "mo", "--help"], ["ogangi", "mo", "list", "--help"] })
        {
            var run = await CliRun.RunAsync(args);
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
        }
        var sendSms = await CliRun.RunAsync("ogangi", "send-sms", "--help");
        Assert.Contains("Here 0 means sent to the carrier, 1 created but not sent", sendSms.Output, StringComparison.Ordinal);
        ExitCodeMapTests.AssertShowsTheMap(sendSms.Output);
    }

    [Fact]
    public async Task Demo_runs_the_ogangi_steps_as_documented()
    {
        var run = await CliRun.RunAsync("demo", "--json", "--destinations", "10");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var steps = run.Json.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("name").GetString()!.StartsWith("ogangi.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["ogangi.send-sms", "ogangi.bad-signature", "ogangi.mo-list"], steps.Select(s => s.GetProperty("name").GetString()));
        Assert.All(steps, s => Assert.True(s.GetProperty("asExpected").GetBoolean(), s.GetProperty("what").GetString()));
    }
}
