using Contracts.Core.Validation;

namespace Contracts.Ogangi.Tests;

/// <summary>Bad input gets a clear ArgumentException naming the value, and nothing reaches the server.</summary>
public sealed class ValidationTests : IAsyncLifetime
{
    private FakeOgangi _ogangi = null!;
    private OgangiClient _client = null!;

    public async Task InitializeAsync()
    {
        _ogangi = await FakeOgangi.StartAsync();
        _client = new OgangiClient(_ogangi.Options());
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _ogangi.DisposeAsync();
    }

    private static readonly string LongestText = new('x', OgangiLimits.MaxTextLength);

    public static TheoryData<string, Func<IOgangiClient, Task>, string> Invalid() => new()
    {
        { "empty text", c => c.SendSmsAsync("13056708084", "", "43"), "text is empty" },
        { "blank text", c => c.SendMtAsync("13056708084", "   ", "43"), "text is empty" },
        { "null text", c => c.FireMessageAsync("13056708084", null!), "text is empty" },
        { "text too long", c => c.SendSmsAsync("13056708084", LongestText + "y", "43"), $"text has 1601 characters (UTF-16 code units); the most this client sends is {OgangiLimits.MaxTextLength}" },
        { "emoji counted as two", c => c.SendSmsAsync("13056708084", LongestText[..^1] + "😀", "43"), "text has 1601 characters" },
        { "lone surrogate", c => c.SendSmsAsync("13056708084", "a\uD800b", "43"), "text is not valid Unicode text" },
        { "letters in number", c => c.SendSmsAsync("1305abc8084", "hi", "43"), "mobileNumber is not a mobile number" },
        { "number with spaces", c => c.SendMtAsync("1 305 670 8084", "hi", "43"), "mobileNumber is not a mobile number" },
        { "number too long", c => c.SendPinAsync("1234567890123456", "hi", "43", 6), "mobileNumber is not a mobile number" },
        { "number starting with 0", c => c.FireMessageAsync("0305670808", "hi"), "mobileNumber is not a mobile number" },
        { "empty number", c => c.SendSmsAsync("", "hi", "43"), "mobileNumber is not a mobile number" },
        { "page 0", c => c.GetMoMessagesAsync(0, 10), "page must be at least 1 (got 0" },
        { "negative page", c => c.GetMoMessagesAsync(-1, 10), "page must be at least 1 (got -1" },
        { "page size 0", c => c.GetMoMessagesAsync(1, 0), $"pageSize must be between 1 and {OgangiLimits.MaxPageSize} (got 0; the client's own limit)" },
        { "page size too big", c => c.GetMoMessagesAsync(1, OgangiLimits.MaxPageSize + 1), "pageSize must be between 1 and 1000 (got 1001; the client's own limit)" },
        { "PIN too short", c => c.SendPinAsync("13056708084", "Your PIN", "43", OgangiLimits.MinPinLength - 1), "pinLength must be between 4 and 10 (got 3; the client's own limit)" },
        { "PIN too long", c => c.SendPinAsync("13056708084", "Your PIN", "43", OgangiLimits.MaxPinLength + 1), "pinLength must be between 4 and 10 (got 11; the client's own limit)" },
        { "blank from", c => c.SendSmsAsync("13056708084", "hi", " "), "from is required" },
        { "dot from", c => c.SendMtAsync("13056708084", "hi", ".."), "from cannot be '..'" },
        { "blank carrier", c => c.SendSmsAsync("13056708084", "hi", "43", ""), "carrier is blank; pass null to leave it out" },
        { "dot flags", c => c.SendMtAsync("13056708084", "hi", "43", flags: "."), "flags cannot be '.'" },
        { "separator in MO filter", c => c.GetMoMessagesAsync(1, 10, new OgangiMoFilter { Keywords = ["a&b"] }), "filter.Keywords[0] holds '&', ',' or '='" },
        { "comma in MO filter", c => c.GetMoMessagesAsync(1, 10, new OgangiMoFilter { From = ["1,2"] }), "filter.From[0] holds" },
        { "blank MO filter value", c => c.GetMoMessagesAsync(1, 10, new OgangiMoFilter { Carriers = [""] }), "filter.Carriers[0] is empty" },
        { "empty descriptor", c => c.FireMessageAsync(new FireMessageDescriptor()), "fld-val-list has no field" },
        { "descriptor without its event", c => c.FireMessageAsync(new FireMessageDescriptor { Event = null! }), "descriptor.event is required (the contract's required)" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Invalid_input_is_refused_before_sending(string name, Func<IOgangiClient, Task> call, string expected)
    {
        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => call(_client));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was sent", error.Message, StringComparison.Ordinal);
        Assert.True(_ogangi.Server.Requests.Count == 0, name);
    }

    [Theory]
    [InlineData("1305abc8084")]
    [InlineData("0305670808")]
    [InlineData("1234567890123456")]
    public async Task A_refused_mobile_number_is_not_shown_in_the_problem(string number)
    {
        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => _client.SendSmsAsync(number, "hi", "43"));

        Assert.Contains("mobileNumber is not a mobile number", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(number, error.Message, StringComparison.Ordinal); // a personal value, typo or not
    }

    [Theory]
    [InlineData("from", "584140000001,584140000002")]
    [InlineData("to", "584140000001=584140000002")]
    [InlineData("keywords", "PIN 4711 & 0815")]
    public async Task A_refused_MO_filter_value_is_named_not_shown(string filter, string value)
    {
        // From and To hold phone numbers, a keyword may be part of a message: the problem names the filter only.
        var mo = filter switch
        {
            "from" => new OgangiMoFilter { From = [value] },
            "to" => new OgangiMoFilter { To = [value] },
            _ => new OgangiMoFilter { Keywords = [value] },
        };

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => _client.GetMoMessagesAsync(1, 10, mo));

        Assert.Contains("[0] holds '&', ',' or '='", error.Message, StringComparison.Ordinal);
        foreach (var part in value.Split('&', ',', '='))
            Assert.DoesNotContain(part.Trim(), error.Message, StringComparison.Ordinal);
        Assert.Empty(_ogangi.Server.Requests);
    }

    [Fact]
    public async Task Every_problem_is_listed_at_once()
    {
        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => _client.SendPinAsync("abc", "", "", 2, ""));

        foreach (var name in new[] { "mobileNumber", "text", "from", "carrier", "pinLength" })
            Assert.Contains($"- {name} ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Limits_themselves_are_accepted()
    {
        await _client.SendSmsAsync("+12", LongestText, "43");
        await _client.SendPinAsync("123456789012345", "PIN", "43", OgangiLimits.MinPinLength);
        await _client.SendPinAsync("13056708084", "PIN", "43", OgangiLimits.MaxPinLength);
        await _client.GetMoMessagesAsync(1, OgangiLimits.MaxPageSize);

        Assert.Equal(4, _ogangi.Server.Requests.Count);
    }

    [Fact]
    public void Descriptor_factory_refuses_blank_values()
    {
        Assert.Throws<ArgumentException>(() => FireMessageDescriptor.Create("43", " ", "1200000001"));
        Assert.Throws<ArgumentException>(() => FireMessageDescriptor.FromFields([new("mobilenumber", "")]));
    }
}
