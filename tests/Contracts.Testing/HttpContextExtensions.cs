using System.Text;
using Microsoft.AspNetCore.Http;

namespace Contracts.Testing;

public static class HttpContextExtensions
{
    /// <summary>Answers with <paramref name="status"/> and a JSON body (none when null).</summary>
    public static async Task RespondJsonAsync(this HttpContext context, int status, string? json)
    {
        context.Response.StatusCode = status;
        if (json is null)
            return;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(json)).ConfigureAwait(false);
    }
}
