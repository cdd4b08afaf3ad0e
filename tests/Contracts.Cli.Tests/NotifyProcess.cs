using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Contracts.Cli.Tests;

/// <summary>
/// Runs notify as users and cron jobs do: a separate process (<c>dotnet notify.dll</c>, the build beside the tests),
/// with only the NOTIFY_* variables a test gives, capturing standard output, standard error and the exit code.
/// </summary>
internal sealed class NotifyProcess : IDisposable
{
    // Not an assertion on speed: a bound so that a hung process fails the test instead of the whole run.
    private static readonly TimeSpan HangBound = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private NotifyProcess(Process process) => _process = process;

    /// <summary>
    /// notify's own build output: tests/Contracts.Cli.Tests/bin/{configuration}/{framework}/ →
    /// src/Contracts.Cli/bin/{configuration}/{framework}/notify.dll. The copy beside the tests carries the tests'
    /// dependency list, not notify's, so it can miss an assembly notify needs.
    /// </summary>
    public static string Dll { get; } = NotifyBuildOutput();

    private static string NotifyBuildOutput()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = framework.Parent!;
        var repository = configuration.Parent!.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(repository, "src", "Contracts.Cli", "bin", configuration.Name, framework.Name, "notify.dll");
    }

    /// <summary>Starts notify with <paramref name="args"/> and <paramref name="variables"/> (every other NOTIFY_* variable removed).</summary>
    public static NotifyProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? variables = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith(CliSettings.EnvironmentPrefix, StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        var process = new Process { StartInfo = start };
        var notify = new NotifyProcess(process);
        process.OutputDataReceived += (_, e) => notify.Append(notify._output, e.Data);
        process.ErrorDataReceived += (_, e) => notify.Append(notify._error, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return notify;
    }

    /// <summary>Runs notify to its end.</summary>
    public static async Task<NotifyResult> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? variables = null)
    {
        using var notify = Start(args, variables);
        return await notify.WaitAsync();
    }

    /// <summary>
    /// Waits until standard output holds a first line (a server's announcement, such as `notify sandbox --json`) and
    /// returns it; fails if the process ends first.
    /// </summary>
    public async Task<string> FirstOutputLineAsync()
    {
        using var bound = new CancellationTokenSource(HangBound);
        while (true)
        {
            var output = Text(_output);
            var end = output.IndexOf('\n', StringComparison.Ordinal);
            if (end >= 0)
                return output[..end];
            if (_process.HasExited)
                throw new InvalidOperationException($"notify ended before writing a line: {await WaitAsync()}");
            await Task.Delay(50, bound.Token);
        }
    }

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does.</summary>
    public void Interrupt() => Signal("INT");

    /// <summary>
    /// Sends a signal as a scheduler or an operator does: "INT" (Ctrl+C), "TERM" (a stop request) or "KILL" (no chance
    /// to react).
    /// </summary>
    public void Signal(string name)
    {
        if (name == "KILL")
        {
            _process.Kill();
            return;
        }
        var number = name switch
        {
            "INT" => SigInt,
            "TERM" => SigTerm,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "INT, TERM or KILL"),
        };
        if (!OperatingSystem.IsWindows() && SendSignal(_process.Id, number) != 0)
            throw new InvalidOperationException($"kill(SIG{name}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>Waits for the process to end and returns what it wrote.</summary>
    public async Task<NotifyResult> WaitAsync()
    {
        using var bound = new CancellationTokenSource(HangBound);
        try
        {
            await _process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"notify did not end within {HangBound}; stderr so far:\n{Text(_error)}");
        }
        _process.WaitForExit(); // drains the redirected streams
        return new NotifyResult(_process.ExitCode, Text(_output), Text(_error));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private void Append(StringBuilder text, string? line)
    {
        if (line is null)
            return;
        lock (text)
            text.Append(line).Append('\n');
    }

    private static string Text(StringBuilder text)
    {
        lock (text)
            return text.ToString();
    }

    private const int SigInt = 2;
    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}

/// <summary>What a notify process wrote and how it ended.</summary>
internal sealed record NotifyResult(int ExitCode, string Output, string Error)
{
    /// <summary>Whether standard error holds a .NET stack trace ("   at Namespace.Type.Method(...)").</summary>
    public bool HasStackTrace => Error.Contains("   at ", StringComparison.Ordinal) || Error.Contains("Unhandled exception", StringComparison.Ordinal);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
