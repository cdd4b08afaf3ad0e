using Contracts.Sandbox.Accengage;
using Contracts.Sandbox.Engage;
using Contracts.Sandbox.Ogangi;
using Contracts.Sandbox.Onc;

namespace Contracts.Sandbox;

/// <summary>How the sandbox starts and what each simulated vendor account holds.</summary>
public sealed class SandboxOptions
{
    /// <summary>Port on 127.0.0.1; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The clock tokens and sessions expire by; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The simulated ENGAGE account.</summary>
    public EngageSandboxOptions Engage { get; } = new();

    /// <summary>The simulated Ogangi workspace.</summary>
    public OgangiSandboxOptions Ogangi { get; } = new();

    /// <summary>The simulated Accengage account.</summary>
    public AccengageSandboxOptions Accengage { get; } = new();

    /// <summary>The simulated ONC account.</summary>
    public OncSandboxOptions Onc { get; } = new();
}
