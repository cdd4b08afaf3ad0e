using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Web;
using Contracts.Core;
using Contracts.Testing;
using Microsoft.AspNetCore.Http;

namespace Contracts.Accengage.Tests.Conformance;

/// <summary>
/// Every printed example of the Accengage API (v1) documentation replayed through <see cref="AccengageClient"/> over a
/// loopback server, one case per example: the request the client sends is the one printed (method, path, query, body
/// by meaning, signed so that the fake's own SHA1 check accepts it), and the example's answer reads into the typed
/// result it describes or into the typed error with its label.
/// </summary>
public sealed class DocumentExampleReplayTests : AccengageTestBase
{
    private static readonly ConformanceFixtures Fixtures = ConformanceFixtures.Load();

    private static readonly JsonSerializerOptions ResultJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = null,
    };

    /// <summary>The index of every example the client can send.</summary>
    public static TheoryData<int> Replayable()
    {
        var data = new TheoryData<int>();
        var examples = DocumentExample.All(Fixtures);
        for (var i = 0; i < examples.Count; i++)
        {
            if (examples[i].NotReplayed is null)
                data.Add(i);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Replayable))]
    public async Task The_example_is_sent_as_printed_and_its_answer_reads_as_the_document_says(int index)
    {
        var example = DocumentExample.All(Fixtures)[index];
        Accengage.Api = (_, context) => AnswerAsync(context, example);
        if (example.Call == "CreateAccessToken")
            Accengage.TokenAnswer = _ => (example.AnswerStatus, example.Answer!.ToJsonString());

        object? result = null;
        if (example.Label is null)
        {
            result = await ExampleCalls.Send(Client, example);
        }
        else
        {
            // The token route's refusal is Core's AccessTokenException; every other route's is an AccengageException.
            var error = await Assert.ThrowsAnyAsync<VendorApiException>(() => ExampleCalls.Send(Client, example));
            Assert.IsType(example.Call == "CreateAccessToken" ? typeof(AccessTokenException) : typeof(AccengageException), error, exactMatch: false);
            Assert.Equal(example.AnswerStatus, error.StatusCode);
            Assert.Equal(example.Label, error.ErrorCode);
        }

        var sent = example.Call == "CreateAccessToken" ? Accengage.TokenRequests[^1] : Assert.Single(Accengage.ApiRequests);
        Assert.Equal(example.SentMethod, sent.Method);
        var (path, query) = Split(example.SentPathAndQuery);
        Assert.Equal(path, sent.Path);
        Assert.Equal(query, Split(sent.Path + sent.Query).Query);
        Assert.True(FakeAccengage.IsCorrectlySigned(sent), "Accengage-Signature does not verify");
        if (example.Request is { } body)
            Assert.Null(JsonSemantics.Difference(body.ToJsonString(), sent.BodyText));
        else if (sent.Method == "GET")
            Assert.Empty(sent.Body);

        if (example.Expect is { } expected)
        {
            var read = JsonSerializer.Serialize(result, ResultJson);
            Assert.True(JsonSemantics.Unmet(expected.ToJsonString(), read) is null, $"{JsonSemantics.Unmet(expected.ToJsonString(), read)} in {read}");
        }
    }

    [Fact]
    public void Every_example_the_client_cannot_send_says_why()
    {
        var examples = DocumentExample.All(Fixtures);
        Assert.All(examples, e => Assert.True(e.Call is not null ^ e.NotReplayed is not null, $"{e}: a call or the reason there is none"));
        Assert.Equal(4, examples.Count(e => e.NotReplayed is not null));
    }

    private static async Task AnswerAsync(HttpContext context, DocumentExample example)
    {
        if (example.Answer is { } json)
        {
            await context.RespondJsonAsync(example.AnswerStatus, json.ToJsonString());
            return;
        }
        context.Response.StatusCode = example.AnswerStatus;
        if (example.AnswerText is { Length: > 0 } text)
        {
            context.Response.ContentType = example.ContentType ?? "text/plain";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text));
        }
    }

    /// <summary>The decoded path, and the query as decoded name=value pairs in order.</summary>
    private static (string Path, string Query) Split(string pathAndQuery)
    {
        var parts = pathAndQuery.Split('?', 2);
        var query = parts.Length == 2
            ? string.Join('&', parts[1].Split('&').Select(pair => string.Join('=', pair.Split('=', 2).Select(HttpUtility.UrlDecode))))
            : "";
        return (Uri.UnescapeDataString(parts[0]), query);
    }
}
