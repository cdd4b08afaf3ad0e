using Contracts.Core;
using Contracts.Testing;
using Microsoft.AspNetCore.Http;

namespace Contracts.Accengage.Tests;

/// <summary>Every failure is an AccengageException with the status and every {label, message}, matchable by label.</summary>
public sealed class ErrorTests : AccengageTestBase
{
    protected override void ConfigureOptions(AccengageClientOptions options) => options.MaxRetries = 0;

    [Fact]
    public async Task Several_errors_are_all_kept_in_order_and_each_label_matches()
    {
        Accengage.Api = (_, context) => context.RespondJsonAsync(400, """{"errors":[{"label":"API_ERR_DATA","message":"name is missing"},{"label":"API_ERR_DATA","message":"startDate is not a date"},{"label":"API_ERR_FORBIDDEN","message":"no rights on campaign 12"}]}""");

        var error = await Assert.ThrowsAsync<AccengageException<ErrorBody>>(() => Client.CreateCampaignAsync(FakeAccengage.PartnerId, new Campaign()));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(["API_ERR_DATA", "API_ERR_DATA", "API_ERR_FORBIDDEN"], error.Labels);
        Assert.Equal(["name is missing", "startDate is not a date", "no rights on campaign 12"], error.Errors.Select(e => e.Message));
        Assert.True(error.HasLabel(AccengageErrorLabels.Forbidden));
        Assert.False(error.HasLabel(AccengageErrorLabels.Signature));
        Assert.Equal(AccengageErrorLabels.Data, error.ErrorCode);
        Assert.Equal("Accengage", error.Vendor);
        Assert.Contains("API_ERR_DATA name is missing; API_ERR_DATA startDate is not a date; API_ERR_FORBIDDEN no rights on campaign 12", error.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 400", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    public static TheoryData<int, string> GenericErrors() => new()
    {
        { 403, AccengageErrorLabels.Forbidden },
        { 403, AccengageErrorLabels.Token },
        { 500, AccengageErrorLabels.Database },
        { 500, AccengageErrorLabels.Cache },
        { 500, AccengageErrorLabels.Service },
        { 500, AccengageErrorLabels.Utility },
        { 500, AccengageErrorLabels.Support },
        { 500, AccengageErrorLabels.Unknown },
    };

    [Theory]
    [MemberData(nameof(GenericErrors))]
    public async Task Generic_errors_are_matchable_by_label(int status, string label)
    {
        Accengage.Api = (_, context) => context.RespondJsonAsync(status, FakeAccengage.Error(label, "something"));

        var error = await Assert.ThrowsAsync<AccengageException<ErrorBody>>(() => Client.ListGeogroupsAsync(FakeAccengage.PartnerId));

        Assert.Equal(status, error.StatusCode);
        Assert.True(error.HasLabel(label));
        Assert.IsAssignableFrom<VendorApiException>(error);
    }

    [Theory]
    [InlineData(AccengageErrorLabels.MessageSending)]
    [InlineData(AccengageErrorLabels.MessageSent)]
    [InlineData(AccengageErrorLabels.MessageFailed)]
    public async Task Send_refusals_are_matchable_by_label(string label)
    {
        Accengage.Api = (_, context) => context.RespondJsonAsync(400, FakeAccengage.Error(label, "no"));

        var error = await Assert.ThrowsAsync<AccengageException<ErrorBody>>(() => Client.SendMessageAsync(FakeAccengage.PartnerId, 123));

        Assert.True(error.HasLabel(label));
    }

    [Fact]
    public async Task A_status_the_contract_does_not_list_still_carries_the_labels_and_the_body()
    {
        Accengage.Api = (_, context) => context.RespondJsonAsync(409, FakeAccengage.Error("API_ERR_DATA", "List 1235 already exists"));

        var error = await Assert.ThrowsAsync<AccengageException>(() => Client.UpdateCampaignAsync(FakeAccengage.PartnerId, 91, new Campaign { Name = "x" }));

        Assert.Equal(409, error.StatusCode);
        Assert.True(error.HasLabel(AccengageErrorLabels.Data));
        Assert.Contains("List 1235 already exists", error.Response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_an_error_body_gives_a_clear_exception_without_labels()
    {
        Accengage.Api = async (_, context) =>
        {
            context.Response.StatusCode = 502;
            context.Response.Headers["X-Request-Id"] = "req-42";
            await context.Response.WriteAsync("<html>Bad gateway</html>");
        };

        var error = await Assert.ThrowsAsync<AccengageException>(() => Client.GetCampaignAsync(FakeAccengage.PartnerId, 91));

        Assert.Equal(502, error.StatusCode);
        Assert.Empty(error.Errors);
        Assert.Null(error.ErrorCode);
        Assert.Equal("req-42", error.RequestId);
        Assert.StartsWith("Accengage: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_documented_error_status_with_an_unreadable_body_is_still_an_AccengageException()
    {
        Accengage.Api = (_, context) => context.RespondJsonAsync(500, null);

        var error = await Assert.ThrowsAsync<AccengageException>(() => Client.GetCampaignAsync(FakeAccengage.PartnerId, 91));

        Assert.Equal(500, error.StatusCode);
        Assert.Empty(error.Errors);
    }
}
