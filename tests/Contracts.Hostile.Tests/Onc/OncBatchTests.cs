using System.Collections.Concurrent;
using Contracts.Core;

namespace Contracts.Hostile.Tests.Onc;

/// <summary>
/// AddCampaignContactsAsync over a server that, for each contact (seeded), processes it and answers OK, processes it
/// and answers 503, or processes it and resets the connection: every contact has exactly one outcome, an accepted
/// contact was processed once, an unknown one at most once, and none was processed twice.
/// </summary>
public sealed class OncBatchTests : OncHost
{
    private enum Behaviour
    {
        Ok,
        ProcessThen503,
        ProcessThenReset,
    }

    [Theory]
    [InlineData(20260101)]
    [InlineData(7)]
    public async Task Each_contact_has_exactly_one_outcome_and_none_is_processed_twice(int seed)
    {
        var random = new Random(seed);
        var contacts = Enumerable.Range(0, 40).Select(i => NewContact($"+155506{i:D2}")).ToList();
        var behaviour = contacts.ToDictionary(c => c.Id, _ => (Behaviour)random.Next(3));
        var processed = new ConcurrentDictionary<Guid, int>();
        AddContactScript = (request, exchange) =>
        {
            var id = ContactIdOf(request);
            processed.AddOrUpdate(id, 1, (_, n) => n + 1);
            switch (behaviour.GetValueOrDefault(id))
            {
                case Behaviour.ProcessThen503:
                    return exchange.RespondAsync(503, "<html>busy</html>", "text/html");
                case Behaviour.ProcessThenReset:
                    exchange.Reset();
                    return Task.CompletedTask;
                default:
                    return AnswerAsync(exchange, CodeAnswer(AddContact, 0));
            }
        };
        await using var client = Client(o =>
        {
            o.Timeout = TimeSpan.FromSeconds(10);
            o.MaxConcurrency = 4;
            o.MaxRetries = 3;
        });

        var report = await client.AddCampaignContactsAsync(contacts, keepAcceptedContacts: true).WaitAsync(Guarantees.Patience);

        var outcomes = report.Accepted.Select(c => (c.Id, "accepted"))
            .Concat(report.Rejected.Select(f => (f.Item.Id, "rejected")))
            .Concat(report.NotAttempted.Select(f => (f.Item.Id, "not attempted")))
            .Concat(report.Unknown.Select(f => (f.Item.Id, "unknown")))
            .ToList();
        Assert.Equal(40L, report.TotalCount);
        Assert.Equal(contacts.Select(c => c.Id).Order(), outcomes.Select(o => o.Id).Order()); // each exactly one outcome
        Assert.All(processed, p => Assert.True(p.Value == 1, $"contact {p.Key} ({behaviour[p.Key]}) was processed {p.Value} times"));
        Assert.All(report.Accepted, c => Assert.Equal(1, processed.GetValueOrDefault(c.Id)));
        Assert.All(report.Accepted, c => Assert.Equal(Behaviour.Ok, behaviour[c.Id]));
        Assert.All(report.Unknown, u => Assert.InRange(processed.GetValueOrDefault(u.Item.Id), 0, 1));
        Assert.All(report.Unknown, u => Assert.Equal(DeliveryState.Unknown, Assert.IsAssignableFrom<VendorApiException>(u.Failure.Exception).Delivery));
        Assert.All(report.NotAttempted, n => Assert.Equal(0, processed.GetValueOrDefault(n.Item.Id)));
        Assert.All(contacts.Where(c => behaviour[c.Id] != Behaviour.Ok), c => Assert.DoesNotContain(c, report.Accepted));
        Assert.All(contacts.Where(c => behaviour[c.Id] == Behaviour.Ok), c => Assert.Contains(c, report.Accepted));
        Assert.Equal(AddContactRequests.Count, processed.Values.Sum());
        foreach (var failure in report.Unknown.Concat(report.Rejected).Concat(report.NotAttempted))
        {
            Assert.All(Secrets, secret => Assert.DoesNotContain(secret, failure.Failure.Reason, StringComparison.Ordinal));
            if (failure.Failure.Exception is { } exception)
                Guarantees.NoSecretIn(exception, Secrets);
        }
    }
}
