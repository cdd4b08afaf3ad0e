using System.ServiceModel;
using System.Xml;

namespace Contracts.Onc;

/// <summary>
/// The WCF binding the contract describes (SOAP 1.1 over HTTP: basicHttpBinding), sized and timed so that WCF's own
/// limits never act before the SDK's pipeline, which reports them with its typed errors.
/// </summary>
internal static class OncBinding
{
    /// <summary>The largest timeout WCF accepts other than <see cref="TimeSpan.MaxValue"/> ("none"): int.MaxValue milliseconds.</summary>
    private static readonly TimeSpan LargestWcfTimeout = TimeSpan.FromMilliseconds(int.MaxValue);

    /// <summary>
    /// The deepest nesting an answer may have: the contract's deepest answer (envelope, body, wrapper, result, a
    /// contact, its channel, a member) is seven levels, and WCF's own default is 32.
    /// </summary>
    private const int MaxDepth = 64;

    /// <summary>
    /// No limit on what the size limit already bounds (campaign texts and HTML bodies exceed WCF's default of 8,192
    /// characters per string), but a limit on nesting: the serializer keeps members the contract does not name as
    /// extension data, reading them one nesting level per call, so an answer nested a few hundred thousand levels deep
    /// (a few megabytes) would overflow the stack and end the process, which no caller can catch.
    /// </summary>
    private static readonly XmlDictionaryReaderQuotas Quotas = CreateQuotas();

    private static XmlDictionaryReaderQuotas CreateQuotas()
    {
        var quotas = new XmlDictionaryReaderQuotas();
        XmlDictionaryReaderQuotas.Max.CopyTo(quotas);
        quotas.MaxDepth = MaxDepth;
        return quotas;
    }

    public static BasicHttpBinding Create(OncClientOptions options)
    {
        var address = options.ResolveBaseUrl();
        var backstop = Backstop(options.Timeout);
        return new BasicHttpBinding(address.Scheme == Uri.UriSchemeHttps ? BasicHttpSecurityMode.Transport : BasicHttpSecurityMode.None)
        {
            // The pipeline's WireHandler reads every answer first and refuses one above MaxResponseBytes
            // (ResponseTooLargeException): WCF, given the same limit, never sees a larger one.
            MaxReceivedMessageSize = options.MaxResponseBytes,
            MaxBufferSize = (int)Math.Min(options.MaxResponseBytes, int.MaxValue),
            ReaderQuotas = Quotas,
            OpenTimeout = backstop,
            SendTimeout = backstop,
            ReceiveTimeout = backstop,
            CloseTimeout = backstop,
        };
    }

    /// <summary>
    /// WCF's timeouts: twice the client's Timeout, so that they never cut in before the SDK's deadline.
    /// </summary>
    /// <remarks>
    /// <para>The client's Timeout bounds a whole call (all its SOAP requests) from the moment it starts, through the
    /// pipeline's CallDeadlineHandler; WCF's SendTimeout bounds each request from the moment WCF starts it, a little
    /// later. Were they equal, WCF's would end a session open (which runs on its own deadline, started inside the
    /// pipeline) a moment before ours, cancel the pipeline's token and turn the request into WCF's own
    /// TimeoutException, which says nothing about delivery. ReceiveTimeout does not apply to request-reply, and
    /// opening and closing an HTTP channel send nothing; they get the same value so that none is left at WCF's
    /// defaults.</para>
    /// <para>They stay finite as a backstop: a pipeline given to the client without the SDK's handlers is still bounded.
    /// Should WCF's timeout ever fire first, <c>OncWire</c> reports a <see cref="Contracts.Core.VendorTimeoutException"/>.</para>
    /// </remarks>
    private static TimeSpan Backstop(TimeSpan timeout)
    {
        if (timeout == Timeout.InfiniteTimeSpan || timeout >= LargestWcfTimeout / 2)
            return TimeSpan.MaxValue; // WCF's "none"; anything above LargestWcfTimeout is refused
        return timeout * 2;
    }
}
