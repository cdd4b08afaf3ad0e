using Contracts.Sandbox;

namespace Contracts.Cli.Tests;

/// <summary>
/// notify never falls back to the sandbox: a scheduled job with missing or misnamed credentials must fail, not report
/// success while sending nothing.
/// </summary>
[Collection(ProcessEnvironment.Collection)]
public sealed class SandboxOnlyWhenAskedTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("notify-settings-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("engage", "NOTIFY_ENGAGE__CLIENTID")]
    [InlineData("ogangi", "NOTIFY_OGANGI__PRIVATEKEY")]
    [InlineData("accengage", "NOTIFY_ACCENGAGE__APIKEY")]
    [InlineData("onc", "NOTIFY_ONC__PASSWORD")]
    public async Task No_credentials_and_no_sandbox_exit_2_naming_what_to_set(string vendor, string variable)
    {
        var run = await CliRun.RunAsync(CommandOf(vendor));

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains(variable, run.Error, StringComparison.Ordinal);
        Assert.Contains("--settings", run.Error, StringComparison.Ordinal);
        Assert.Contains("--sandbox", run.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was sent", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("accepted", run.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_misnamed_variable_is_named_with_the_closest_known_one_and_nothing_is_sent()
    {
        using var environment = ProcessEnvironment.Set(new Dictionary<string, string?>
        {
            ["NOTIFY_ENGAGE_CLIENTID"] = "client",
            ["NOTIFY_ENGAGE_CLIENTSECRET"] = "secret",
        });

        var run = await CliRun.RunAsync(CommandOf("engage"));

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("NOTIFY_ENGAGE_CLIENTID is not a variable notify reads (did you mean NOTIFY_ENGAGE__CLIENTID?)", run.Error, StringComparison.Ordinal);
        Assert.Contains("did you mean NOTIFY_ENGAGE__CLIENTSECRET?", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", run.Error.Replace("CLIENTSECRET", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sandbox_variable_asks_for_the_sandbox_like_the_option()
    {
        using var environment = ProcessEnvironment.Set(new Dictionary<string, string?> { ["NOTIFY_SANDBOX"] = "1" });

        var run = await CliRun.RunAsync("ogangi", "send-sms", "--to", "13056708084", "--text", "hi", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("--sandbox: using the embedded sandbox", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("is not a variable notify reads", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_settings_file_in_the_library_layout_is_read()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var options = sandbox.CreateOncClientOptions();
        var settings = Write("library.json", System.Text.Json.JsonSerializer.Serialize(new
        {
            Contracts = new { Onc = new { BaseUrl = options.BaseUrl!.ToString(), options.AccountId, options.UserName, options.Password } },
        }));

        var run = await CliRun.RunAsync("onc", "campaigns", "list", "--json", "--settings", settings);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("2 active campaign(s).", run.Error.Trim()); // the count, and no warning
        Assert.Equal(1, sandbox.Onc.SessionsOpened);
    }

    [Fact]
    public async Task An_unknown_settings_key_is_named_with_the_closest_known_one()
    {
        var settings = Write("typo.json", """{"Engage": {"ClientID": "a", "ClientScret": "b"}}""");

        var run = await CliRun.RunAsync([.. CommandOf("engage"), "--settings", settings]);

        Assert.Contains("'Engage:ClientScret' in typo.json is not a setting notify reads (did you mean Engage:ClientSecret?)", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("'Engage:ClientID'", run.Error, StringComparison.Ordinal); // keys are case-insensitive
    }

    [Fact]
    public async Task A_malformed_settings_file_exits_2_without_a_stack_trace()
    {
        var settings = Write("broken.json", """{"Engage": {"ClientId": """);

        var run = await CliRun.RunAsync([.. CommandOf("engage"), "--settings", settings]);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("is not valid JSON", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    private string[] CommandOf(string vendor) => vendor switch
    {
        "engage" => ["engage", "push", "--program", "3e1b9b27-d1f9-4c8d-800f-bb534d6928d6", "--anumber", "+15550100000", "--file", Write("numbers.txt", "+15018902005\n")],
        "ogangi" => ["ogangi", "send-sms", "--to", "13056708084", "--text", "hi"],
        "accengage" => ["accengage", "campaigns", "list"],
        _ => ["onc", "campaigns", "list"],
    };

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
