using System.Net;
using Contracts.Hostile.Tests.Infrastructure;
using Contracts.Ogangi;
using Contracts.Ogangi.Tests;

namespace Contracts.Hostile.Tests.Ogangi;

/// <summary>An Ogangi Campaign Manager played by a <see cref="HostileServer"/>: its base path, keys and answers.</summary>
internal static class OgangiHostile
{
    public const string BasePath = "/mmc/rest/api/";
    public const long InstanceId = 8;
    public const string PublicKey = "hostilePublicKey7Q";
    public const string PrivateKey = "hostilePrivateKey9Z";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>Ogangi's documented sendSMS answer (the same sample the Ogangi tests use).</summary>
    public const string SendSmsOk = DocumentSamples.SendSms;

    /// <summary>Ogangi's documented getMOMessages answer.</summary>
    public const string MoMessagesOk = DocumentSamples.MoMessages;

    public static OgangiClient Client(HostileServer server, Action<OgangiClientOptions>? configure = null)
    {
        var options = new OgangiClientOptions
        {
            BaseUrl = new Uri(server.BaseUrl, BasePath.TrimStart('/')),
            InstanceId = InstanceId,
            PublicKey = PublicKey,
            PrivateKey = PrivateKey,
            Timeout = Timeout,
            RetryDelay = TimeSpan.Zero,
        };
        configure?.Invoke(options);
        return new OgangiClient(options);
    }

    public static Task<SendSmsResult> SendSmsAsync(OgangiClient client, CancellationToken cancellationToken = default)
        => client.SendSmsAsync("13056708084", "OGANGI TEST MESSAGE", "19893653744", cancellationToken: cancellationToken);

    public static bool IsSendSms(HostileRequest request) => request.Path.Contains("/tools/sendSMS/", StringComparison.Ordinal);

    public static bool IsGetMo(HostileRequest request) => request.Path.Contains("/tools/getMOMessages/", StringComparison.Ordinal);

    /// <summary>The signature the request carried: its last path segment, decoded.</summary>
    public static string SignatureOf(HostileRequest request) => Uri.UnescapeDataString(request.Path[(request.Path.LastIndexOf('/') + 1)..]);

    /// <summary>The public key the request carried: its next-to-last path segment, decoded.</summary>
    public static string PublicKeyOf(HostileRequest request)
    {
        var segments = request.Path.Split('/');
        return Uri.UnescapeDataString(segments[^2]);
    }

    /// <summary>Every text an exception shows: message, ToString, and the same for each inner exception, plus vendor fields.</summary>
    public static string EverythingShown(Exception exception)
    {
        var texts = new List<string> { exception.ToString() };
        for (var e = exception; e is not null; e = e.InnerException)
        {
            texts.Add(e.Message);
            texts.Add(e.ToString());
            if (e is Contracts.Core.VendorApiException vendor)
                texts.Add($"{vendor.VendorMessage} {vendor.ErrorCode} {vendor.RequestId}");
            if (e is Contracts.Core.RedirectRefusedException redirect)
                texts.Add(redirect.Location ?? "");
            if (e is OgangiException ogangi)
                texts.AddRange(ogangi.Headers.SelectMany(h => h.Value.Select(v => $"{h.Key}: {v}")));
            if (e is AggregateException aggregate)
                texts.AddRange(aggregate.InnerExceptions.Select(EverythingShown));
        }

        return string.Join("\n", texts);
    }

    public static Task<HostileServer> StartSecondAsync(string address) => HostileServer.StartAsync(IPAddress.Parse(address));
}
