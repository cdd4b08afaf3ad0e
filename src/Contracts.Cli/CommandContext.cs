using System.Text.Json;
using Spectre.Console;

namespace Contracts.Cli;

/// <summary>What every command writes to: a console for people, or JSON for scripts.</summary>
public sealed class CommandContext
{
    // Output for terminals and scripts, never embedded in HTML: plain "+1555..." rather than "\u002B1555...".
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Creates the context over the invocation's writers.</summary>
    public CommandContext(TextWriter output, TextWriter error, bool json, bool interactive)
    {
        Output = output;
        Error = error;
        Json = json;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(json ? TextWriter.Null : output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        Interactive = interactive && !json;
    }

    /// <summary>Standard output.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error: notes such as "using the embedded sandbox" go here, so --json output stays parseable.</summary>
    public TextWriter Error { get; }

    /// <summary>Whether the command talks to the embedded sandbox (--sandbox or NOTIFY_SANDBOX=1) instead of the vendor.</summary>
    public bool UseSandbox { get; init; }

    /// <summary>Whether --verbose asked for the details (stack traces) of a failure.</summary>
    public bool Verbose { get; init; }

    /// <summary>Whether the result is printed as JSON.</summary>
    public bool Json { get; }

    /// <summary>Whether progress bars are drawn (a terminal, not --json).</summary>
    public bool Interactive { get; }

    /// <summary>The console for people (writes nothing under --json).</summary>
    public IAnsiConsole Console { get; }

    private static readonly JsonSerializerOptions CompactJsonOptions = new(JsonOptions) { WriteIndented = false };

    /// <summary>
    /// <paramref name="value"/> as JSON, as <see cref="WriteJson"/> writes it (compact when <paramref name="indented"/>
    /// is false), for output written piece by piece as results stream in.
    /// </summary>
    public static string Serialize(object value, bool indented = true) => JsonSerializer.Serialize(value, indented ? JsonOptions : CompactJsonOptions);

    /// <summary>Writes <paramref name="value"/> as indented JSON to standard output.</summary>
    public void WriteJson(object value) => Output.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    /// <summary>Writes a note for people to standard error.</summary>
    public void Note(string text) => Error.WriteLine(text);
}
