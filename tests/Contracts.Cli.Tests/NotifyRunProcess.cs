using System.Diagnostics;

namespace Contracts.Cli.Tests;

/// <summary>
/// notify run as a separate process (<see cref="NotifyProcess.Dll"/>, run by the dotnet host) for a long run, so that signals
/// reach it as they reach a scheduled job: SIGINT and SIGTERM through kill(1), SIGKILL through <see cref="Process.Kill()"/>.
/// </summary>
internal sealed class NotifyRunProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task<string> _error;

    private NotifyRunProcess(Process process)
    {
        _process = process;
        _output = process.StandardOutput.ReadToEndAsync();
        _error = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts notify with <paramref name="arguments"/>; no NOTIFY_* variable of the test process reaches it, only <paramref name="environment"/>.</summary>
    public static NotifyRunProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(NotifyProcess.Dll);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("NOTIFY_", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        return new NotifyRunProcess(Process.Start(start)!);
    }

    /// <summary>Sends SIGINT (what Ctrl-C sends), SIGTERM or SIGKILL.</summary>
    public void Signal(string signal)
    {
        if (signal == "KILL")
        {
            _process.Kill();
            return;
        }
        using var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode != 0)
            throw new InvalidOperationException($"kill -{signal} {_process.Id} failed ({kill.ExitCode}).");
    }

    /// <summary>Waits for the process to end (at most two minutes) and returns what it did.</summary>
    public async Task<(int ExitCode, string Output, string Error)> ExitAsync()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await _process.WaitForExitAsync(bound.Token);
        return (_process.ExitCode, await _output, await _error);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill();
        _process.Dispose();
    }
}
