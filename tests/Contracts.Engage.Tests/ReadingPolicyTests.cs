using Contracts.Core;

namespace Contracts.Engage.Tests;

/// <summary>
/// ENGAGE is read leniently only where the contract declares it (errorCode, response): any other field in an
/// unexpected type is a typed error carrying the answer, never silently turned into text.
/// </summary>
public sealed class ReadingPolicyTests : IAsyncLifetime
{
    private FakeEngage _engage = null!;

    public async Task InitializeAsync() => _engage = await FakeEngage.StartAsync();

    public async Task DisposeAsync() => await _engage.DisposeAsync();

    [Fact]
    public async Task A_field_the_contract_does_not_declare_lenient_is_read_strictly()
    {
        _engage.TokenAnswer = _ => (200, """{"accessToken":"t","message":"Success","errorCode":0,"requestId":12345}""");
        using var raw = new EngageClient(new HttpClient { BaseAddress = _engage.Server.BaseUrl });

        var error = await Assert.ThrowsAnyAsync<VendorApiException>(() => raw.GetTokenAsync(XFederatedPurpose.Inform, new TokenRequest { ClientId = "a", ClientSecret = "b" }));

        Assert.Equal(200, error.StatusCode);
    }
}
