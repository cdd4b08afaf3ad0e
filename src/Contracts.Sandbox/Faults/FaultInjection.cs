using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Contracts.Sandbox.Faults;

/// <summary>Applies a simulator's armed faults before its routes answer.</summary>
internal static class FaultInjection
{
    public static async Task HandleAsync(VendorSimulator simulator, HttpContext context, Func<Task> next)
    {
        var faults = simulator.Faults;
        if (faults.Delay > TimeSpan.Zero)
            await Task.Delay(faults.Delay, context.RequestAborted).ConfigureAwait(false);

        var (fault, expireNow) = faults.OnRequest();
        if (expireNow)
            simulator.ExpireCredentials();
        if (fault is null)
        {
            await next().ConfigureAwait(false);
            return;
        }

        // The request body is read as a real server would before answering (a client sees its upload complete).
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = fault.StatusCode;
        if (fault.RetryAfter is { } retryAfter)
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        if (fault.Body.Length > 0)
        {
            context.Response.ContentType = fault.ContentType;
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(fault.Body), context.RequestAborted).ConfigureAwait(false);
        }
    }
}
