using System.Diagnostics;
using System.Text.Json;

namespace Contracts.Benchmarks.Harness;

/// <summary>
/// Runs a mode of this same program in a fresh process, so each measurement's peak working set is its own and the
/// sandbox's memory never counts as the client's.
/// </summary>
public static class ChildProcess
{
    public static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        // Under `dotnet notify.dll`-style hosting the entry assembly is an argument of the host.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            info.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        return Process.Start(info) ?? throw new InvalidOperationException("could not start a child process");
    }

    /// <summary>Runs a child to completion and parses the JSON it prints last.</summary>
    public static async Task<JsonElement> RunForJsonAsync(params string[] args)
    {
        using var process = Start(args);
        var output = await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"child '{string.Join(' ', args)}' exited with {process.ExitCode}: {output}");
        var lastLine = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        using var document = JsonDocument.Parse(lastLine);
        return document.RootElement.Clone();
    }
}
