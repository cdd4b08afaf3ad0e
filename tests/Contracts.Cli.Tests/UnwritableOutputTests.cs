using System.Text.Json;
using Contracts.Cli.Output;
using Contracts.Sandbox;
using Contracts.Sandbox.Onc;

namespace Contracts.Cli.Tests;

/// <summary>
/// A run whose --outcomes journal or --failures file stops being writable midway (a full disk, simulated through
/// <see cref="CsvOutput.WriteThrough"/>): no request starts after it, every item is still in the summary, what the
/// summary says was accepted is exactly what the vendor got, and notify ends with 1 naming the file, not with
/// 2 and "nothing was sent". Before the first request leaves, the same failure is still 2 and nothing is sent.
/// </summary>
public sealed class UnwritableOutputTests : IDisposable
{
    private const string Program = "3e1b9b27-d1f9-4c8d-800f-bb534d6928d6";
    private static readonly string Campaign = OncSandboxOptions.DemoCampaign.ToString();
    private readonly string _directory = Directory.CreateTempSubdirectory("notify-unwritable").FullName;

    public void Dispose()
    {
        CsvOutput.WriteThrough.Value = null;
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>A file stream on a disk that fills up: the first <paramref name="lines"/> lines go through; a write that would go past them, and every later one, fails.</summary>
    private sealed class FillingStream(Stream inner, int lines) : Stream
    {
        private int _lines;
        private bool _full;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _lines += buffer.Count((byte)'\n');
            _full |= _lines > lines;
            if (_full)
                throw new IOException("No space left on device");
            inner.Write(buffer);
        }

        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }

    private string Path(string name) => System.IO.Path.Combine(_directory, name);

    private string WriteFile(string name, IEnumerable<string> lines)
    {
        File.WriteAllLines(Path(name), lines);
        return Path(name);
    }

    /// <summary>Makes <paramref name="file"/> fill the disk after <paramref name="rows"/> rows (the header is one).</summary>
    private static void FillsAfter(string file, int rows)
        => CsvOutput.WriteThrough.Value = (path, stream) => path == file ? new FillingStream(stream, rows) : stream;

    private string Settings(SandboxServer sandbox) => WriteFile("settings.json", [JsonSerializer.Serialize(new
    {
        Engage = new { BaseUrl = sandbox.EngageBaseUrl, sandbox.Options.Engage.ClientId, sandbox.Options.Engage.ClientSecret },
        Onc = new { BaseUrl = sandbox.OncBaseUrl, sandbox.Options.Onc.AccountId, sandbox.Options.Onc.UserName, sandbox.Options.Onc.Password },
        Accengage = new { BaseUrl = sandbox.AccengageBaseUrl, sandbox.Options.Accengage.UserEmail, sandbox.Options.Accengage.ApiKey, PartnerId = "myPartnerId" },
    })]);

    private static (long Total, long Accepted, long Rejected, long Unknown, long NotAttempted) Counts(CliRun run)
    {
        var json = run.Json; // stdout is still one valid JSON document
        return (json.GetProperty("total").GetInt64(), json.GetProperty("accepted").GetInt64(), json.GetProperty("rejected").GetInt64(),
            json.GetProperty("unknown").GetInt64(), json.GetProperty("notAttempted").GetInt64());
    }

    private static void AssertEndsWith1NamingTheFile(CliRun run, string file, string advice)
    {
        Assert.True(run.ExitCode == ExitCodes.PartialFailure, $"exit {run.ExitCode}: {run.Error}");
        Assert.Contains($"{file} could not be written", run.Error, StringComparison.Ordinal);
        Assert.Contains("items had been sent", run.Error, StringComparison.Ordinal);
        Assert.Contains(advice, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("nothing was sent", run.Error, StringComparison.Ordinal);
    }

    private string[] Push(SandboxServer sandbox, int numbers, Func<int, string>? number = null) =>
    [
        "engage", "push", "--file", WriteFile("numbers.txt", Enumerable.Range(0, numbers).Select(number ?? (i => $"+1555{i:D7}"))),
        "--program", Program, "--anumber", "+5014008029", "--batch-size", "10", "--concurrency", "1", "--json", "--settings", Settings(sandbox),
    ];

    [Fact]
    public async Task Engage_push_whose_journal_fills_up_reports_every_number_and_exits_1()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var journal = Path("outcomes.csv");
        // Header, run row, then InFlight and Accepted rows for two requests of 10; the third request's InFlight rows fail.
        FillsAfter(journal, rows: 42);

        var run = await CliRun.RunAsync([.. Push(sandbox, 200), "--outcomes", journal]);

        AssertEndsWith1NamingTheFile(run, journal, "--resume (without --resend-unknown)");
        // Written ahead of the wire: the request whose InFlight row failed never left, nor did any after it.
        Assert.Equal((200L, 20L, 0L, 0L, 180L), Counts(run));
        Assert.Equal(20, sandbox.Engage.AcceptedDestinations);
        Assert.Equal(2, sandbox.Engage.AcceptedPushes);
    }

    [Fact]
    public async Task Engage_push_whose_answer_cannot_be_journaled_still_reports_that_request_accepted()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var journal = Path("outcomes.csv");
        FillsAfter(journal, rows: 52); // the third request's InFlight rows are written; its Accepted rows fail

        var run = await CliRun.RunAsync([.. Push(sandbox, 200), "--outcomes", journal]);

        AssertEndsWith1NamingTheFile(run, journal, "--resume");
        Assert.Equal((200L, 30L, 0L, 0L, 170L), Counts(run));
        Assert.Equal(30, sandbox.Engage.AcceptedDestinations);
        Assert.Equal(3, sandbox.Engage.AcceptedPushes);
    }

    [Fact]
    public async Task Engage_push_whose_failures_file_fills_up_stops_sending_and_exits_1_with_the_summary()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var failures = Path("failures.csv");
        FillsAfter(failures, rows: 3); // the header and two refused numbers

        var run = await CliRun.RunAsync([.. Push(sandbox, 200, i => i % 5 == 4 ? "12345" : $"+1555{i:D7}"), "--failures", failures]);

        AssertEndsWith1NamingTheFile(run, failures, "do not simply rerun the same command");
        var (total, accepted, rejected, unknown, notAttempted) = Counts(run);
        Assert.Equal(200, total);
        Assert.Equal(0, unknown);
        Assert.True(notAttempted > 0, $"{notAttempted} not attempted");
        Assert.Equal(accepted, sandbox.Engage.AcceptedDestinations); // what the summary says left is what ENGAGE has, once
        Assert.Equal(accepted, sandbox.Engage.AcceptedPushes * 8);
        Assert.Equal(total, accepted + rejected + notAttempted);
    }

    [Fact]
    public async Task Engage_push_whose_journal_fails_before_the_first_request_is_still_2_and_sends_nothing()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var journal = Path("outcomes.csv");
        FillsAfter(journal, rows: 2); // header and run row: the first InFlight rows fail

        var run = await CliRun.RunAsync([.. Push(sandbox, 50), "--outcomes", journal]);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains($"{journal} could not be written", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, sandbox.Engage.AcceptedPushes);
    }

    [Fact]
    public async Task Onc_contacts_add_whose_journal_fills_up_reports_every_contact_and_exits_1()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var before = sandbox.Onc.ContactCount(OncSandboxOptions.DemoCampaign);
        var journal = Path("outcomes.csv");
        FillsAfter(journal, rows: 8); // header, run row, three contacts (one a request) sent and answered

        var contacts = WriteFile("contacts.csv", ["sms", .. Enumerable.Range(0, 20).Select(i => $"+1555010{i:D4}")]);
        var run = await CliRun.RunAsync("onc", "contacts", "add", "--campaign", Campaign, "--file", contacts, "--concurrency", "1",
            "--outcomes", journal, "--json", "--settings", Settings(sandbox));

        AssertEndsWith1NamingTheFile(run, journal, "--resume");
        Assert.Equal((20L, 3L, 0L, 0L, 17L), Counts(run));
        Assert.Equal(before + 3, sandbox.Onc.ContactCount(OncSandboxOptions.DemoCampaign));
    }

    [Fact]
    public async Task Accengage_devices_upsert_whose_journal_fills_up_reports_every_device_and_exits_1()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var journal = Path("outcomes.csv");
        FillsAfter(journal, rows: 8); // header, run row, two requests of two sent; the second's Accepted rows fail

        var devices = WriteFile("ids.txt", Enumerable.Range(0, 10).Select(i => $"{100_000 + i}"));
        var run = await CliRun.RunAsync("accengage", "devices", "upsert", "--list", "1235", "--by", "clientId", "--file", devices,
            "--batch-size", "2", "--concurrency", "1", "--outcomes", journal, "--json", "--settings", Settings(sandbox));

        AssertEndsWith1NamingTheFile(run, journal, "--resume");
        var (total, accepted, _, unknown, notAttempted) = Counts(run);
        Assert.Equal((10L, 0L), (total, unknown));
        Assert.Equal(10, accepted + notAttempted);
        Assert.Equal(accepted / 2, sandbox.Accengage.StaticListUpserts); // every request that left is reported accepted
        Assert.True(notAttempted >= 6, $"{notAttempted} not attempted");
    }
}
