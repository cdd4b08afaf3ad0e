using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace Contracts.Sandbox.Ogangi;

/// <summary>
/// What the simulated Campaign Manager answers: Ogangi's XML envelope (<c>&lt;response&gt;</c> with <c>input</c>,
/// <c>status</c>, <c>description</c> and the method's <c>result</c>) for every call that reaches a method, with HTTP
/// 200 whatever the status (as the consumer contract records it; the vendor documents no other), and the servlet
/// container's HTML status page for a request that reaches none.
/// </summary>
internal static class OgangiReplies
{
    /// <summary>The status/description pairs the contract documents.</summary>
    public const string Completed = "Completed";
    public const string BadSignatureDescription = "Invalid signature, access denied";
    public const string ErrorDescription = "Internal error, please report this to support@messangi.com";

    public static IResult Ok(string input, XElement? result = null) => Envelope(input, "OK", Completed, result);

    public static IResult BadSignature(string input) => Envelope(input, "BAD_SIGNATURE", BadSignatureDescription, result: null);

    public static IResult Error(string input) => Envelope(input, "ERROR", ErrorDescription, result: null);

    /// <summary>Tomcat-style status page: what a Java server answers for a path no resource serves.</summary>
    public static IResult ContainerPage(int status, string reason, string description, string? allow = null)
    {
        var html = "<!doctype html><html lang=\"en\"><head><title>HTTP Status " + status + " – " + reason + "</title></head>"
                   + "<body><h1>HTTP Status " + status + " – " + reason + "</h1><hr/><p><b>Type</b> Status Report</p>"
                   + "<p><b>Description</b> " + description + "</p><hr/><h3>Contracts.Sandbox (Ogangi Campaign Manager)</h3></body></html>";
        return new ContainerPageResult(status, html, allow);
    }

    private static IResult Envelope(string input, string status, string description, XElement? result)
    {
        var response = new XElement("response",
            new XElement("input", input),
            new XElement("status", status),
            new XElement("description", description),
            result);
        return Results.Text(response.ToString(), "application/xml; charset=utf-8", statusCode: 200);
    }

    private sealed class ContainerPageResult(int status, string html, string? allow) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            if (allow is not null)
                httpContext.Response.Headers.Allow = allow;
            httpContext.Response.ContentType = "text/html;charset=utf-8";
            return httpContext.Response.WriteAsync(html, httpContext.RequestAborted);
        }
    }
}
