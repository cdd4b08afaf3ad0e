using Contracts.Testing;

namespace Contracts.Cli.Tests;

/// <summary>
/// A scheduled job with misnamed credentials must fail and send nothing: notify, run as a separate process, exits 2,
/// names the closest known variable or setting, and the vendor (a recording server on 127.0.0.1) sees no request.
/// </summary>
public sealed class MisnamedCredentialsInAProcessTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("notify-process-credentials-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Numbers()
    {
        var path = Path.Combine(_directory, "numbers.txt");
        File.WriteAllLines(path, ["+15018902005"]);
        return path;
    }

    private string[] Push() => ["engage", "push", "--file", Numbers(), "--program", Guid.NewGuid().ToString(), "--anumber", "+5014008029"];

    [Fact]
    public async Task Single_underscore_variables_exit_2_and_nothing_is_sent()
    {
        await using var vendor = await LoopbackServer.StartAsync((_, context) => context.RespondJsonAsync(200, "{}"));

        var run = await NotifyProcess.RunAsync(Push(), new Dictionary<string, string>
        {
            ["NOTIFY_ENGAGE__BASEURL"] = vendor.BaseUrl.ToString(),
            ["NOTIFY_ENGAGE_CLIENTID"] = "client",
            ["NOTIFY_ENGAGE_CLIENTSECRET"] = "secret",
        });

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains("did you mean NOTIFY_ENGAGE__CLIENTID?", run.Error, StringComparison.Ordinal);
        Assert.False(run.HasStackTrace, run.ToString());
        Assert.Empty(vendor.Requests);
    }

    [Fact]
    public async Task A_library_layout_settings_file_with_a_typo_exits_2_and_nothing_is_sent()
    {
        await using var vendor = await LoopbackServer.StartAsync((_, context) => context.RespondJsonAsync(200, "{}"));
        var settings = Path.Combine(_directory, "appsettings.json");
        File.WriteAllText(settings, System.Text.Json.JsonSerializer.Serialize(new
        {
            Contracts = new { Engage = new { BaseUrl = vendor.BaseUrl, ClientIdd = "client", ClientSecert = "secret" } },
        }));

        var run = await NotifyProcess.RunAsync([.. Push(), "--settings", settings]);

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains("'Contracts:Engage:ClientSecert' in appsettings.json is not a setting notify reads (did you mean Engage:ClientSecret?)", run.Error, StringComparison.Ordinal);
        Assert.False(run.HasStackTrace, run.ToString());
        Assert.Empty(vendor.Requests);
    }
}
