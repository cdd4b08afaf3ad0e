using System.Net;
using System.Net.Sockets;
using Contracts.Sandbox;
using Contracts.Sandbox.Engage;
using Contracts.Testing;

namespace Contracts.Cli.Tests;

/// <summary>
/// Every row of the exit-code map, produced by a real situation, with notify run as a separate process the way a
/// scheduled job runs it: the code it ends with, a one-line reason and never a stack trace.
/// </summary>
public sealed class ExitCodesInAProcessTests : IDisposable
{
    private static readonly string Program = EngageSandboxOptions.DemoProgram.ToString();
    private readonly string _directory = Directory.CreateTempSubdirectory("notify-process-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Numbers(params string[] numbers)
    {
        var path = Path.Combine(_directory, "numbers.txt");
        File.WriteAllLines(path, numbers);
        return path;
    }

    private string[] Push(string file, string program = "") =>
        ["engage", "push", "--file", file, "--program", program.Length > 0 ? program : Program, "--anumber", "+5014008029"];

    private static Dictionary<string, string> Engage(Uri baseUrl, string clientId = "client", string secret = "secret", string timeout = "00:00:02") => new()
    {
        ["NOTIFY_ENGAGE__BASEURL"] = baseUrl.ToString(),
        ["NOTIFY_ENGAGE__CLIENTID"] = clientId,
        ["NOTIFY_ENGAGE__CLIENTSECRET"] = secret,
        ["NOTIFY_ENGAGE__TIMEOUT"] = timeout,
    };

    // Against the sandbox, the default timeout: a busy machine must not turn an answer into a timeout.
    private static Dictionary<string, string> EngageOf(SandboxServer sandbox) => WithoutTimeout(Engage(sandbox.EngageBaseUrl, sandbox.Options.Engage.ClientId, sandbox.Options.Engage.ClientSecret));

    private static Dictionary<string, string> OncOf(SandboxServer sandbox, string? password = null)
    {
        var variables = WithoutTimeout(Onc(sandbox.OncBaseUrl, password ?? sandbox.Options.Onc.Password));
        variables["NOTIFY_ONC__ACCOUNTID"] = sandbox.Options.Onc.AccountId;
        variables["NOTIFY_ONC__USERNAME"] = sandbox.Options.Onc.UserName;
        return variables;
    }

    private static Dictionary<string, string> WithoutTimeout(Dictionary<string, string> variables)
    {
        foreach (var name in variables.Keys.Where(name => name.EndsWith("__TIMEOUT", StringComparison.Ordinal)).ToList())
            variables.Remove(name);
        return variables;
    }

    private static Dictionary<string, string> Accengage(Uri baseUrl) => new()
    {
        ["NOTIFY_ACCENGAGE__BASEURL"] = baseUrl.ToString(),
        ["NOTIFY_ACCENGAGE__USEREMAIL"] = "ops@example.com",
        ["NOTIFY_ACCENGAGE__APIKEY"] = "key",
        ["NOTIFY_ACCENGAGE__PARTNERID"] = "partner",
        ["NOTIFY_ACCENGAGE__TIMEOUT"] = "00:00:02",
    };

    private static Dictionary<string, string> Onc(Uri baseUrl, string password = "password") => new()
    {
        ["NOTIFY_ONC__BASEURL"] = baseUrl.ToString(),
        ["NOTIFY_ONC__ACCOUNTID"] = "account",
        ["NOTIFY_ONC__USERNAME"] = "user",
        ["NOTIFY_ONC__PASSWORD"] = password,
        ["NOTIFY_ONC__TIMEOUT"] = "00:00:02",
    };

    /// <summary>A port on 127.0.0.1 that nothing listens on: taken from the system, then released.</summary>
    private static Uri UnreachableUrl(string path = "")
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/{path}");
    }

    /// <summary>A server that takes every request and never answers.</summary>
    private static Task<LoopbackServer> SilentServerAsync()
        => LoopbackServer.StartAsync((_, context) => Task.Delay(Timeout.Infinite, context.RequestAborted));

    private static void AssertEnds(int code, NotifyResult run)
    {
        Assert.True(code == run.ExitCode, $"expected exit {code}; got {run}");
        Assert.False(run.HasStackTrace, run.ToString());
    }

    [Theory]
    [InlineData(ExitCodes.Success, 2, "+15018902005", "+14258309029")]          // all accepted
    [InlineData(ExitCodes.PartialFailure, 1, "+15018902005", "not a number")]   // some not accepted
    public async Task What_was_accepted_decides_between_0_and_1(int code, int accepted, params string[] numbers)
    {
        await using var sandbox = await SandboxServer.StartAsync();

        var run = await NotifyProcess.RunAsync(Push(Numbers(numbers)), EngageOf(sandbox));

        AssertEnds(code, run);
        Assert.Equal(accepted, sandbox.Engage.AcceptedDestinations);
    }

    [Fact]
    public async Task A_directory_as_file_is_2_and_nothing_is_sent()
    {
        await using var server = await SilentServerAsync();

        var run = await NotifyProcess.RunAsync(Push(_directory), Engage(server.BaseUrl));

        AssertEnds(ExitCodes.InvalidInput, run);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_malformed_settings_file_is_2_and_nothing_is_sent()
    {
        await using var server = await SilentServerAsync();
        var settings = Path.Combine(_directory, "settings.json");
        File.WriteAllText(settings, "{\"Engage\": {\"ClientId\": \"client\",");

        var run = await NotifyProcess.RunAsync([.. Push(Numbers("+15018902005")), "--settings", settings], Engage(server.BaseUrl));

        AssertEnds(ExitCodes.InvalidInput, run);
        Assert.Contains("not valid JSON", run.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task An_unknown_region_is_2_naming_the_setting_and_the_regions()
    {
        await using var server = await SilentServerAsync();
        var variables = Engage(server.BaseUrl);
        variables["NOTIFY_ENGAGE__REGION"] = "Mars";

        var run = await NotifyProcess.RunAsync(Push(Numbers("+15018902005")), variables);

        AssertEnds(ExitCodes.InvalidInput, run);
        Assert.Contains("Engage:Region (NOTIFY_ENGAGE__REGION)", run.Error, StringComparison.Ordinal);
        Assert.Contains("UnitedStates, International", run.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_refused_program_is_3()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        var run = await NotifyProcess.RunAsync(Push(Numbers("+15018902005", "+14258309029"), program: Guid.NewGuid().ToString()), EngageOf(sandbox));

        AssertEnds(ExitCodes.VendorError, run);
        Assert.Equal(0, sandbox.Engage.AcceptedDestinations);
    }

    [Fact]
    public async Task Refused_credentials_are_3()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        var run = await NotifyProcess.RunAsync(["onc", "campaigns", "list"], OncOf(sandbox, password: "not-the-password"));

        AssertEnds(ExitCodes.VendorError, run);
        Assert.DoesNotContain("not-the-password", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_onc_campaign_is_3_and_no_contact_is_sent()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var contacts = Path.Combine(_directory, "contacts.csv");
        File.WriteAllLines(contacts, ["sms", "+15550100001", "+15550100002"]);

        var run = await NotifyProcess.RunAsync(["onc", "contacts", "add", "--campaign", Guid.NewGuid().ToString(), "--file", contacts], OncOf(sandbox));

        AssertEnds(ExitCodes.VendorError, run);
        Assert.Contains("ONC has no campaign", string.Join(' ', run.Output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal); // the summary wraps at 80 columns
        Assert.Equal(0, sandbox.Onc.CallsTo("AddCampaignContact"));
    }

    [Fact]
    public async Task An_accengage_message_that_does_not_exist_is_3()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var variables = WithoutTimeout(Accengage(sandbox.AccengageBaseUrl));
        variables["NOTIFY_ACCENGAGE__USEREMAIL"] = sandbox.Options.Accengage.UserEmail;
        variables["NOTIFY_ACCENGAGE__APIKEY"] = sandbox.Options.Accengage.ApiKey;
        variables["NOTIFY_ACCENGAGE__PARTNERID"] = "myPartnerId";

        var run = await NotifyProcess.RunAsync(["accengage", "send", "--message", "999999", "--target", "device-1"], variables);

        AssertEnds(ExitCodes.VendorError, run);
        Assert.Contains("Message 999999 not found", string.Join(' ', run.Output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_vendor_is_3_for_a_batch_command_and_for_list_commands_alike()
    {
        var push = NotifyProcess.RunAsync(Push(Numbers("+15018902005")), Engage(UnreachableUrl()));
        var accengage = NotifyProcess.RunAsync(["accengage", "campaigns", "list"], Accengage(UnreachableUrl()));
        var onc = NotifyProcess.RunAsync(["onc", "campaigns", "list"], Onc(UnreachableUrl("onc.svc")));

        foreach (var run in await Task.WhenAll(push, accengage, onc))
            AssertEnds(ExitCodes.VendorError, run);
    }

    [Fact]
    public async Task A_vendor_that_never_answers_is_3_after_the_timeout()
    {
        await using var server = await SilentServerAsync();

        var push = NotifyProcess.RunAsync(Push(Numbers("+15018902005")), Engage(server.BaseUrl));
        var list = NotifyProcess.RunAsync(["accengage", "campaigns", "list"], Accengage(server.BaseUrl));

        foreach (var run in await Task.WhenAll(push, list))
            AssertEnds(ExitCodes.VendorError, run);
        Assert.NotEmpty(server.Requests);
    }

    [Fact]
    public async Task Ctrl_c_is_130()
    {
        await using var server = await SilentServerAsync();
        using var notify = NotifyProcess.Start(Push(Numbers("+15018902005")), Engage(server.BaseUrl, timeout: "00:10:00"));
        while (server.Requests.Count == 0)
            await Task.Delay(50); // until notify is waiting on the wire

        // The first Ctrl-C waits for the answers on the wire (this server never gives one); the second abandons them.
        notify.Interrupt();
        await Task.Delay(500);
        notify.Interrupt();

        AssertEnds(ExitCodes.Cancelled, await notify.WaitAsync());
    }

    [Fact]
    public async Task Verbose_adds_the_stack_trace()
    {
        var run = await NotifyProcess.RunAsync(["--verbose", .. Push(_directory)], Engage(UnreachableUrl()));

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.True(run.HasStackTrace, run.ToString());
    }
}
