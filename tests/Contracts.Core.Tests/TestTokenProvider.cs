using Contracts.Core.Authentication;

namespace Contracts.Core.Tests;

/// <summary>A provider whose "vendor" is a delegate, counting how often it is asked.</summary>
internal sealed class TestTokenProvider : CachingAccessTokenProvider
{
    private readonly Func<int, Task<AccessToken>> _issue;
    private int _calls;

    public TestTokenProvider(Func<int, Task<AccessToken>> issue, TimeProvider? time = null, TimeSpan? margin = null, IEnumerable<string>? allowedHosts = null)
        : base(time, margin, null, allowedHosts) => _issue = issue;

    public int Calls => Volatile.Read(ref _calls);

    protected override Task<AccessToken> AcquireTokenAsync(CancellationToken cancellationToken)
        => _issue(Interlocked.Increment(ref _calls));
}
