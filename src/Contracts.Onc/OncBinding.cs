using System.ServiceModel;
using System.Xml;

namespace Contracts.Onc;

/// <summary>The WCF binding the contract describes (SOAP 1.1 over HTTP: basicHttpBinding), sized and timed from the options.</summary>
internal static class OncBinding
{
    public static BasicHttpBinding Create(OncClientOptions options)
    {
        var address = options.ResolveBaseUrl();
        // WCF takes TimeSpan.MaxValue, not Timeout.InfiniteTimeSpan, for "no limit".
        var timeout = options.Timeout == Timeout.InfiniteTimeSpan ? TimeSpan.MaxValue : options.Timeout;
        return new BasicHttpBinding(address.Scheme == Uri.UriSchemeHttps ? BasicHttpSecurityMode.Transport : BasicHttpSecurityMode.None)
        {
            MaxReceivedMessageSize = options.MaxResponseSize,
            MaxBufferSize = (int)Math.Min(options.MaxResponseSize, int.MaxValue),
            // Campaign texts and HTML bodies exceed WCF's default quotas (8,192 characters per string).
            ReaderQuotas = XmlDictionaryReaderQuotas.Max,
            OpenTimeout = timeout,
            SendTimeout = timeout,
            ReceiveTimeout = timeout,
            CloseTimeout = timeout,
        };
    }
}
