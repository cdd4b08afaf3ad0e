namespace Contracts.Ogangi.Tests;

/// <summary>
/// The response XML of every method in the Messangi RESTful API documentation (Ogangi). The public copy lost the element
/// names and keeps the values; the names are the contract's (which follows the result tables and the Response XML
/// Basics appendix: root response with input, status, description and result).
/// </summary>
internal static class DocumentSamples
{
    public const string SendSms = """
        <response>
          <input>sendSMS</input>
          <status>OK</status>
          <description>Completed</description>
          <result>
            <messages>
              <message>
                <id>-8174720676710228700</id>
                <carrier>carrierName</carrier>
                <from>19893653744</from>
                <to>13056708084</to>
                <text>OGANGI TEST MESSAGE</text>
                <status>SENT_TO_CARRIER</status>
                <statusDescription>Sent to Carrier</statusDescription>
                <encoding>UTF-8</encoding>
                <date>2013-09-17T10:13:59.176-04:30</date>
                <timezone>America/Caracas</timezone>
                <clientId>As223sdadq8d8287v5v</clientId>
              </message>
            </messages>
          </result>
        </response>
        """;

    public const string SendMt = """
        <response>
          <input>sendMT</input>
          <status>OK</status>
          <description>Completed</description>
        </response>
        """;

    public const string SendPin = """
        <response>
          <input>sendSMSPinMobileNumberConfirm</input>
          <status>OK</status>
          <description>Completed</description>
          <result>
            <PinSMSConfirmation>
              <pin>846547</pin>
            </PinSMSConfirmation>
          </result>
        </response>
        """;

    /// <summary>The GET sample names activateCampaign, not fireMessage.</summary>
    public const string FireMessage = """
        <response>
          <input>activateCampaign</input>
          <status>OK</status>
          <description>Completed</description>
        </response>
        """;

    public const string FireMessagePost = """
        <response>
          <input>fireMessage</input>
          <status>OK</status>
          <description>Completed</description>
          <result>
            <mtSent>
              <from>43</from>
              <mobilenumber>1200000001</mobilenumber>
              <text>Test qa API fireMessage.</text>
            </mtSent>
          </result>
        </response>
        """;

    public const string MoMessages = """
        <response>
          <input>getMOMessages</input>
          <status>OK</status>
          <description>Completed</description>
          <result>
            <MOMessageList>
              <records>17</records>
              <MOMessage>
                <text>Test</text>
                <from>58123456789</from>
                <to>19893143924</to>
                <encoding>UTF-8</encoding>
                <keyword>^OGANGI.*</keyword>
                <carrier>Movistar</carrier>
                <sendDate>2014-10-13 10:30:51.922</sendDate>
              </MOMessage>
            </MOMessageList>
          </result>
        </response>
        """;

    /// <summary>The status/description pairs of the "Response XML Basics" page.</summary>
    public static string Refusal(string method, string status, string description) => $"""
        <response>
          <input>{method}</input>
          <status>{status}</status>
          <description>{description}</description>
        </response>
        """;

    public const string BadSignatureDescription = "Invalid signature, access denied";

    public const string ErrorDescription = "Internal error, please report this to support@messangi.com";
}
