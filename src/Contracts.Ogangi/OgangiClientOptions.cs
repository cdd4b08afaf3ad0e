using Contracts.Core;
using Contracts.Core.Http;

namespace Contracts.Ogangi;

/// <summary>Settings of an <see cref="OgangiClient"/>. <see cref="VendorClientOptions.ToString"/> never shows the private key.</summary>
public sealed class OgangiClientOptions : VendorClientOptions
{
    /// <summary>The configuration section <c>AddOgangiClient(configuration)</c> reads by convention.</summary>
    public const string SectionName = "Contracts:Ogangi";

    /// <summary>
    /// The workspace identification number Ogangi gives with your Campaign Manager's URL; the first parameter of
    /// every call.
    /// </summary>
    public long? InstanceId { get; set; }

    /// <summary>The public key to access the API; sent in the URL of every call.</summary>
    public string PublicKey { get; set; } = "";

    /// <summary>
    /// The private key that signs every call. Never sent, never logged, never shown by <see cref="VendorClientOptions.ToString"/>.
    /// </summary>
    public string PrivateKey { get; set; } = "";

    /// <summary>
    /// Which text of each path parameter is signed (see <see cref="OgangiSignedForm"/>). Default
    /// <see cref="OgangiSignedForm.DecodedValues"/>; switch to <see cref="OgangiSignedForm.AsInUrl"/> if Ogangi
    /// answers <c>BAD_SIGNATURE</c> to calls whose values hold a space or an MO filter's <c>^</c>.
    /// </summary>
    public OgangiSignedForm SignedForm { get; set; } = OgangiSignedForm.DecodedValues;

    /// <summary>
    /// Whether the JSON body of fireMessage (POST) is signed too, as its last input parameter (after the instance
    /// id: <c>8/{"event":...}</c>). The document lists the "Json POST" among the method's parameters and says the
    /// signature involves all input parameters, while Ogangi's public client code signs only the path. Default false
    /// (the path only); set true if Ogangi answers <c>BAD_SIGNATURE</c> to fireMessage (POST).
    /// </summary>
    public bool SignFireMessageBody { get; set; }

    /// <summary>The base URL requests go to: <see cref="VendorClientOptions.BaseUrl"/>, which is required.</summary>
    /// <remarks>
    /// Each customer has its own Campaign Manager, so there is no default host to fall back on (a wrong one would
    /// receive your signed calls).
    /// </remarks>
    /// <exception cref="InvalidOperationException"><see cref="VendorClientOptions.BaseUrl"/> is not set.</exception>
    public override Uri ResolveBaseUrl()
        => BaseUrl ?? throw new InvalidOperationException("OgangiClientOptions.BaseUrl is required: your Campaign Manager's REST API base.");

    /// <inheritdoc />
    protected override string VendorName => "Ogangi";

    /// <inheritdoc />
    protected override IEnumerable<string?> Secrets() => [PrivateKey, PublicKey];

    /// <inheritdoc />
    protected override void ValidateVendorOptions(OptionsValidationBuilder failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (BaseUrl is null)
            failures.Add(nameof(BaseUrl), "is required: your Campaign Manager's REST API base, ending in /rest/api/ (e.g. https://www.messangi.com/messangi_mmc/rest/api/).");
        if (InstanceId is null)
            failures.Add(nameof(InstanceId), "is required (the workspace identification number Ogangi gave you).");
        else if (InstanceId < 0)
            failures.Add(nameof(InstanceId), $"cannot be negative (got {InstanceId}).");
        if (string.IsNullOrWhiteSpace(PublicKey))
            failures.Add(nameof(PublicKey), "is required (the API public key Ogangi gave you).");
        else if (RouteSafety.SegmentProblem(PublicKey) is { } problem)
            failures.Add(nameof(PublicKey), problem);
        if (!Enum.IsDefined(SignedForm))
            failures.Add(nameof(SignedForm), $"must be {OgangiSignedForm.DecodedValues} or {OgangiSignedForm.AsInUrl}.");
        if (string.IsNullOrEmpty(PrivateKey))
            failures.Add(nameof(PrivateKey), "is required (the API private key Ogangi gave you; it signs every call and is never sent).");
    }
}
