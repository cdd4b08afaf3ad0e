namespace Contracts.Ogangi.Tests;

/// <summary>
/// Every operation of the contract, called through the friendly API with the values of the contract's worked example.
/// Tests run these against <see cref="FakeOgangi"/>; the Pact consumer tests (ConsumerContracts/) run the same calls
/// against a Pact mock server and read their typed results.
/// </summary>
internal static class OgangiOperations
{
    /// <summary>The filter of the vendor's MO search string example.</summary>
    public static OgangiMoFilter VendorExampleFilter { get; } = new()
    {
        From = ["13056708084"],
        Order = OgangiSortOrder.Descending,
        To = ["19893143924"],
        Keywords = ["^OGANGI.*"],
        Carriers = ["movistar"],
    };

    public static Task<SendSmsResult> SendSms(IOgangiClient c) => c.SendSmsAsync("13056708084", "OGANGI TEST MESSAGE", "19893653744", "carrierName");

    public static Task<OgangiResponse> SendMt(IOgangiClient c) => c.SendMtAsync("13056708084", "OGANGI TEST MESSAGE", "19893653744");

    public static Task<OgangiResponse> SendMtWithFlags(IOgangiClient c) => c.SendMtAsync("13056708084", "OGANGI TEST MESSAGE", "19893653744", flags: "null");

    public static Task<PinSmsConfirmation> SendPin(IOgangiClient c) => c.SendPinAsync("13056708084", "Your PIN code", "19893653744", 6, "Movistar");

    public static Task<OgangiResponse> FireMessage(IOgangiClient c) => c.FireMessageAsync("1200000001", "Test qa API fireMessage.");

    public static Task<FireMessageResult> FireMessageWithDescriptor(IOgangiClient c) => c.FireMessageAsync(FireMessageDescriptor.Create("SENDER_ID_CODE", "STOP", "13055468310"));

    public static Task<MoMessageList> GetMoMessages(IOgangiClient c) => c.GetMoMessagesAsync(1, 10, VendorExampleFilter);

    /// <summary>The calls above by the contract's operationId.</summary>
    public static IReadOnlyDictionary<string, Func<IOgangiClient, Task>> Calls { get; } = new Dictionary<string, Func<IOgangiClient, Task>>
    {
        ["sendSms"] = SendSms,
        ["sendMt"] = SendMt,
        ["sendMtWithFlags"] = SendMtWithFlags,
        ["sendSmsPinMobileNumberConfirm"] = SendPin,
        ["fireMessage"] = FireMessage,
        ["fireMessageWithDescriptor"] = FireMessageWithDescriptor,
        ["getMoMessages"] = GetMoMessages,
    };

    public static TheoryData<string> Ids()
    {
        var ids = new TheoryData<string>();
        foreach (var id in Calls.Keys)
            ids.Add(id);
        return ids;
    }
}
