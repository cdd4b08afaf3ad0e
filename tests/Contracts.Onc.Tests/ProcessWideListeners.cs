namespace Contracts.Onc.Tests;

/// <summary>Tests that attach a listener mid-call: no other test may be listening to the same source meanwhile.</summary>
[CollectionDefinition(nameof(ProcessWideListeners), DisableParallelization = true)]
public sealed class ProcessWideListeners;
