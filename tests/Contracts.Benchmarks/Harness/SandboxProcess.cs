using System.Diagnostics;

namespace Contracts.Benchmarks.Harness;

/// <summary>The sandbox in a process of its own; stops when disposed (its standard input closes).</summary>
public sealed class SandboxProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SandboxProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public Uri EngageBaseUrl => new(BaseUrl, "engage/");

    /// <summary>The process id, for a batch run that measures the sandbox's CPU time beside its own.</summary>
    public int Id => _process.Id;

    public static async Task<SandboxProcess> StartAsync()
    {
        var process = ChildProcess.Start("serve-sandbox");
        var line = await process.StandardOutput.ReadLineAsync().ConfigureAwait(false) ?? throw new InvalidOperationException("the sandbox process printed nothing");
        return new SandboxProcess(process, new Uri(line.Trim()));
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        await _process.WaitForExitAsync().ConfigureAwait(false);
        _process.Dispose();
    }
}
