namespace Contracts.Ogangi;

/// <summary>The Ogangi client's friendly operations, beside the generated ones, so both can be mocked through one interface.</summary>
public partial interface IOgangiClient
{
    /// <inheritdoc cref="OgangiClient.SendSmsAsync(string, string, string, string?, CancellationToken)"/>
    Task<SendSmsResult> SendSmsAsync(string mobileNumber, string text, string from, string? carrier = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="OgangiClient.SendMtAsync(string, string, string, string?, string?, CancellationToken)"/>
    Task<OgangiResponse> SendMtAsync(string mobileNumber, string text, string from, string? carrier = null, string? flags = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="OgangiClient.SendPinAsync"/>
    Task<PinSmsConfirmation> SendPinAsync(string mobileNumber, string text, string from, int pinLength, string? carrier = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="OgangiClient.FireMessageAsync(string, string, CancellationToken)"/>
    Task<OgangiResponse> FireMessageAsync(string mobileNumber, string text, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="OgangiClient.FireMessageAsync(FireMessageDescriptor, CancellationToken)"/>
    Task<FireMessageResult> FireMessageAsync(FireMessageDescriptor descriptor, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="OgangiClient.GetMoMessagesAsync(int, int, OgangiMoFilter?, CancellationToken)"/>
    Task<MoMessageList> GetMoMessagesAsync(int page, int pageSize, OgangiMoFilter? filter = null, CancellationToken cancellationToken = default);
}
