using Contracts.Core.Authentication;
using Microsoft.Extensions.Time.Testing;

namespace Contracts.Core.Tests;

/// <summary>A provider that overrides ExpiryOf (a credential that expires after inactivity) keeps it while it is used.</summary>
public sealed class SlidingExpiryTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_used_credential_outlives_its_first_expiry_and_an_idle_one_is_replaced()
    {
        var provider = new IdleTimeoutProvider(_time, TimeSpan.FromMinutes(20));

        var first = await provider.GetTokenAsync();
        for (var i = 0; i < 4; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(10));
            provider.Used();
            Assert.Same(first, await provider.GetTokenAsync());
        }
        _time.Advance(TimeSpan.FromMinutes(19)); // within the 60 s margin of 20 idle minutes

        Assert.NotSame(first, await provider.GetTokenAsync());
        Assert.Equal(2, provider.Acquisitions);
    }

    private sealed class IdleTimeoutProvider(TimeProvider time, TimeSpan idle) : CachingAccessTokenProvider(time, TimeSpan.FromSeconds(60), null, null)
    {
        private DateTimeOffset _lastUse;

        public int Acquisitions { get; private set; }

        public void Used() => _lastUse = TimeProvider.GetUtcNow();

        protected override Task<AccessToken> AcquireTokenAsync(CancellationToken cancellationToken)
        {
            Acquisitions++;
            _lastUse = TimeProvider.GetUtcNow();
            return Task.FromResult(new AccessToken($"credential-{Acquisitions}", _lastUse + idle));
        }

        protected override DateTimeOffset ExpiryOf(AccessToken token) => _lastUse + idle;
    }
}
