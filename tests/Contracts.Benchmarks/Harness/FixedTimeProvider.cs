namespace Contracts.Benchmarks.Harness;

/// <summary>A clock that always says the same time, so a signature with a timestamp is the same on both sides.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
