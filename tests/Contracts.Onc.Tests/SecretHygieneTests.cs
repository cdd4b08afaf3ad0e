using Contracts.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Contracts.Onc.Tests;

/// <summary>The password and session ids never reach logs, exception messages or ToString.</summary>
public sealed class SecretHygieneTests
{
    [Fact]
    public async Task Neither_password_nor_session_ids_appear_in_logs_or_exceptions()
    {
        await using var onc = await FakeOnc.StartAsync();
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        var errors = new List<Exception>();

        await using (var client = new OncClient(onc.Options(), loggerFactory))
        {
            await client.GetCampaignsAsync();
            onc.ExpireSessions();
            await client.GetCampaignsAsync();
            onc.AddContactCode = _ => 5;
            errors.Add(await Assert.ThrowsAsync<OncException>(() => client.AddCampaignContactAsync(Samples.NewContact("+15550400"))));
            var report = await client.AddCampaignContactsAsync([Samples.NewContact("+15550401")]);
            errors.AddRange(report.Rejected.Select(r => r.Failure.Exception!));
            onc.ExpireSessions();
        }
        onc.OpenFailure = (1, "Invalid credentials");
        await using (var client = new OncClient(onc.Options(), loggerFactory))
            errors.Add(await Assert.ThrowsAsync<AccessTokenException>(() => client.GetCampaignsAsync()));

        var secrets = onc.IssuedSessions.Append(FakeOnc.Password).ToList();
        Assert.True(secrets.Count >= 3, "the scenario should have opened several sessions");
        Assert.NotEmpty(logs.GetSnapshot());
        var logText = string.Join('\n', logs.GetSnapshot().Select(r => r.Message + " " + r.Exception));
        var exceptionText = string.Join('\n', errors.Select(e => e.ToString()));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, logText, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, exceptionText, StringComparison.Ordinal);
        }
    }
}
