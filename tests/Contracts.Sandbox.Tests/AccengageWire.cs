using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Contracts.Sandbox.Tests;

/// <summary>
/// Raw HTTP to the simulated Accengage, signed by hand (SHA1 of body + API key + time, computed here rather than by
/// the SDK, so a test of the sandbox does not lean on the code it is meant to check).
/// </summary>
internal sealed class AccengageWire(HttpClient http, Func<long> now, string apiKey = "a1b2c3d4e5f6g7h8")
{
    public const string App = "v1/me/apps/myPartnerId";

    public static string Sign(string body, string key, string time)
        => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(body + key + time)));

    public async Task<string> TokenAsync()
    {
        using var answer = await SendAsync(HttpMethod.Post, "v1/access_token", """{"email":"mymail@client.com"}""", token: null);
        var body = await ReadAsync(answer);
        Assert.True(answer.IsSuccessStatusCode, body.ToString());
        return body.GetProperty("access_token").GetString()!;
    }

    /// <summary>Sends a signed request; <paramref name="token"/> "" means "get one first", null means none.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string? token = "", string? key = null, long? time = null, string? signedBody = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        var timeText = (time ?? now()).ToString(CultureInfo.InvariantCulture);
        request.Headers.Add("Accengage-Time", timeText);
        request.Headers.Add("Accengage-Signature", Sign(signedBody ?? json ?? "", key ?? apiKey, timeText));
        if (token == "")
            token = await TokenAsync();
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    public async Task<(int Status, JsonElement Body)> CallAsync(HttpMethod method, string path, string? json = null, string? token = "")
    {
        using var answer = await SendAsync(method, path, json, token);
        return ((int)answer.StatusCode, await ReadAsync(answer));
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage answer)
    {
        var text = await answer.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The single error of an error body: its label and message.</summary>
    public static (string Label, string Message) Error(JsonElement body)
    {
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        return (error.GetProperty("label").GetString()!, error.GetProperty("message").GetString()!);
    }
}
