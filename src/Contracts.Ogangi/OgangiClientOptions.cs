using Contracts.Core;
using Contracts.Core.Http;

namespace Contracts.Ogangi;

/// <summary>
/// Settings of an <see cref="OgangiClient"/>. <see cref="VendorClientOptions.ToString"/> never shows the private key.
/// What the contract states (the required base URL, the section and vendor name) is generated from it.
/// </summary>
public sealed partial class OgangiClientOptions : VendorClientOptions
{
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

    /// <inheritdoc />
    protected override IEnumerable<string?> Secrets() => [PrivateKey, PublicKey];

    /// <inheritdoc />
    protected override void ValidateVendorOptions(OptionsValidationBuilder failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (InstanceId is null)
            failures.Add(nameof(InstanceId), "is required (the workspace identification number Ogangi gave you).");
        else
            failures.AtLeast(nameof(InstanceId), InstanceId.Value, 0);
        if (failures.Require(nameof(PublicKey), PublicKey, "the API public key Ogangi gave you") && RouteSafety.SegmentProblem(PublicKey) is { } problem)
            failures.Add(nameof(PublicKey), problem);
        failures.Defined(nameof(SignedForm), SignedForm);
        failures.Require(nameof(PrivateKey), PrivateKey, "the API private key Ogangi gave you; it signs every call and is never sent");
    }
}
