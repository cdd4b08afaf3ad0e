using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace Contracts.Hostile.Tests.Infrastructure;

/// <summary>
/// The hostile server does what the client tests will rely on, seen from a plain HttpClient (SocketsHttpHandler,
/// redirects not followed) or a raw socket: requests are read and recorded exactly, and each hostile answer reaches
/// the client as the hostile thing it claims to be. Every wait is bounded, so a broken server fails a test instead of
/// hanging it.
/// </summary>
public sealed class HostileServerTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private HostileServer _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await HostileServer.StartAsync();
        _client = NewClient(_server);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync().AsTask().WaitAsync(Patience);
    }

    [Fact]
    public async Task Two_requests_from_one_client_share_a_kept_alive_connection()
    {
        _server.Respond((request, exchange) => exchange.RespondAsync(200, $$"""{"arrival":{{request.ArrivalIndex}}}"""));

        var first = await _client.GetStringAsync(new Uri("first?x=1", UriKind.Relative)).WaitAsync(Patience);
        var second = await _client.GetStringAsync(new Uri("second", UriKind.Relative)).WaitAsync(Patience);

        Assert.Equal("""{"arrival":0}""", first);
        Assert.Equal("""{"arrival":1}""", second);
        Assert.Equal(1, _server.ConnectionsAccepted);
        var requests = _server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].ConnectionId, requests[1].ConnectionId);
        Assert.Equal(("/first", "?x=1", "/first?x=1"), (requests[0].Path, requests[0].Query, requests[0].Target));
        Assert.Equal(("/second", ""), (requests[1].Path, requests[1].Query));
    }

    [Fact]
    public async Task A_replaced_script_answers_the_requests_that_follow()
    {
        _server.Respond((_, exchange) => exchange.RespondAsync(200, "\"first script\""));
        var before = await _client.GetStringAsync(new Uri("a", UriKind.Relative)).WaitAsync(Patience);
        _server.Respond((_, exchange) => exchange.RespondAsync(200, "\"second script\""));
        var after = await _client.GetStringAsync(new Uri("a", UriKind.Relative)).WaitAsync(Patience);

        Assert.Equal(("\"first script\"", "\"second script\""), (before, after));
    }

    [Fact]
    public async Task Without_a_script_every_request_gets_404_with_an_empty_body()
    {
        using var response = await _client.GetAsync(new Uri("anything", UriKind.Relative)).WaitAsync(Patience);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Single(_server.RequestsTo("/anything"));
    }

    [Fact]
    public async Task A_chunked_request_body_is_read_and_recorded_de_chunked()
    {
        _server.Respond((request, exchange) => exchange.RespondAsync(200, $"\"{request.Body.Length}\""));
        using var content = new PiecewiseContent("first piece, ", "second piece, ", "third piece");

        using var response = await _client.PostAsync(new Uri("upload", UriKind.Relative), content).WaitAsync(Patience);

        Assert.Equal("\"38\"", await response.Content.ReadAsStringAsync());
        var request = Assert.Single(_server.Requests);
        Assert.Equal("chunked", request.Header("Transfer-Encoding"));
        Assert.False(request.Headers.Contains("Content-Length"));
        Assert.Equal("first piece, second piece, third piece", request.BodyText);
    }

    [Fact]
    public async Task Expect_100_continue_is_answered_so_the_body_follows_without_the_clients_timeout()
    {
        // The client would wait five minutes for "100 Continue" before sending its body anyway: the test's patience
        // runs out long before, unless the server says to continue.
        using var client = NewClient(_server, h => h.Expect100ContinueTimeout = TimeSpan.FromMinutes(5));
        _server.Respond((request, exchange) => exchange.RespondAsync(200, $"\"{request.BodyText}\""));
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri("with-expect", UriKind.Relative))
        {
            Content = new StringContent("the body", Encoding.UTF8, "text/plain"),
        };
        request.Headers.ExpectContinue = true;

        using var response = await client.SendAsync(request).WaitAsync(Patience);

        Assert.Equal("\"the body\"", await response.Content.ReadAsStringAsync());
        Assert.Equal("100-continue", Assert.Single(_server.Requests).Header("Expect"));
    }

    [Fact]
    public async Task RespondAsync_sends_status_fields_and_body_and_the_request_is_recorded_as_sent()
    {
        _server.Respond((_, exchange) => exchange.RespondAsync(201, """{"ok":true}""", headers: [("X-Answer", "42")]));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("things?id=7", UriKind.Relative))
        {
            Content = new StringContent("""{"name":"ünïcode"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("X-Probe", "probe value");

        using var response = await _client.SendAsync(request).WaitAsync(Patience);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("42", Assert.Single(response.Headers.GetValues("X-Answer")));
        Assert.Equal("""{"ok":true}""", await response.Content.ReadAsStringAsync());
        var recorded = Assert.Single(_server.Requests);
        Assert.Equal(("POST", "/things", "?id=7", "HTTP/1.1"), (recorded.Method, recorded.Path, recorded.Query, recorded.Version));
        Assert.Equal("""{"name":"ünïcode"}""", recorded.BodyText);
        Assert.Equal("probe value", recorded.Header("x-probe"));
        Assert.Equal($"127.0.0.1:{_server.Port}", recorded.Header("host"));
        Assert.Equal((0, 1, _server.Port), (recorded.ArrivalIndex, recorded.ConnectionId, recorded.ServerPort));
        Assert.Equal(1, _server.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task A_field_sent_twice_keeps_both_values_and_Connection_close_is_honoured()
    {
        _server.Respond((_, exchange) => exchange.RespondAsync(204));

        var received = await RawExchangeAsync(_server, "GET /twice HTTP/1.1\r\nHost: hostile\r\nX-Probe: one\r\nx-probe:two \r\nConnection: close\r\n\r\n");

        Assert.Equal("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", received);
        var headers = Assert.Single(_server.Requests).Headers;
        Assert.Equal(["one", "two"], headers.GetValues("X-PROBE"));
        Assert.Equal("one, two", headers["x-probe"]);
        Assert.Equal(["Host", "X-Probe", "Connection"], headers.Names);
        Assert.Equal(("x-probe", "two"), headers[2]);
    }

    [Fact]
    public async Task A_redirect_arrives_as_its_3xx_status_with_the_location()
    {
        _server.Respond((_, exchange) => exchange.RedirectAsync(307, "http://127.0.0.1:1/elsewhere"));

        using var response = await _client.GetAsync(new Uri("start", UriKind.Relative)).WaitAsync(Patience);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(new Uri("http://127.0.0.1:1/elsewhere"), response.Headers.Location);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Headers_then_silence_leave_the_clients_body_read_waiting_until_it_gives_up()
    {
        var scriptEnded = new TaskCompletionSource<HostileExchange>(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Respond(async (_, exchange) =>
        {
            await exchange.SendHeadersThenSilenceAsync(200, contentLength: 100);
            scriptEnded.SetResult(exchange);
        });

        using (var response = await _client.GetAsync(new Uri("silent", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(100, response.Content.Headers.ContentLength);
            await using var body = await response.Content.ReadAsStreamAsync();
            using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => body.ReadAsync(new byte[100], giveUp.Token).AsTask()).WaitAsync(Patience);
        }

        var exchange = await scriptEnded.Task.WaitAsync(Patience);
        Assert.True(exchange.ClientDisconnected);
    }

    [Fact]
    public async Task An_endless_body_stops_being_written_once_the_client_stops_reading_and_leaves()
    {
        const int ReadBeforeLeaving = 1024 * 1024;
        var scriptEnded = new TaskCompletionSource<HostileExchange>(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Respond(async (_, exchange) =>
        {
            await exchange.EndlessBodyAsync();
            scriptEnded.SetResult(exchange);
        });

        using var read = new MemoryStream();
        using (var response = await _client.GetAsync(new Uri("endless", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience))
        {
            Assert.True(response.Headers.TransferEncodingChunked);
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[64 * 1024];
            while (read.Length < ReadBeforeLeaving)
            {
                var count = await body.ReadAsync(buffer).AsTask().WaitAsync(Patience);
                Assert.NotEqual(0, count);
                read.Write(buffer, 0, count);
            }
        }

        _client.Dispose();
        var exchange = await scriptEnded.Task.WaitAsync(Patience);
        var written = exchange.BytesWritten;
        await Task.Delay(TimeSpan.FromMilliseconds(300));

        Assert.Equal(written, exchange.BytesWritten);
        Assert.True(exchange.ClientDisconnected);
        // The client's and the server's socket buffers hold a few megabytes at most; the cap is far above that, so the
        // writing stopped because the client left, not because the cap was reached.
        Assert.InRange(written, ReadBeforeLeaving, HostileExchange.MaxEndlessBytes / 4);
        Assert.StartsWith("{\"padding\":\"xxxx", Encoding.UTF8.GetString(read.GetBuffer(), 0, 100), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_the_server_ends_the_scripts_a_client_still_holds_and_the_client_sees_the_end()
    {
        var scriptsEnded = new TaskCompletionSource<HostileExchange>[] { new(), new() };
        _server.Respond(async (request, exchange) =>
        {
            if (request.Path == "/endless")
                await exchange.EndlessBodyAsync();
            else
                await exchange.NeverAnswerAsync();
            scriptsEnded[request.Path == "/endless" ? 0 : 1].SetResult(exchange);
        });
        using var second = NewClient(_server);
        using var endless = await _client.GetAsync(new Uri("endless", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        var unanswered = second.GetAsync(new Uri("unanswered", UriKind.Relative));
        await _server.WaitForRequestsAsync(2).WaitAsync(Patience);

        await _server.DisposeAsync().AsTask().WaitAsync(Patience);

        var exchanges = await Task.WhenAll(scriptsEnded.Select(s => s.Task)).WaitAsync(Patience);
        Assert.All(exchanges, e => Assert.True(e.Aborted.IsCancellationRequested));
        await Assert.ThrowsAsync<HttpRequestException>(() => unanswered).WaitAsync(Patience);
        await using var body = await endless.Content.ReadAsStreamAsync();
        await Assert.ThrowsAnyAsync<IOException>(() => body.CopyToAsync(Stream.Null)).WaitAsync(Patience);
    }

    [Fact]
    public async Task A_reset_after_the_request_is_read_fails_the_client_call()
    {
        _server.Respond((_, exchange) =>
        {
            exchange.Reset();
            return Task.CompletedTask;
        });

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => _client.GetAsync(new Uri("reset", UriKind.Relative))).WaitAsync(Patience);

        AssertConnectionReset(failure);
        Assert.Single(_server.RequestsTo("/reset"));
        Assert.Empty(_server.Errors);
    }

    [Fact]
    public async Task ResetOnAccept_fails_the_client_call_without_recording_a_request_then_serves_again()
    {
        _server.ResetOnAccept = 1;

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => _client.GetAsync(new Uri("refused", UriKind.Relative))).WaitAsync(Patience);

        // Reset while the client is still connecting: .NET usually reports it as HttpRequestException (connection
        // reset), but may let the SocketException of reading the connection's remote address through unwrapped
        // ("Transport endpoint is not connected"); both say the connection was dropped before any request.
        if (failure is SocketException dropped)
            Assert.Contains(dropped.SocketErrorCode, new[] { SocketError.NotConnected, SocketError.ConnectionReset });
        else
            AssertConnectionReset(Assert.IsType<HttpRequestException>(failure));
        Assert.Empty(_server.Requests);
        Assert.Equal((1, 0), (_server.ConnectionsAccepted, _server.ResetOnAccept));
        using var client = NewClient(_server);
        using var response = await client.GetAsync(new Uri("served", UriKind.Relative)).WaitAsync(Patience);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal((2, 1), (_server.ConnectionsAccepted, _server.Requests.Count));
    }

    [Fact]
    public async Task A_request_never_answered_is_recorded_and_held_until_the_client_gives_up()
    {
        var scriptEnded = new TaskCompletionSource<HostileExchange>(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Respond(async (_, exchange) =>
        {
            await exchange.NeverAnswerAsync();
            scriptEnded.SetResult(exchange);
        });
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _client.GetAsync(new Uri("void", UriKind.Relative), giveUp.Token)).WaitAsync(Patience);

        Assert.Single(_server.RequestsTo("/void"));
        var exchange = await scriptEnded.Task.WaitAsync(Patience);
        Assert.True(exchange.ClientDisconnected);
        Assert.Equal(0, exchange.BytesWritten);
    }

    [Fact]
    public async Task A_script_that_outlives_MaxScriptDuration_is_aborted_and_its_connection_reset()
    {
        _server.MaxScriptDuration = TimeSpan.FromMilliseconds(300);
        _server.Respond((_, exchange) => exchange.NeverAnswerAsync());

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => _client.GetAsync(new Uri("forever", UriKind.Relative))).WaitAsync(Patience);

        AssertConnectionReset(failure);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_trickle_with_a_length_is_a_slow_but_complete_body_and_keeps_the_connection()
    {
        _server.Respond((request, exchange) => request.Path == "/slow"
            ? exchange.TrickleAsync(200, "ab"u8.ToArray(), TimeSpan.FromMilliseconds(10), contentLength: 9)
            : exchange.RespondAsync(200, "\"next\""));

        using var response = await _client.GetAsync(new Uri("slow", UriKind.Relative)).WaitAsync(Patience);
        var next = await _client.GetStringAsync(new Uri("next", UriKind.Relative)).WaitAsync(Patience);

        Assert.Equal(9, response.Content.Headers.ContentLength);
        Assert.Equal("ababababa", await response.Content.ReadAsStringAsync());
        Assert.Equal("\"next\"", next);
        Assert.Equal(1, _server.ConnectionsAccepted);
    }

    [Fact]
    public async Task A_chunked_trickle_sends_tick_after_tick_until_the_client_leaves()
    {
        var scriptEnded = new TaskCompletionSource<HostileExchange>(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Respond(async (_, exchange) =>
        {
            await exchange.TrickleAsync(200, "tick;"u8.ToArray(), TimeSpan.FromMilliseconds(20));
            scriptEnded.SetResult(exchange);
        });
        // Left alone, disposing the response mid-body would make the client read on for up to two seconds first.
        using var client = NewClient(_server, h => h.MaxResponseDrainSize = 0);

        var received = new StringBuilder();
        using (var response = await client.GetAsync(new Uri("trickle", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience))
        {
            Assert.True(response.Headers.TransferEncodingChunked);
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[64];
            while (received.Length < 15)
            {
                var count = await body.ReadAsync(buffer).AsTask().WaitAsync(Patience);
                Assert.NotEqual(0, count);
                received.Append(Encoding.UTF8.GetString(buffer, 0, count));
            }
        }

        var exchange = await scriptEnded.Task.WaitAsync(Patience);

        Assert.StartsWith("tick;tick;tick;", received.ToString(), StringComparison.Ordinal);
        Assert.True(exchange.ClientDisconnected);
    }

    [Theory]
    [InlineData(true, "application/json")]
    [InlineData(false, "text/xml; charset=utf-8")]
    public async Task A_huge_body_arrives_whole_at_its_exact_size_as_a_valid_document(bool declareLength, string contentType)
    {
        const long Size = 3 * 1024 * 1024 + 7;
        _server.Respond((_, exchange) => exchange.HugeBodyAsync(200, Size, contentType, declareLength));

        using var response = await _client.GetAsync(new Uri("huge", UriKind.Relative)).WaitAsync(Patience);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(Size, body.LongLength);
        Assert.Equal(declareLength, response.Content.Headers.NonValidated.Contains("Content-Length"));
        Assert.Equal(!declareLength, response.Headers.TransferEncodingChunked ?? false);
        var padding = declareLength
            ? JsonDocument.Parse(body).RootElement.GetProperty("padding").GetString()
            : XDocument.Parse(Encoding.UTF8.GetString(body)).Root!.Value;
        Assert.NotNull(padding);
        Assert.True(padding.Length > Size - 20 && padding.All(c => c == 'x'));
    }

    [Fact]
    public async Task Raw_sends_reach_the_client_byte_for_byte_and_Close_ends_the_stream()
    {
        const string Answer = "HTTP/1.1 200 Whatever\r\nContent-Length: 10\r\nX-Odd:   spaced  \r\n\r\nonly5";
        _server.Respond(async (_, exchange) =>
        {
            await exchange.SendAsync(Answer);
            exchange.Close();
        });

        var received = await RawExchangeAsync(_server, "GET /raw HTTP/1.1\r\nHost: hostile\r\n\r\n");

        Assert.Equal(Answer, received);
        Assert.Single(_server.RequestsTo("/raw"));
    }

    [Fact]
    public async Task A_body_cut_short_by_Close_fails_the_clients_read()
    {
        _server.Respond(async (_, exchange) =>
        {
            await exchange.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nonly5");
            exchange.Close();
        });

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => _client.GetStringAsync(new Uri("cut", UriKind.Relative))).WaitAsync(Patience);

        // An orderly end of the stream, not a reset: the client reads the five bytes, then the end.
        Assert.Equal(HttpRequestError.ResponseEnded, failure.HttpRequestError);
    }

    [Fact]
    public async Task A_malformed_request_is_refused_with_400_and_listed_in_Errors()
    {
        var received = await RawExchangeAsync(_server, "GET /bad HTTP/1.1\r\nHost: hostile\r\nno colon here\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 400 ", received, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
        Assert.Equal(400, Assert.IsType<MalformedRequestException>(Assert.Single(_server.Errors)).StatusCode);
    }

    [Fact]
    public async Task A_script_that_throws_is_listed_in_Errors_and_the_client_fails_at_once()
    {
        _server.Respond((_, _) => throw new InvalidOperationException("a broken script"));

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => _client.GetAsync(new Uri("broken", UriKind.Relative))).WaitAsync(Patience);

        AssertConnectionReset(failure);

        Assert.Equal("a broken script", Assert.IsType<InvalidOperationException>(Assert.Single(_server.Errors)).Message);
    }

    [Fact]
    public async Task Only_IPv4_loopback_addresses_can_be_listened_on()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => HostileServer.StartAsync(IPAddress.Any));
        await Assert.ThrowsAsync<ArgumentException>(() => HostileServer.StartAsync(IPAddress.Parse("10.0.0.1")));
        await Assert.ThrowsAsync<ArgumentException>(() => HostileServer.StartAsync(IPAddress.IPv6Loopback));
    }

    [FactWhenBindable("127.0.0.2")]
    public async Task A_server_on_another_loopback_address_is_another_origin_that_answers()
    {
        await using var other = await HostileServer.StartAsync(IPAddress.Parse("127.0.0.2"));
        other.Respond((_, exchange) => exchange.RespondAsync(200, "\"from 127.0.0.2\""));
        using var client = NewClient(other);

        var answer = await client.GetStringAsync(new Uri("there", UriKind.Relative)).WaitAsync(Patience);

        Assert.Equal(new Uri($"http://127.0.0.2:{other.Port}/"), other.BaseUrl);
        Assert.Equal("\"from 127.0.0.2\"", answer);
        Assert.Equal($"127.0.0.2:{other.Port}", Assert.Single(other.Requests).Header("Host"));
        Assert.Empty(_server.Requests);
    }

    /// <summary>The failure is a TCP reset seen by the client, not an orderly close or a timeout.</summary>
    private static void AssertConnectionReset(HttpRequestException failure)
    {
        var causes = new List<Exception>();
        for (Exception? cause = failure; cause is not null; cause = cause.InnerException)
            causes.Add(cause);
        Assert.Contains(causes, c => c is SocketException { SocketErrorCode: SocketError.ConnectionReset });
    }

    private static HttpClient NewClient(HostileServer server, Action<SocketsHttpHandler>? configure = null)
    {
        // No proxy: a proxy from the environment would stand between the client and every answer.
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false };
        configure?.Invoke(handler);
        return new HttpClient(handler) { BaseAddress = server.BaseUrl, Timeout = Patience };
    }

    /// <summary>Sends <paramref name="request"/> on a raw connection and returns everything received until the server closes it.</summary>
    private static async Task<string> RawExchangeAsync(HostileServer server, string request)
    {
        using var giveUp = new CancellationTokenSource(Patience);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(server.Address, server.Port, giveUp.Token);
        await socket.SendAsync(Encoding.ASCII.GetBytes(request), SocketFlags.None, giveUp.Token);
        using var received = new MemoryStream();
        var buffer = new byte[4096];
        int count;
        while ((count = await socket.ReceiveAsync(buffer, SocketFlags.None, giveUp.Token)) > 0)
            received.Write(buffer, 0, count);
        return Encoding.UTF8.GetString(received.ToArray());
    }

    /// <summary>A request body of unknown length written in separate pieces, so the client sends it chunked, a chunk a piece.</summary>
    private sealed class PiecewiseContent(params string[] pieces) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            foreach (var piece in pieces)
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(piece));
                await stream.FlushAsync();
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
