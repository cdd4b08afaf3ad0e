using Spectre.Console;

namespace Contracts.Cli.Demo;

/// <summary>The demo's record: each step, printed as it happens and listed at the end (or as JSON).</summary>
internal sealed class DemoSteps(CommandContext context)
{
    private readonly List<DemoStep> _steps = [];

    public IReadOnlyList<DemoStep> All => _steps;

    public void Heading(string title)
    {
        if (!context.Json)
            context.Console.MarkupLineInterpolated($"[bold underline]{title}[/]");
    }

    /// <summary>Records a step: <paramref name="name"/> (e.g. engage.batch), what happened, and whether that is what the vendor documents.</summary>
    public void Record(string name, string what, bool asExpected)
    {
        if (!context.Json)
            context.Console.MarkupLine($"{(asExpected ? "[green]ok[/]" : "[red]UNEXPECTED[/]")}  {Markup.Escape(what)}");
        _steps.Add(new DemoStep(name, what, asExpected));
    }
}

/// <summary>One demo step.</summary>
internal sealed record DemoStep(string Name, string What, bool AsExpected);
