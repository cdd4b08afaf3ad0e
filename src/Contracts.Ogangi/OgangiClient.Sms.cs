namespace Contracts.Ogangi;

public partial class OgangiClient
{
    /// <summary>Sends an SMS (Ogangi's <c>tools/sendSMS</c>) and returns the message Ogangi created.</summary>
    /// <param name="mobileNumber">The recipient, in international form with or without '+' (e.g. 13056708084).</param>
    /// <param name="text">The message; sent Base64url-encoded, at most <see cref="OgangiLimits.MaxTextLength"/> UTF-16 code units.</param>
    /// <param name="from">The short or long code the SMS comes from.</param>
    /// <param name="carrier">The recipient's mobile operator; null lets Ogangi choose (sent as <c>null</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">A value is invalid; nothing was sent.</exception>
    /// <exception cref="OgangiException">Ogangi refused the call or answered something other than its XML response.</exception>
    /// <exception cref="Contracts.Core.UnreadableAnswerException">Ogangi answered OK without the message it created.</exception>
    public Task<SendSmsResult> SendSmsAsync(string mobileNumber, string text, string from, string? carrier = null, CancellationToken cancellationToken = default)
    {
        return CallAsync(
            "sendSMS",
            SendSmsCheckedRequest(InstanceId, carrier, from, mobileNumber, text),
            OgangiClientXml.SendSmsResponse,
            answer => answer.Result ?? new SendSmsResult { Messages = [] },
            result => result.Messages is { Count: > 0 } ? null : "the answer says OK but holds no <message>",
            cancellationToken);
    }

    /// <summary>
    /// Sends an SMS through the Campaign Manager (Ogangi's <c>sendMT</c>, or <c>sendMT</c> with flags when
    /// <paramref name="flags"/> is set). Ogangi documents no result for it: the answer's envelope is returned.
    /// </summary>
    /// <param name="mobileNumber">The recipient, in international form with or without '+' (e.g. 13056708084).</param>
    /// <param name="text">The message; sent Base64url-encoded, at most <see cref="OgangiLimits.MaxTextLength"/> UTF-16 code units.</param>
    /// <param name="from">The short or long code the SMS comes from.</param>
    /// <param name="carrier">The operator ID; null lets the Campaign Manager look for a suitable carrier (sent as <c>null</c>).</param>
    /// <param name="flags">Flags for a backend job (format not documented by Ogangi); null uses the route without flags.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">A value is invalid; nothing was sent.</exception>
    /// <exception cref="OgangiException">Ogangi refused the call or answered something other than its XML response.</exception>
    public Task<OgangiResponse> SendMtAsync(string mobileNumber, string text, string from, string? carrier = null, string? flags = null, CancellationToken cancellationToken = default)
    {
        return CallAsync(
            "sendMT",
            flags is null
                ? SendMtCheckedRequest(InstanceId, from, carrier, mobileNumber, text)
                : SendMtWithFlagsCheckedRequest(InstanceId, from, carrier, mobileNumber, text, flags),
            OgangiClientXml.OgangiResponse,
            Envelope,
            missing: null,
            cancellationToken);
    }

    /// <summary>
    /// Generates a PIN, sends it by SMS (Ogangi's <c>tools/sendSMSPinMobileNumberConfirm</c>) and returns it, so the
    /// caller can compare it with what the user types back.
    /// </summary>
    /// <param name="mobileNumber">The recipient, in international form with or without '+' (e.g. 13056708084).</param>
    /// <param name="text">The message that carries the PIN; how Ogangi places the PIN in it is not documented.</param>
    /// <param name="from">The short or long code the SMS comes from.</param>
    /// <param name="pinLength">Digits in the PIN, <see cref="OgangiLimits.MinPinLength"/> to <see cref="OgangiLimits.MaxPinLength"/>.</param>
    /// <param name="carrier">The operator name (case sensitive); null when not known (sent as <c>null</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The confirmation; its <c>Pin</c> is text, leading zeros kept.</returns>
    /// <exception cref="ArgumentException">A value is invalid; nothing was sent.</exception>
    /// <exception cref="OgangiException">Ogangi refused the call or answered something other than its XML response.</exception>
    /// <exception cref="Contracts.Core.UnreadableAnswerException">Ogangi answered OK without the PIN.</exception>
    public Task<PinSmsConfirmation> SendPinAsync(string mobileNumber, string text, string from, int pinLength, string? carrier = null, CancellationToken cancellationToken = default)
    {
        return CallAsync(
            "sendSMSPinMobileNumberConfirm",
            SendSmsPinMobileNumberConfirmCheckedRequest(InstanceId, carrier, from, mobileNumber, text, pinLength),
            OgangiClientXml.PinSmsConfirmationResponse,
            answer => answer.Result?.PinSMSConfirmation ?? new PinSmsConfirmation(),
            result => string.IsNullOrEmpty(result.Pin) ? "the answer says OK but holds no <PinSMSConfirmation><pin>" : null,
            cancellationToken);
    }

    /// <summary>The envelope of a method whose result Ogangi does not document (sendMT, fireMessage).</summary>
    private static OgangiResponse Envelope(OgangiResponse answer) => answer;
}
