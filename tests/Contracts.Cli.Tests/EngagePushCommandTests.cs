namespace Contracts.Cli.Tests;

public sealed class EngagePushCommandTests : IDisposable
{
    private const string Program = "3e1b9b27-d1f9-4c8d-800f-bb534d6928d6";
    private readonly string _directory = Directory.CreateTempSubdirectory("notify-tests").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WriteFile(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public async Task Hundred_thousand_numbers_from_a_file_are_each_reported_exactly_once_against_the_sandbox()
    {
        var numbers = Enumerable.Range(0, 100_000).Select(i => $"+1555{i:D7}").ToList();
        numbers[12_345] = "12345"; // one bad line: rejected by validation, never sent
        var file = WriteFile("numbers.txt", numbers);
        var failures = Path.Combine(_directory, "failures.csv");

        var run = await CliRun.RunAsync("engage", "push", "--file", file, "--program", Program, "--anumber", "+5014008029", "--json", "--failures", failures, "--sandbox");

        Assert.Equal(ExitCodes.PartialFailure, run.ExitCode);
        Assert.Contains("using the embedded sandbox", run.Error, StringComparison.Ordinal);
        var json = run.Json;
        Assert.Equal(100_000, json.GetProperty("total").GetInt64());
        Assert.Equal(99_999, json.GetProperty("accepted").GetInt64());
        Assert.Equal(1, json.GetProperty("rejected").GetInt64());
        Assert.Equal(0, json.GetProperty("notAttempted").GetInt64());
        Assert.True(json.GetProperty("sandbox").GetBoolean());
        var failureLines = File.ReadAllLines(failures);
        Assert.Equal(2, failureLines.Length);
        Assert.StartsWith("12345,Rejected,InvalidInput", failureLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_with_header_tracking_id_and_personalization_is_read()
    {
        var file = WriteFile("numbers.csv", ["bNumber;customTrackingId;MY_VAR", "+15018902005;t-1;Hello", "+14258309029;t-2;World"]);

        var run = await CliRun.RunAsync("engage", "push", "-f", file, "--program", Program, "--group", "935b91a0-f2fb-4c43-b629-63fea6634512", "--json", "--sandbox");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(2, run.Json.GetProperty("accepted").GetInt64());
    }

    [Fact]
    public async Task Unowned_aNumber_is_reported_with_the_vendor_error_code_and_exits_3()
    {
        var file = WriteFile("numbers.txt", Enumerable.Range(0, 10).Select(i => $"+1555{i:D7}"));

        var run = await CliRun.RunAsync("engage", "push", "-f", file, "--program", Program, "--anumber", "+15559999999", "--json", "--sandbox");

        Assert.Equal(ExitCodes.VendorError, run.ExitCode); // ENGAGE refused what every request shares: nothing could be accepted
        var failure = Assert.Single(run.Json.GetProperty("failures").EnumerateArray());
        Assert.Equal("200", failure.GetProperty("errorCode").GetString());
        Assert.Contains("Not allowed to use one or more anumbers.", failure.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_program_is_summarised_once_with_each_detail_once()
    {
        var file = WriteFile("numbers.txt", ["+15018902005", "+14258309029"]);

        var run = await CliRun.RunAsync("engage", "push", "-f", file, "--program", Guid.NewGuid().ToString(), "--anumber", "+5014008029", "--sandbox");

        Assert.Equal(ExitCodes.VendorError, run.ExitCode);
        var text = string.Join(' ', run.Output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)); // the summary wraps at 80 columns
        Assert.Equal(1, Occurrences(text, "HTTP 400"));
        Assert.Equal(1, Occurrences(text, "error code 400"));
        Assert.Equal(1, Occurrences(text, "unknown (the vendor may have them)"));
    }

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    [Fact]
    public async Task Both_aNumbers_and_group_is_a_usage_error()
    {
        var file = WriteFile("numbers.txt", ["+15550000001"]);

        var run = await CliRun.RunAsync("engage", "push", "-f", file, "--program", Program, "--anumber", "+5014008029", "--group", "935b91a0-f2fb-4c43-b629-63fea6634512", "--sandbox");

        Assert.NotEqual(ExitCodes.Success, run.ExitCode);
        Assert.Contains("either --anumber", run.Error + run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_that_is_not_a_uuid_is_a_usage_error_not_a_crash()
    {
        var file = WriteFile("numbers.txt", ["+15550000001"]);

        var run = await CliRun.RunAsync("engage", "push", "-f", file, "--program", Program, "--group", "xyz", "--sandbox");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("xyz", run.Error + run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_push_settings_exit_2_and_send_nothing()
    {
        var file = WriteFile("numbers.txt", ["+15550000001"]);

        var run = await CliRun.RunAsync("engage", "push", "-f", file, "--program", Program, "--anumber", "not-a-number", "--ttl", "0", "--sandbox");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("aNumbers[0] 'not-a-number' does not match the contract's pattern", run.Error, StringComparison.Ordinal);
        Assert.Contains("ttlSeconds must be at least 1", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("sandbox", run.Error, StringComparison.Ordinal); // failed before connecting
    }

    [Fact]
    public async Task Help_is_available_for_every_command()
    {
        foreach (var args in new[] { new[] { "--help" }, ["demo", "--help"], ["engage", "--help"], ["engage", "push", "--help"] })
        {
            var run = await CliRun.RunAsync(args);
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Demo_runs_every_step_as_documented()
    {
        var run = await CliRun.RunAsync("demo", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var steps = run.Json.GetProperty("steps").EnumerateArray().ToList();
        Assert.Contains(steps, s => s.GetProperty("name").GetString() == "engage.batch");
        Assert.Contains(steps, s => s.GetProperty("name").GetString() == "accengage.instant-message");
        Assert.All(steps, s => Assert.True(s.GetProperty("asExpected").GetBoolean(), s.GetProperty("what").GetString()));
    }

    [Fact]
    public async Task Demo_shows_the_sandbox_program_and_group_and_the_engage_push_command_they_work_with()
    {
        var demo = await CliRun.RunAsync("demo", "--json", "--destinations", "10");
        var tryIt = demo.Json.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "engage.try-it").GetProperty("what").GetString()!;
        var command = tryIt[(tryIt.IndexOf("notify engage push", StringComparison.Ordinal) + "notify ".Length)..].Split(' ');
        var file = WriteFile("numbers.txt", ["+15018902005"]);

        // The command as the demo prints it, with a real file: the sandbox accepts the push.
        var push = await CliRun.RunAsync([.. command.Select(arg => arg == "numbers.txt" ? file : arg), "--json"]);

        Assert.Contains(Contracts.Sandbox.Engage.EngageSandboxOptions.DemoProgram.ToString(), tryIt, StringComparison.Ordinal);
        Assert.Contains(Contracts.Sandbox.Engage.EngageSandboxOptions.DemoANumberGroup.ToString(), tryIt, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, push.ExitCode);
        Assert.Equal(1, push.Json.GetProperty("accepted").GetInt64());
    }

    [Fact]
    public async Task The_ttl_defaults_to_what_engage_recommends_and_the_help_says_so()
    {
        var run = await CliRun.RunAsync("engage", "push", "--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"default {Contracts.Engage.EngagePush.RecommendedTtlSeconds}", run.Output, StringComparison.Ordinal);
        Assert.Contains($"[default: {Contracts.Engage.EngagePush.RecommendedTtlSeconds}]", run.Output, StringComparison.Ordinal);
    }
}
