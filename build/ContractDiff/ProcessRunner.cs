using System.Diagnostics;

namespace Contracts.ContractDiff;

/// <summary>What a finished process wrote and returned.</summary>
internal sealed record ProcessResult(int ExitCode, byte[] Output, string Error);

/// <summary>Runs git and redocly: both streams read at once, so neither process blocks on a full pipe.</summary>
internal static class ProcessRunner
{
    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ContractDiffException($"could not start {fileName}");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new ContractDiffException($"could not start {fileName}: {ex.Message}");
        }
        using var _ = process;
        using var output = new MemoryStream();
        var copyOutput = process.StandardOutput.BaseStream.CopyToAsync(output);
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        copyOutput.GetAwaiter().GetResult();
        return new ProcessResult(process.ExitCode, output.ToArray(), error.GetAwaiter().GetResult());
    }
}
