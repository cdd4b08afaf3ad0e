using Spectre.Console;

namespace Contracts.Cli.Output;

/// <summary>A progress bar on a terminal; nothing when the output is a pipe, a file or --json.</summary>
public static class ProgressView
{
    /// <summary>Runs <paramref name="work"/>, which reports progress through the callback it is given.</summary>
    public static Task RunAsync(CommandContext context, string description, long total, Func<Action<int>, Task> work)
        => RunAsync(context, description, total, CancellationToken.None, work);

    /// <summary>
    /// Runs <paramref name="work"/>, which reports progress through the callback it is given; once <paramref name="stopped"/>
    /// is cancelled, the bar stays where the work got to rather than jumping to 100%.
    /// </summary>
    public static async Task RunAsync(CommandContext context, string description, long total, CancellationToken stopped, Func<Action<int>, Task> work)
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
                if (stopped.IsCancellationRequested)
                    task.StopTask();
                else
                    task.Value = task.MaxValue; // the total counted lines; a header or blank lines are not items
            }).ConfigureAwait(false);
    }
}
