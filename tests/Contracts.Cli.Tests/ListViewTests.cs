using System.Text.Json;
using Contracts.Cli.Output;

namespace Contracts.Cli.Tests;

/// <summary>Every list command prints through one view: a table on a terminal, TSV with a header when piped, JSON with --json, with the same columns.</summary>
public sealed class ListViewTests
{
    private sealed record Campaign(long Id, string Name, bool Paused, string[] Channels, DateTimeOffset? Start);

    private static readonly ListColumn<Campaign>[] Columns =
    [
        new("id", c => c.Id), new("name", c => c.Name), new("paused", c => c.Paused), new("channels", c => c.Channels), new("start", c => c.Start),
    ];

    private static readonly Campaign[] Items =
    [
        new(7, "Summer\tsales\nagain", true, ["sms", "voice"], new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero)),
        new(8, "Winter", false, [], null),
    ];

    private static (string Output, string Error) Print(bool json, bool terminal)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var view = new ListView<Campaign>(new CommandContext(output, error, json, terminal), "Campaigns", Columns);
        foreach (var item in Items)
            view.Add(item);
        view.Complete($"{view.Count} campaigns.");
        return (output.ToString(), error.ToString());
    }

    [Fact]
    public void Piped_it_is_tsv_with_a_header_and_one_whole_row_per_item()
    {
        var (output, error) = Print(json: false, terminal: false);

        Assert.Equal(
            "id\tname\tpaused\tchannels\tstart\n7\tSummer sales again\ttrue\tsms, voice\t2026-06-01T09:00:00+00:00\n8\tWinter\tfalse\t\t\n",
            output.ReplaceLineEndings("\n"));
        Assert.Equal("2 campaigns.", error.Trim());
    }

    [Fact]
    public void With_json_it_is_an_array_of_objects_with_the_same_columns()
    {
        var (output, _) = Print(json: true, terminal: false);

        using var document = JsonDocument.Parse(output);
        var rows = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Equal(Columns.Select(c => c.Name), row.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(("Summer\tsales\nagain", true, "voice"), (rows[0].GetProperty("name").GetString(), rows[0].GetProperty("paused").GetBoolean(), rows[0].GetProperty("channels")[1].GetString()));
    }

    [Fact]
    public void On_a_terminal_it_is_a_table_with_the_same_columns()
    {
        var (output, _) = Print(json: false, terminal: true);

        var header = output.Split('\n').First(line => line.Contains("id", StringComparison.Ordinal) && line.Contains("channels", StringComparison.Ordinal));
        Assert.Equal(Columns.Select(c => c.Name), header.Split(['│', '|', ' '], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("sms, voice", output, StringComparison.Ordinal);
        Assert.Contains("─", output, StringComparison.Ordinal); // drawn as a table
    }
}
