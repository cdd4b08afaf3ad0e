using Contracts.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Contracts.Accengage.Tests;

/// <summary>The API key and the tokens never reach logs, exception messages or ToString.</summary>
public sealed class SecretHygieneTests : AccengageTestBase
{
    private readonly FakeLogCollector _logs = new();
    private ILoggerFactory _loggerFactory = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
    }

    public override async Task DisposeAsync()
    {
        _loggerFactory.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Neither_the_key_nor_tokens_appear_in_logs_or_exceptions_through_success_and_failure()
    {
        var errors = new List<Exception>();
        Accengage.Api = PagedVendor.JsonList(Accengage.Server.BaseUrl, "campaigns", pages: 2, perPage: 2);
        using (var client = new AccengageClient(Accengage.Options(), _loggerFactory))
        {
            await client.EnumerateCampaignsAsync().ToListAsync();
            Accengage.RevokeAllTokens();
            await client.EnumerateCampaignsAsync().ToListAsync();

            Accengage.Api = (_, context) => context.RespondJsonAsync(400, FakeAccengage.Error("API_ERR_DATA", "bad"));
            errors.Add(await Assert.ThrowsAnyAsync<Exception>(() => client.GetCampaignAsync(FakeAccengage.PartnerId, 1)));
            var report = await client.SendInstantMessageToAllAsync(new MessageData { ParentMessageId = 1 }, [new Target { DeviceId = "d" }]);
            errors.AddRange(report.Rejected.Select(f => f.Failure.Exception).OfType<Exception>());

            Accengage.RejectAllTokens = true;
            errors.Add(await Assert.ThrowsAnyAsync<Exception>(() => client.GetMeAsync()));
        }

        using (var client = new AccengageClient(Accengage.Options(o => o.ApiKey = FakeAccengage.ApiKey + "-wrong"), _loggerFactory))
            errors.Add(await Assert.ThrowsAnyAsync<Exception>(() => client.GetMeAsync()));

        var secrets = Accengage.IssuedTokens.Append(FakeAccengage.ApiKey).ToList();
        Assert.True(secrets.Count >= 4, "the scenario should have issued several tokens");
        Assert.NotEmpty(_logs.GetSnapshot());
        var logText = string.Join('\n', _logs.GetSnapshot().Select(r => r.Message + " " + r.Exception));
        var exceptionText = string.Join('\n', errors.Select(e => e.ToString() + e.Message + (e as AccengageException)?.Response));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, logText, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, exceptionText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Options_text_redacts_the_key()
    {
        var text = Accengage.Options().ToString();

        Assert.DoesNotContain(FakeAccengage.ApiKey, text, StringComparison.Ordinal);
        Assert.Contains("ApiKey = ***", text, StringComparison.Ordinal);
        Assert.Contains(FakeAccengage.UserEmail, text, StringComparison.Ordinal);
        Assert.Contains(FakeAccengage.PartnerId, text, StringComparison.Ordinal);
    }
}
