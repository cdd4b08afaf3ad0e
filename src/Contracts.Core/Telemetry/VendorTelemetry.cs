using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Contracts.Core.Telemetry;

/// <summary>
/// The <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/> of one SDK
/// package (Contracts.Engage, Contracts.Ogangi, Contracts.Accengage, Contracts.Onc), both named after it, created once
/// per name and shared by every client of that package. Listen with OpenTelemetry's <c>AddSource("Contracts.*")</c>
/// and <c>AddMeter("Contracts.*")</c>.
/// </summary>
/// <remarks>
/// Spans and instruments carry the vendor, the contract's operation id, the route TEMPLATE, the status and the
/// outcome: never a URL, a query, a header or a body, which carry keys, signatures, phone numbers and message text.
/// </remarks>
public sealed class VendorTelemetry
{
    /// <summary>The name used when a component does not know its package (a handler built without one).</summary>
    public const string CoreName = "Contracts.Core";

    private static readonly ConcurrentDictionary<string, VendorTelemetry> ByName = new(StringComparer.Ordinal);

    private static readonly string Version = typeof(VendorTelemetry).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private VendorTelemetry(string name)
    {
        Name = name;
        ActivitySource = new ActivitySource(name, Version);
        Meter = new Meter(name, Version);
        CallDuration = Meter.CreateHistogram<double>(TelemetryNames.CallDuration, "s", "How long a vendor call took, retries and waits included.");
        Calls = Meter.CreateCounter<long>(TelemetryNames.Calls, "{call}", "Vendor calls, by outcome.");
        BatchItems = Meter.CreateCounter<long>(TelemetryNames.BatchItems, "{item}", "Batch items, by outcome.");
        TokenAcquisitions = Meter.CreateCounter<long>(TelemetryNames.TokenAcquisitions, "{acquisition}", "Token (or session) requests made to the vendor, by result.");
        Retries = Meter.CreateCounter<long>(TelemetryNames.Retries, "{retry}", "Requests sent again by the pipeline.");
        RedirectsRefused = Meter.CreateCounter<long>(TelemetryNames.RedirectsRefused, "{redirect}", "Vendor answers that redirected and were refused.");
    }

    /// <summary>The package's name: the source's and the meter's.</summary>
    public string Name { get; }

    /// <summary>Where the package's spans come from.</summary>
    public ActivitySource ActivitySource { get; }

    /// <summary>Where the package's instruments live.</summary>
    public Meter Meter { get; }

    internal Histogram<double> CallDuration { get; }

    internal Counter<long> Calls { get; }

    internal Counter<long> BatchItems { get; }

    internal Counter<long> TokenAcquisitions { get; }

    internal Counter<long> Retries { get; }

    internal Counter<long> RedirectsRefused { get; }

    /// <summary>
    /// The telemetry of the package named <paramref name="productName"/> (e.g. Contracts.Engage): the same instance
    /// for the same name for the life of the process, so that clients created per scope do not multiply sources.
    /// </summary>
    public static VendorTelemetry For(string productName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productName);
        return ByName.GetOrAdd(productName, static name => new VendorTelemetry(name));
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
