using Contracts.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Contracts.Engage.Tests;

/// <summary>The client secret and tokens never reach logs, exception messages or ToString.</summary>
public sealed class SecretHygieneTests : IAsyncLifetime
{
    private FakeEngage _engage = null!;
    private readonly FakeLogCollector _logs = new();
    private ILoggerFactory _loggerFactory = null!;

    public async Task InitializeAsync()
    {
        _engage = await FakeEngage.StartAsync();
        _loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
    }

    public async Task DisposeAsync()
    {
        _loggerFactory.Dispose();
        await _engage.DisposeAsync();
    }

    [Fact]
    public async Task Neither_secret_nor_tokens_appear_in_logs_or_exceptions_through_success_and_failure()
    {
        var errors = new List<Exception>();
        using (var client = new EngageClient(_engage.Options(o => o.BatchSize = 5), _loggerFactory))
        {
            await client.PushAsync(Samples.GuidePush(), Samples.GuideDestinations());
            _engage.RevokeAllTokens();
            await client.PushAllAsync(Samples.GuidePush(), Samples.Numbered(20));

            _engage.PushAnswer = (_, _) => (400, DocumentSamples.PushInvalidProgram);
            errors.Add(await Assert.ThrowsAnyAsync<Exception>(() => client.PushAsync(Samples.GuidePush(), Samples.GuideDestinations())));
            _engage.RejectAllTokens = true;
            errors.Add(await Assert.ThrowsAnyAsync<Exception>(() => client.PushAsync(Samples.GuidePush(), Samples.GuideDestinations())));
            var report = await client.PushAllAsync(Samples.GuidePush(), Samples.Numbered(10));
            errors.AddRange(report.Rejected.Concat(report.NotAttempted).Select(f => f.Failure.Exception).OfType<Exception>());
        }

        _engage.RejectAllTokens = false;
        _engage.TokenAnswer = _ => (500, DocumentSamples.TokenFailure);
        using (var client = new EngageClient(_engage.Options(), _loggerFactory))
            errors.Add(await Assert.ThrowsAsync<AccessTokenException>(() => client.PushAsync(Samples.GuidePush(), Samples.GuideDestinations())));

        var secrets = _engage.IssuedTokens.Append(FakeEngage.ClientSecret).ToList();
        Assert.True(secrets.Count >= 3, "the scenario should have issued several tokens");
        var logText = string.Join('\n', _logs.GetSnapshot().Select(r => r.Message + " " + r.Exception));
        Assert.NotEmpty(_logs.GetSnapshot());
        var exceptionText = string.Join('\n', errors.Select(e => e.ToString() + e.Message));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, logText, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, exceptionText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Options_text_redacts_the_secret()
    {
        var text = _engage.Options().ToString();
        Assert.DoesNotContain(FakeEngage.ClientSecret, text, StringComparison.Ordinal);
        Assert.Contains("ClientSecret = ***", text, StringComparison.Ordinal);
        Assert.Contains(FakeEngage.ClientId, text, StringComparison.Ordinal);
    }
}
