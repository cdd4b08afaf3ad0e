namespace Contracts.AotSmoke;

/// <summary>Runs named steps, prints each one's outcome and counts failures: one failing step does not hide the others.</summary>
internal sealed class SmokeSteps
{
    public int Failed { get; private set; }

    public int Passed { get; private set; }

    public async Task RunAsync(string name, Func<Task<string>> step)
    {
        try
        {
            var detail = await step().ConfigureAwait(false);
            Passed++;
            Console.WriteLine($"ok      {name}: {detail}");
        }
        catch (Exception ex)
        {
            Failed++;
            Console.WriteLine($"FAILED  {name}: {ex.GetType().Name}: {ex.Message}");
            Console.WriteLine(ex.StackTrace);
        }
    }

    public static void Require(bool condition, string what)
    {
        if (!condition)
            throw new InvalidOperationException("unexpected answer: " + what);
    }
}
