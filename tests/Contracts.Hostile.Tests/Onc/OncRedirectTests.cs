using System.Net;
using Contracts.Core;
using Contracts.Hostile.Tests.Infrastructure;

namespace Contracts.Hostile.Tests.Onc;

/// <summary>
/// A redirect is never followed, from OpenAPISession (the password) or from AddCampaignContact (the session id):
/// RedirectRefusedException (inside AccessTokenException for the session open), the other server receives nothing.
/// </summary>
public sealed class OncRedirectTests : OncHost
{
    public static TheoryData<int, string> Redirects()
    {
        var data = new TheoryData<int, string>();
        foreach (var status in new[] { 301, 302, 303, 307, 308 })
        {
            data.Add(status, Open);
            data.Add(status, AddContact);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Redirects))]
    public async Task Redirect_to_another_port_is_refused_and_the_other_server_receives_nothing(int status, string operation)
    {
        await using var other = await HostileServer.StartAsync();
        other.Respond((_, exchange) => exchange.RespondAsync(200, Envelope(OpenAnswer(0, null, "elsewhere-session")), SoapContentType));

        await AssertRedirectRefusedAsync(other, status, operation);
    }

    [FactWhenBindable("127.0.0.2")]
    public async Task Redirect_to_another_host_is_refused_and_the_other_host_receives_nothing()
    {
        await using var other = await HostileServer.StartAsync(IPAddress.Parse("127.0.0.2"));
        other.Respond((_, exchange) => exchange.RespondAsync(200, Envelope(OpenAnswer(0, null, "elsewhere-session")), SoapContentType));
        foreach (var status in new[] { 301, 302, 303, 307, 308 })
        {
            foreach (var operation in new[] { Open, AddContact })
                await AssertRedirectRefusedAsync(other, status, operation);
        }
    }

    private async Task AssertRedirectRefusedAsync(HostileServer other, int status, string operation)
    {
        var location = new Uri(other.BaseUrl, ServicePath.TrimStart('/')).AbsoluteUri;
        var opensBefore = OpenRequests.Count;
        var addsBefore = AddContactRequests.Count;
        var redirect = new Func<HostileRequest, HostileExchange, Task>((_, exchange) => exchange.RedirectAsync(status, location));
        OpenScript = operation == Open ? redirect : (_, exchange) => AnswerAsync(exchange, OpenAnswer(0, null, IssueSession()));
        AddContactScript = operation == AddContact ? redirect : (_, exchange) => AnswerAsync(exchange, CodeAnswer(AddContact, 0));
        await using var client = Client(o => o.MaxRetries = 3);

        var error = await Guarantees.FailsWithin(() => client.AddCampaignContactAsync(NewContact("+15550900")));

        var refused = InChain<RedirectRefusedException>(error);
        Assert.Equal(status, refused.StatusCode);
        Assert.Equal(location, refused.Location?.ToString());
        if (operation == Open)
        {
            var token = Assert.IsType<AccessTokenException>(error);
            Assert.Equal(DeliveryState.NotSent, token.Delivery);
            Assert.Equal(addsBefore, AddContactRequests.Count);
        }
        else
        {
            Assert.Same(refused, error);
            Assert.Equal(DeliveryState.Refused, refused.Delivery);
            Assert.Equal(addsBefore + 1, AddContactRequests.Count);
        }

        Assert.True(other.Requests.Count == 0, $"{status} from {operation}: the other server received {string.Join(", ", other.Requests)}");
        Assert.Equal(0, other.ConnectionsAccepted);
        Guarantees.NoSecretIn(error, Secrets);
        Assert.True(OpenRequests.Count > opensBefore);
    }
}
