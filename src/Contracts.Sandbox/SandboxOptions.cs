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

    /// <summary>
    /// When true, each simulator answers in the alternative forms its vendor document shows and the contract accepts,
    /// instead of the contract's main form: the same values written another way. Accengage: errors as a bare array
    /// (an expired token as 400 API_ERR_TOKEN), the paging field spelled <c>link</c> as an array, campaign and schedule
    /// dates as <c>YYYY-MM-DD hh:mm:ss</c> (UTC), the button action <c>urlsheme</c>, a single schedule exclusion as one
    /// object, the device CSV without a header line when fields were requested. ENGAGE: <c>errorCode</c> as a string
    /// where it is a number and as a number where it is a string of digits. Ogangi and ONC: their documents show one
    /// form of each answer, so nothing changes. Default false.
    /// </summary>
    public bool DocumentVariants { get; set; }

    /// <summary>The simulated ENGAGE account.</summary>
    public EngageSandboxOptions Engage { get; } = new();

    /// <summary>The simulated Ogangi workspace.</summary>
    public OgangiSandboxOptions Ogangi { get; } = new();

    /// <summary>The simulated Accengage account.</summary>
    public AccengageSandboxOptions Accengage { get; } = new();

    /// <summary>The simulated ONC account.</summary>
    public OncSandboxOptions Onc { get; } = new();
}
