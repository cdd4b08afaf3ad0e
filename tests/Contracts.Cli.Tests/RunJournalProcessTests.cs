using System.Globalization;
using System.Text;
using System.Text.Json;
using Sylvan.Data.Csv;

namespace Contracts.Cli.Tests;

/// <summary>
/// A 100,000-number ENGAGE push run as its own process and ended by SIGINT, SIGTERM or SIGKILL at a seeded moment
/// (after a seeded number of requests reached the server), then resumed: every number ends with exactly one final
/// outcome in the journal and the server never receives a number twice, unless --resend-unknown sends again one whose
/// outcome was unknown.
/// </summary>
public sealed class RunJournalProcessTests : IDisposable
{
    private const int Numbers = 100_000;
    private const string Program = "3e1b9b27-d1f9-4c8d-800f-bb534d6928d6";
    private const string Group = "935b91a0-f2fb-4c43-b629-63fea6634512";
    private readonly string _directory = Directory.CreateTempSubdirectory("notify-journal-").FullName;
    private readonly string _input;
    private readonly string _journal;

    public RunJournalProcessTests()
    {
        _input = Path.Combine(_directory, "numbers.txt");
        _journal = Path.Combine(_directory, "journal.csv");
        var numbers = new StringBuilder();
        for (var i = 0; i < Numbers; i++)
            numbers.Append(CultureInfo.InvariantCulture, $"+1555{i:D7}\n");
        File.WriteAllText(_input, numbers.ToString());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("INT", 1501)]
    [InlineData("TERM", 1502)]
    [InlineData("KILL", 1503)]
    public async Task A_run_ended_by_a_signal_then_resumed_gives_every_number_one_outcome_and_sends_none_twice(string signal, int seed)
    {
        var random = new Random(seed);
        await using var engage = await RecordingEngage.StartAsync();
        engage.PushDelay = TimeSpan.FromMilliseconds(random.Next(5, 40));
        var moment = random.Next(2, 190); // of 200 pushes of 500

        var stopped = await RunUntilAsync(engage, moment, signal, "--outcomes", _journal);

        var journal = ReadJournal();
        Assert.All(engage.Received, number => Assert.Equal(1, number.Value));
        // Write-ahead: whatever reached the server was journaled before it left.
        Assert.All(engage.Received.Keys, number => Assert.Contains(journal.Final[number], new[] { "Accepted", "InFlight" }));
        Assert.All(journal.Final.Where(item => item.Value == "Accepted"), item => Assert.True(engage.Received.ContainsKey(item.Key)));
        var unknown = journal.Final.Where(item => item.Value == "InFlight").Select(item => item.Key).ToHashSet();
        if (signal != "KILL")
        {
            // Stopped, not killed: the requests on the wire were waited for, then everything was written.
            Assert.Equal(ExitCodes.Cancelled, stopped.ExitCode);
            Assert.Empty(unknown);
            Assert.Equal(Numbers, journal.Final.Count);
            var summary = JsonDocument.Parse(stopped.Output).RootElement;
            Assert.True(summary.GetProperty("cancelled").GetBoolean());
            Assert.Equal((Numbers, engage.Received.Count, 0), (summary.GetProperty("total").GetInt32(), summary.GetProperty("accepted").GetInt32(), summary.GetProperty("unknown").GetInt32()));
            Assert.Equal(Numbers - engage.Received.Count, journal.Final.Count(item => item.Value == "NotAttempted"));
        }

        var resumed = await RunAsync(engage, "--resume", _journal);

        Assert.Equal(unknown.Count == 0 ? ExitCodes.Success : ExitCodes.PartialFailure, resumed.ExitCode);
        journal = ReadJournal();
        Assert.Equal(Numbers, journal.Final.Count);
        Assert.All(journal.Final, item => Assert.Equal(unknown.Contains(item.Key) ? "Unknown" : "Accepted", item.Value));
        Assert.All(engage.Received, number => Assert.Equal(1, number.Value));
        Assert.Equal(Numbers - unknown.Count(number => !engage.Received.ContainsKey(number)), engage.Received.Count);
        Assert.Equal(2, journal.Runs);

        if (unknown.Count == 0)
            return;
        var resent = await RunAsync(engage, "--resume", _journal, "--resend-unknown");

        Assert.Equal(ExitCodes.Success, resent.ExitCode);
        journal = ReadJournal();
        Assert.All(journal.Final, item => Assert.Equal("Accepted", item.Value));
        Assert.Equal(Numbers, engage.Received.Count);
        // Only the numbers of unknown outcome were sent again, each once more: twice if the killed run's request had reached the server.
        Assert.All(engage.Received, number => Assert.Equal(unknown.Contains(number.Key) && number.Value == 2 ? 2 : 1, number.Value));
    }

    [Fact]
    public async Task A_second_ctrl_c_abandons_the_requests_on_the_wire_which_stay_unknown_until_resent()
    {
        await using var engage = await RecordingEngage.StartAsync();
        engage.PushDelay = TimeSpan.FromMinutes(5); // never answered in this run

        using var process = NotifyProcess.Start(Push("--outcomes", _journal, "--concurrency", "4", "--json"), engage.Settings);
        await WhenAsync(process, () => engage.Pushes >= 4);
        process.Signal("INT");
        process.Signal("INT");
        var (exitCode, output, _) = await process.WaitAsync();

        Assert.Equal(ExitCodes.Cancelled, exitCode);
        var summary = JsonDocument.Parse(output).RootElement;
        Assert.Equal((0, 2_000, Numbers - 2_000), (summary.GetProperty("accepted").GetInt32(), summary.GetProperty("unknown").GetInt32(), summary.GetProperty("notAttempted").GetInt32()));
        var journal = ReadJournal();
        Assert.Equal(2_000, journal.Final.Count(item => item.Value == "Unknown"));
        Assert.All(engage.Received.Keys, number => Assert.Equal("Unknown", journal.Final[number]));

        engage.PushDelay = TimeSpan.Zero;
        var resent = await RunAsync(engage, "--resume", _journal, "--resend-unknown");

        Assert.Equal(ExitCodes.Success, resent.ExitCode);
        Assert.All(ReadJournal().Final, item => Assert.Equal("Accepted", item.Value));
        Assert.Equal(Numbers, engage.Received.Count);
        Assert.Equal(2_000, engage.Received.Count(number => number.Value == 2));
    }

    [Fact]
    public async Task A_journal_of_another_input_is_refused_and_nothing_is_sent()
    {
        await using var engage = await RecordingEngage.StartAsync();
        var other = Path.Combine(_directory, "other.txt");
        File.WriteAllText(other, "+15550000001\n");
        Assert.Equal(ExitCodes.Success, (await RunAsync(engage, ["--outcomes", _journal], file: other)).ExitCode);
        var pushes = engage.Pushes;

        var resumed = await RunAsync(engage, "--resume", _journal);

        Assert.Equal(ExitCodes.InvalidInput, resumed.ExitCode);
        Assert.Contains("is the journal of another input or command", resumed.Error, StringComparison.Ordinal);
        Assert.Equal(pushes, engage.Pushes);
    }

    private string[] Push(params string[] options)
        => ["engage", "push", "-f", _input, "--program", Program, "--group", Group, "--batch-size", "500", .. options];

    private async Task<NotifyResult> RunUntilAsync(RecordingEngage engage, int pushes, string signal, params string[] options)
    {
        using var process = NotifyProcess.Start(Push([.. options, "--json"]), engage.Settings);
        await WhenAsync(process, () => engage.Pushes >= pushes);
        process.Signal(signal);
        return await process.WaitAsync();
    }

    private Task<NotifyResult> RunAsync(RecordingEngage engage, params string[] options) => RunAsync(engage, options, _input);

    private async Task<NotifyResult> RunAsync(RecordingEngage engage, string[] options, string file)
    {
        using var process = NotifyProcess.Start(["engage", "push", "-f", file, "--program", Program, "--group", Group, "--batch-size", "500", .. options, "--json"], engage.Settings);
        return await process.WaitAsync();
    }

    private static async Task WhenAsync(NotifyProcess process, Func<bool> condition)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!condition())
        {
            if (process.HasExited)
                Assert.Fail($"notify ended before the moment to signal it: {await process.WaitAsync()}");
            await Task.Delay(5, bound.Token);
        }
    }

    /// <summary>The journal's last row per number (its outcome) and how many runs it records.</summary>
    private (Dictionary<string, string> Final, int Runs) ReadJournal()
    {
        using var reader = CsvDataReader.Create(_journal);
        var final = new Dictionary<string, string>(StringComparer.Ordinal);
        var runs = 0;
        var torn = false;
        while (reader.Read())
        {
            Assert.Equal(["item", "bNumber", "outcome"], new[] { reader.GetName(0), reader.GetName(1), reader.GetName(2) });
            // SIGKILL can cut the row being written; only the last row can be cut, and it is not an outcome (as --resume reads it).
            Assert.False(torn, "a cut row that is not the journal's last");
            if (reader.RowFieldCount < reader.FieldCount)
            {
                torn = true;
                continue;
            }
            if (reader.GetString(2) == "Run")
            {
                runs++;
                continue;
            }
            var number = reader.GetString(1).TrimStart('\'');
            Assert.Equal(long.Parse(number[5..], CultureInfo.InvariantCulture) + 1, long.Parse(reader.GetString(0), CultureInfo.InvariantCulture));
            final[number] = reader.GetString(2);
        }
        return (final, runs);
    }
}
