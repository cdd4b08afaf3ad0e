namespace Contracts.Onc.Tests;

/// <summary>
/// How long a test waits for anything before it fails: far above every timeout the tests configure, so that a
/// regression that hangs ends as a failure instead of hanging the run.
/// </summary>
internal static class Bound
{
    public static readonly TimeSpan Test = TimeSpan.FromSeconds(30);
}
