namespace Contracts.Engage.Tests;

/// <summary>The generated options' rules: blank credentials are refused, each failure names its option and none shows a value.</summary>
public sealed class GeneratedOptionsRulesTests
{
    [Fact]
    public void Blank_credentials_and_batch_settings_below_one_are_each_named_in_order_without_their_values()
    {
        var options = new EngageClientOptions { ClientId = " ", ClientSecret = "\t\n", BatchSize = 0, MaxConcurrency = -3 };

        var failures = options.Validate().Failures;

        Assert.Equal(
            [
                "EngageClientOptions.ClientId is required (federated client identifier provided by First Orion).",
                "EngageClientOptions.ClientSecret is required (secret code for the federated client, provided by First Orion and used to retrieve a valid access token).",
                "EngageClientOptions.BatchSize must be at least 1 (got 0).",
                "EngageClientOptions.MaxConcurrency must be at least 1 (got -3).",
            ],
            failures);
    }

    [Fact]
    public void A_valid_secret_is_never_in_the_failures_of_the_other_options()
    {
        const string Secret = "s3cret-value";
        var options = new EngageClientOptions { ClientId = "", ClientSecret = Secret, BatchSize = 0, Region = (EngageRegion)9 };

        var failures = string.Join('\n', options.Validate().Failures);

        Assert.Contains("ClientId is required", failures, StringComparison.Ordinal);
        Assert.Contains("Region must be", failures, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, failures, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_base_url_carrying_a_user_and_password_is_refused_and_never_shown()
    {
        var options = new EngageClientOptions { ClientId = "id", ClientSecret = "secret", BaseUrl = new Uri("https://ops:hunter2@127.0.0.1:9/") };

        var failures = string.Join('\n', options.Validate().Failures);

        Assert.Contains("EngageClientOptions.BaseUrl must not carry a user name or password (got 'https://***@127.0.0.1:9/')", failures, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", failures, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("BaseUrl = https://***@127.0.0.1:9/", options.ToString(), StringComparison.Ordinal);
    }
}
