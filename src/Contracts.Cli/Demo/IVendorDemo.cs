using Contracts.Sandbox;

namespace Contracts.Cli.Demo;

/// <summary>One vendor's part of `notify demo`: calls against the sandbox, each recorded as a step that says whether it behaved as documented.</summary>
internal interface IVendorDemo
{
    /// <summary>The vendor's heading.</summary>
    string Title { get; }

    /// <summary>Runs the vendor's steps.</summary>
    Task RunAsync(CommandContext context, SandboxServer sandbox, DemoSteps steps, CancellationToken cancellationToken);
}
