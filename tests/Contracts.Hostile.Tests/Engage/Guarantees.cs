using System.Reflection;
using Contracts.Hostile.Tests.Infrastructure;

namespace Contracts.Hostile.Tests;

/// <summary>Assertions shared by the vendor tests against the hostile server.</summary>
internal static class Guarantees
{
    /// <summary>The bound every call must end within: a regression fails the test instead of hanging it.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Runs the call, bounded by <see cref="Patience"/>, and returns the exception it must end with.</summary>
    public static async Task<T> ThrowsWithin<T>(Func<Task> call)
        where T : Exception
        => await Assert.ThrowsAsync<T>(() => call().WaitAsync(Patience));

    /// <summary>Runs the call, bounded by <see cref="Patience"/>, and returns the exception it ended with (any type).</summary>
    public static async Task<Exception> FailsWithin(Func<Task> call)
    {
        var e = await Record.ExceptionAsync(() => call().WaitAsync(Patience));
        Assert.NotNull(e);
        Assert.IsNotType<TimeoutException>(e);
        return e;
    }

    /// <summary>
    /// None of the secrets appears in the exception's text (ToString covers the inner exceptions), its message, or
    /// any string-valued public property (Response, VendorMessage, Location, header values) of it or its inner ones.
    /// </summary>
    public static void NoSecretIn(Exception exception, params string?[] secrets)
    {
        var texts = new List<string> { exception.ToString() };
        for (var e = exception; e is not null; e = e.InnerException)
        {
            texts.Add(e.Message);
            foreach (var property in e.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length > 0 || property.Name is nameof(Exception.TargetSite))
                    continue;
                object? value;
                try
                {
                    value = property.GetValue(e);
                }
                catch (TargetInvocationException)
                {
                    continue;
                }

                switch (value)
                {
                    case string s:
                        texts.Add(s);
                        break;
                    case IReadOnlyDictionary<string, IEnumerable<string>> headers:
                        texts.AddRange(headers.Select(h => h.Key + ": " + string.Join(", ", h.Value)));
                        break;
                    case Uri uri:
                        texts.Add(uri.OriginalString);
                        break;
                }
            }
        }

        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)))
            Assert.All(texts, text => Assert.DoesNotContain(secret!, text, StringComparison.Ordinal));
    }

    /// <summary>No request the server received carries any of the secrets, in its target, headers or body.</summary>
    public static void NothingSecretReached(HostileServer server, params string?[] secrets)
    {
        foreach (var request in server.Requests)
        {
            var wire = request.Target + "\n" + string.Join("\n", request.Headers.Select(h => h.Name + ": " + h.Value)) + "\n" + request.BodyText;
            foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)))
                Assert.DoesNotContain(secret!, wire, StringComparison.Ordinal);
        }
    }

    /// <summary>The whole request as text, for a server that echoes it back.</summary>
    public static string Echo(HostileRequest request)
        => request.Method + " " + request.Target + "\n" + string.Join("\n", request.Headers.Select(h => h.Name + ": " + h.Value)) + "\n\n" + request.BodyText;
}
