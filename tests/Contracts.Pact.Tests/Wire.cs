using System.Net.Http.Headers;
using System.Text;

namespace Contracts.Pacts.Tests;

/// <summary>Plain HTTP calls to the mock server, so the binding's tests control every byte the consumer sends.</summary>
internal static class Wire
{
    private static readonly HttpClient Http = new();

    public static async Task<(int Status, string Body, HttpResponseMessage Response)> SendAsync(
        ConsumerContext ctx,
        HttpMethod method,
        string pathAndQuery,
        string? body = null,
        string contentType = "application/json",
        params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, new Uri(ctx.MockServerUri, pathAndQuery.TrimStart('/')));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        foreach (var (name, value) in headers)
            request.Headers.TryAddWithoutValidation(name, value);
        var response = await Http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    public static Task<(int Status, string Body, HttpResponseMessage Response)> GetAsync(ConsumerContext ctx, string pathAndQuery, params (string Name, string Value)[] headers)
        => SendAsync(ctx, HttpMethod.Get, pathAndQuery, body: null, headers: headers);

    public static Task<(int Status, string Body, HttpResponseMessage Response)> PostJsonAsync(ConsumerContext ctx, string pathAndQuery, string json)
        => SendAsync(ctx, HttpMethod.Post, pathAndQuery, json);
}
