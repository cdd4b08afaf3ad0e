using Contracts.Core.Validation;

namespace Contracts.Engage.Tests;

/// <summary>Every documented rule is checked before anything leaves the process.</summary>
public sealed class ValidationTests : IAsyncLifetime
{
    private FakeEngage _engage = null!;

    public async Task InitializeAsync() => _engage = await FakeEngage.StartAsync();

    public async Task DisposeAsync() => await _engage.DisposeAsync();

    public static TheoryData<string, string> InvalidPushes() => new()
    {
        { "bad-bNumber", @"destinations[1].bNumber does not match the contract's pattern ^\+[1-9][0-9]{1,14}$" },
        { "bad-aNumber", @"aNumbers[1] '5013509988' does not match the contract's pattern ^\+[1-9][0-9]{1,14}$" }, // a business number: shown
        { "no-aNumbers", "aNumbers must hold 1 to 400 items (got 0; the contract's minItems: 1, maxItems: 400)" },
        { "401-aNumbers", "aNumbers must hold 1 to 400 items (got 401; the contract's minItems: 1, maxItems: 400)" },
        { "zero-ttl", "ttlSeconds must be at least 1 (got 0; the contract's minimum: 1)" },
        { "negative-ttl", "ttlSeconds must be at least 1 (got -5; the contract's minimum: 1)" },
        { "empty-program", "programContentUuid must be the program's UUID" },
        { "empty-group", "aNumberGroupId must be the group's UUID" },
        { "no-destinations", "destinations must hold at least 1 item (got 0; the contract's minItems: 1)" },
        { "null-destination", "destinations[1] is null" },
        { "missing-bNumber", "destinations[1].bNumber is required (the contract's required)" },
    };

    [Theory]
    [MemberData(nameof(InvalidPushes))]
    public async Task Invalid_push_throws_naming_the_field_and_sends_nothing(string scenario, string expected)
    {
        using var client = new EngageClient(_engage.Options());
        var (push, destinations) = Build(scenario);

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => client.PushAsync(push, destinations));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was sent", error.Message, StringComparison.Ordinal);
        Assert.Empty(_engage.Server.Requests);
    }

    [Fact]
    public async Task A_generated_operation_called_directly_refuses_a_body_that_breaks_the_contract_and_sends_nothing()
    {
        using var client = new EngageClient(_engage.Options());
        var body = new BatchPushRequest { Destinations = [new Destination { BNumber = "+1 501 890 2005" }], ANumbers = ["+5014008029", "5013509988"], TtlSeconds = 0 };

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => client.PushBatchAsync(Samples.Program, body));

        Assert.StartsWith("The pushBatch request body is invalid; nothing was sent:", error.Message, StringComparison.Ordinal);
        Assert.Contains(@"- destinations[0].bNumber does not match the contract's pattern ^\+[1-9][0-9]{1,14}$ (the value is not shown).", error.Message, StringComparison.Ordinal);
        Assert.Contains(@"- aNumbers[1] '5013509988' does not match the contract's pattern ^\+[1-9][0-9]{1,14}$.", error.Message, StringComparison.Ordinal);
        Assert.Contains("- ttlSeconds must be at least 1 (got 0; the contract's minimum: 1).", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("501 890", error.Message, StringComparison.Ordinal); // a bNumber is a person's
        Assert.Empty(_engage.Server.Requests); // not even a token request
    }

    [Fact]
    public async Task A_null_aNumber_is_refused_and_nothing_is_sent()
    {
        // The contract's items are E.164 texts: a null one is not a text, and was refused before the item pattern was
        // generated; serialised, it would reach ENGAGE as "aNumbers": ["+5014008029", null].
        using var client = new EngageClient(_engage.Options());
        var push = EngagePush.FromANumbers(Samples.Program, ["+5014008029", null!]);

        var friendly = await Assert.ThrowsAsync<InvalidRequestException>(() => client.PushAsync(push, Samples.GuideDestinations()));
        var streamed = Assert.Throws<InvalidRequestException>(() => client.PushInChunksAsync(push, Samples.Numbered(10)));
        var direct = await Assert.ThrowsAsync<InvalidRequestException>(() => client.PushBatchAsync(Samples.Program, new BatchPushRequest { Destinations = [.. Samples.GuideDestinations()], ANumbers = ["+5014008029", null!], TtlSeconds = 60 }));

        Assert.All([friendly, streamed, direct], error => Assert.Contains("- aNumbers[1] is null", error.Message, StringComparison.Ordinal));
        Assert.Empty(_engage.Server.Requests);
    }

    [Fact]
    public void Streaming_push_checks_the_shared_settings_at_once()
    {
        using var client = new EngageClient(_engage.Options());
        var push = EngagePush.FromANumbers(Samples.Program, []);

        var error = Assert.Throws<InvalidRequestException>(() => client.PushInChunksAsync(push, Samples.Numbered(10)));

        Assert.Contains("aNumbers must hold 1 to 400 items", error.Message, StringComparison.Ordinal);
        Assert.Empty(_engage.Server.Requests);
    }

    [Fact]
    public async Task Four_hundred_aNumbers_are_allowed()
    {
        using var client = new EngageClient(_engage.Options());
        var aNumbers = Enumerable.Range(0, 400).Select(i => $"+1555{i:D7}");

        await client.PushAsync(EngagePush.FromANumbers(Samples.Program, aNumbers), Samples.GuideDestinations());

        Assert.Equal(400, Assert.Single(_engage.PushRequests).Json.GetProperty("aNumbers").GetArrayLength());
    }

    [Fact]
    public void The_push_type_cannot_hold_both_aNumbers_and_a_group()
    {
        // xor by construction: the two factories are the only way in, and 'with' cannot set either field.
        var fromNumbers = EngagePush.FromANumbers(Samples.Program, Samples.ANumbers);
        var fromGroup = EngagePush.FromANumberGroup(Samples.Program, Samples.Group);
        Assert.Null(fromNumbers.ANumberGroupId);
        Assert.Null(fromGroup.ANumbers);
        Assert.Empty(EngagePushValidator.CheckPush(fromNumbers));
        Assert.Empty(EngagePushValidator.CheckPush(fromGroup));
    }

    private static (EngagePush Push, Destination[] Destinations) Build(string scenario)
    {
        var valid = Samples.GuidePush();
        var destinations = Samples.GuideDestinations();
        return scenario switch
        {
            "bad-bNumber" => (valid, [destinations[0], new Destination { BNumber = "+1 501 890 2005" }]),
            "bad-aNumber" => (EngagePush.FromANumbers(Samples.Program, ["+5014008029", "5013509988"]), destinations),
            "no-aNumbers" => (EngagePush.FromANumbers(Samples.Program, []), destinations),
            "401-aNumbers" => (EngagePush.FromANumbers(Samples.Program, Enumerable.Range(0, 401).Select(i => $"+1555{i:D7}")), destinations),
            "zero-ttl" => (valid with { TtlSeconds = 0 }, destinations),
            "negative-ttl" => (valid with { TtlSeconds = -5 }, destinations),
            "empty-program" => (EngagePush.FromANumbers(Guid.Empty, Samples.ANumbers), destinations),
            "empty-group" => (EngagePush.FromANumberGroup(Samples.Program, Guid.Empty), destinations),
            "no-destinations" => (valid, []),
            "null-destination" => (valid, [destinations[0], null!]),
            "missing-bNumber" => (valid, [destinations[0], new Destination()]),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        };
    }
}
