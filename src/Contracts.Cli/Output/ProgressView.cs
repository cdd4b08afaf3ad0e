using Spectre.Console;

namespace Contracts.Cli.Output;

/// <summary>A progress bar on a terminal; nothing when the output is a pipe, a file or --json.</summary>
public static class ProgressView
{
    /// <summary>Runs <paramref name="work"/>, which reports progress through the callback it is given.</summary>
    public static async Task RunAsync(CommandContext context, string description, long total, Func<Action<int>, Task> work)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(work);
        if (!context.Interactive)
        {
            await work(_ => { }).ConfigureAwait(false);
            return;
        }

        await context.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(description, maxValue: Math.Max(total, 1));
                await work(count => task.Increment(count)).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
    }
}
