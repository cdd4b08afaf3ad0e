using System.Text;
using Contracts.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Contracts.Accengage.Tests;

/// <summary>Accengage-Time and Accengage-Signature on every request, over the exact bytes sent.</summary>
public sealed class SignatureTests : AccengageTestBase
{
    [Theory]
    // Vectors computed outside .NET (Python hashlib.sha1), also quoted in the contract's AccengageSignature parameter.
    [InlineData("", "a1b2c3d4e5f6g7h8", 1507722391L, "ba04fc7206950ce63d78ddbc9e65c48fb96e54d7")]
    [InlineData("{\"email\":\"mymail@client.com\"}", "a1b2c3d4e5f6g7h8", 1507722391L, "f974f730586ce2bf49a276845060a8d38bb43770")]
    public void Signer_matches_known_vectors(string body, string apiKey, long time, string expected)
        => Assert.Equal(expected, AccengageSigner.Sign(Encoding.UTF8.GetBytes(body), apiKey, time));

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("{\"users\":[{\"UDID\":\"F31548D3\",\"model\":\"iPhone 6\"}]}")]
    [InlineData("{\"text\":\"Bienvenue à bord, ${firstname} ! 🎉\"}")]
    public void Signer_matches_the_definition_computed_independently(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        foreach (var time in new[] { 0L, 1507722391L, 4102444800L })
            Assert.Equal(FakeAccengage.ExpectedSignature(bytes, FakeAccengage.ApiKey, time.ToString(System.Globalization.CultureInfo.InvariantCulture)), AccengageSigner.Sign(bytes, FakeAccengage.ApiKey, time));
    }

    [Fact]
    public async Task Every_request_of_every_shape_is_signed_over_its_exact_bytes_at_the_current_time()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 6, 1, 10, 0, 0, TimeSpan.Zero));
        Accengage.Api = (_, context) => context.RespondJsonAsync(200, """{"id":91}""");
        using var client = new AccengageClient(Accengage.Options(), transport: null, timeProvider: time);

        await client.CreateCampaignAsync(FakeAccengage.PartnerId, new Campaign { Name = "Été 2030 — soldes <50%> & plus" });
        time.Advance(TimeSpan.FromSeconds(7));
        await client.GetCampaignAsync(FakeAccengage.PartnerId, 91);
        await client.RemoveBeaconFromGeogroupAsync(FakeAccengage.PartnerId, "ext:myGeogroupExternalId", new ObjectTechnicalType { Id = 404 });
        await client.SendMessageAsync(FakeAccengage.PartnerId, 123, test: true);
        await client.UpdateDeviceAsync(FakeAccengage.PartnerId, "F31548D3-F93E-498F-8E01-F18CC4EB2F5F", new Dictionary<string, object> { ["token"] = "AB5F200" });

        Assert.Empty(Accengage.BadlySigned);
        var requests = Accengage.Server.Requests;
        Assert.Equal(["POST", "POST", "GET", "DELETE", "POST", "PUT"], requests.Select(r => r.Method));
        Assert.All(requests, r => Assert.Matches("^[0-9a-f]{40}$", r.Header("Accengage-Signature")));
        Assert.Equal("1906538400", requests[1].Header("Accengage-Time"));
        Assert.Equal("1906538407", requests[2].Header("Accengage-Time"));
        // The body is plain UTF-8 JSON, hashed as sent.
        Assert.Equal("""{"name":"Été 2030 — soldes <50%> & plus"}""", requests[1].BodyText);
        Assert.Equal("""{"id":404}""", requests[3].BodyText);
        // A request without a body signs API key + time only.
        Assert.Empty(requests[2].Body);
        Assert.Equal(FakeAccengage.ExpectedSignature([], FakeAccengage.ApiKey, "1906538407"), requests[2].Header("Accengage-Signature"));
        Assert.Empty(requests[4].Body);
        Assert.Equal("?test=true", requests[4].Query);
    }

    [Fact]
    public async Task A_retried_request_is_signed_again_with_its_own_time()
    {
        var time = new TickingTimeProvider(new DateTimeOffset(2030, 6, 1, 10, 0, 0, TimeSpan.Zero));
        var attempts = 0;
        Accengage.Api = (_, context) =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
            {
                context.Response.Headers.RetryAfter = "0";
                return context.RespondJsonAsync(429, null);
            }
            return context.RespondJsonAsync(200, """{"id":1}""");
        };
        using var client = new AccengageClient(Accengage.Options(), transport: null, timeProvider: time);

        await client.CreateCampaignAsync(FakeAccengage.PartnerId, new Campaign { Name = "retry" });

        var api = Accengage.ApiRequests;
        Assert.Equal(2, api.Count);
        Assert.Empty(Accengage.BadlySigned);
        Assert.NotEqual(api[0].Header("Accengage-Time"), api[1].Header("Accengage-Time"));
        Assert.NotEqual(api[0].Header("Accengage-Signature"), api[1].Header("Accengage-Signature"));
        Assert.Equal(api[0].BodyText, api[1].BodyText);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_by_the_vendor_as_a_signature_error()
    {
        using var client = new AccengageClient(Accengage.Options(o => o.ApiKey = "not-the-key"));

        var error = await Assert.ThrowsAsync<Contracts.Core.AccessTokenException>(() => client.GetMeAsync());

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(AccengageErrorLabels.Signature, error.ErrorCode);
        Assert.Single(Accengage.BadlySigned);
    }

    [Fact]
    public async Task The_key_is_never_sent_and_no_request_asks_for_100_continue()
    {
        Accengage.Api = (_, context) => context.RespondJsonAsync(200, "{}");
        using var client = new AccengageClient(Accengage.Options());

        await client.UpsertStaticListDevicesAsync(FakeAccengage.PartnerId, 1235, new StaticListUsers { Users = [new StaticListUser { DeviceId = "1A2B" }] });

        Assert.All(Accengage.Server.Requests, r =>
        {
            Assert.DoesNotContain(FakeAccengage.ApiKey, r.BodyText, StringComparison.Ordinal);
            Assert.DoesNotContain(r.Headers.Values, v => v.Contains(FakeAccengage.ApiKey, StringComparison.Ordinal));
            Assert.Null(r.Header("Expect"));
        });
    }

    /// <summary>A clock that moves one second forward every time it is read.</summary>
    private sealed class TickingTimeProvider(DateTimeOffset start) : TimeProvider
    {
        private long _reads;

        public override DateTimeOffset GetUtcNow() => start.AddSeconds(Interlocked.Increment(ref _reads));
    }
}
