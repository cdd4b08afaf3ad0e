using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using Contracts.Core;
using Contracts.Onc;
using Contracts.Sandbox.Onc;
using Microsoft.Extensions.Time.Testing;
using static Contracts.Onc.Tests.OncContract;
using static Contracts.Sandbox.Tests.OncSoapClient;

namespace Contracts.Sandbox.Tests;

/// <summary>The simulated ONC answers SOAP as a WCF basicHttpBinding service would, for the SDK client and for raw SOAP alike.</summary>
public sealed class OncSimulatorTests : IAsyncLifetime
{
    private static readonly Guid Demo = OncSandboxOptions.DemoCampaign;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero));
    private SandboxServer _sandbox = null!;
    private OncSoapClient _soap = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync(new SandboxOptions { TimeProvider = _time });
        _soap = new OncSoapClient(_sandbox.OncBaseUrl);
    }

    public async Task DisposeAsync()
    {
        _soap.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task Every_operation_round_trips_through_the_sdk_client()
    {
        await using (var client = _sandbox.CreateOncClient())
        {
            Assert.Equal([Demo, OncSandboxOptions.PausedCampaign], await client.GetCampaignListingAsync());
            var seeded = (await client.GetCampaignsAsync()).Single(c => c.ID == Demo);
            Assert.Equal("Appointment reminders", seeded.ShortName);
            Assert.Equal("+15550100100", seeded.OutboundSMSNotificationInfo!.FromNumber);
            Assert.Null(seeded.OutboundVoiceNotificationInfo);

            var autumn = NewCampaign(Guid.NewGuid());
            await client.AddCampaignAsync(autumn);
            var stored = await client.GetCampaignAsync(autumn.ID);
            Assert.NotNull(stored);
            Assert.Equal(("Autumn", "Autumn sale", new TimeSpan(8, 0, 0), new TimeSpan(20, 15, 0), new DateTime(2025, 9, 1)),
                (stored.ShortName, stored.Description, stored.ActiveFromTime, stored.ActiveToTime, stored.ActiveFromDate));
            Assert.Equal((25_000, "en-GB", "Autumn sale"), (stored.OutboundVoiceNotificationInfo!.DialMsTimeout, stored.OutboundVoiceNotificationInfo.TTSVoiceName, stored.OutboundVoiceNotificationInfo.TextToSpeak));
            Assert.Equal(_time.GetUtcNow().UtcDateTime, stored.CreationDateUtc.ToUniversalTime()); // the service's clock, not the caller's value

            stored.ShortName = "Autumn (extended)";
            stored.IsPaused = true;
            await client.UpdateCampaignAsync(stored);
            var updated = await client.GetCampaignAsync(autumn.ID);
            Assert.Equal(("Autumn (extended)", true), (updated!.ShortName, updated.IsPaused));

            var contact = new OutboundNotificationContactInfo
            {
                Id = Guid.NewGuid(),
                CampaignId = autumn.ID,
                SMSCommInfo = new CommunicationInfo { Destination = "+15550100777", RetryCount = 3, StatusCode = CommunicationStatusCode.Success, LastDeliveryErrorCode = 99, TextToSendOverwrite = "Hi" },
                EmailCommInfo = new CommunicationInfo { Destination = "", RetryCount = 1 },
            };
            await client.AddCampaignContactAsync(contact);
            Assert.Equal([contact.Id], await client.GetCampaignContactsListingAsync(autumn.ID));
            var added = Assert.Single(await client.GetCampaignContactsAsync(autumn.ID));
            Assert.Equal(("+15550100777", "Hi", 3), (added.SMSCommInfo!.Destination, added.SMSCommInfo.TextToSendOverwrite, added.SMSCommInfo.RetryCount));
            Assert.Equal((CommunicationStatusCode.Pending, 0), (added.SMSCommInfo.StatusCode, added.SMSCommInfo.LastDeliveryErrorCode)); // ignored on add
            Assert.Equal(CommunicationStatusCode.DoNotTry, added.EmailCommInfo!.StatusCode); // blank destination
            Assert.Null(added.VoiceCommInfo);

            added.SMSCommInfo.Destination = "+15550100778";
            added.SMSCommInfo.StatusCode = CommunicationStatusCode.Cancelled;
            await client.UpdateCampaignContactAsync(added);
            var changed = Assert.Single(await client.GetCampaignContactsAsync(autumn.ID));
            Assert.Equal(("+15550100778", CommunicationStatusCode.Pending), (changed.SMSCommInfo!.Destination, changed.SMSCommInfo.StatusCode)); // status ignored on update

            await client.DeleteCampaignContactAsync(autumn.ID, contact.Id);
            Assert.Empty(await client.GetCampaignContactsListingAsync(autumn.ID));
            await client.DeleteCampaignAsync(autumn.ID);
            Assert.Null(await client.GetCampaignAsync(autumn.ID));
            Assert.DoesNotContain(autumn.ID, await client.GetCampaignListingAsync());

            Assert.Equal(1, _sandbox.Onc.SessionsOpened);
            Assert.Equal(1, _sandbox.Onc.OpenSessions);
        }

        Assert.Equal(1, _sandbox.Onc.SessionsClosed); // disposing the client closed its session
        Assert.Equal(0, _sandbox.Onc.OpenSessions);
    }

    [Fact]
    public async Task Refused_changes_answer_error_codes_the_sdk_reports()
    {
        await using var client = _sandbox.CreateOncClient();

        var duplicate = await Assert.ThrowsAsync<OncException>(() => client.AddCampaignAsync(NewCampaign(Demo)));
        Assert.Equal(OncSandboxErrorCodes.AlreadyExists, duplicate.Code);
        var missing = await Assert.ThrowsAsync<OncException>(() => client.DeleteCampaignAsync(Guid.NewGuid()));
        Assert.Equal(OncSandboxErrorCodes.NotFound, missing.Code);
        var orphan = await Assert.ThrowsAsync<OncException>(() => client.AddCampaignContactAsync(new OutboundNotificationContactInfo
        {
            CampaignId = Guid.NewGuid(),
            SMSCommInfo = new CommunicationInfo { Destination = "+15550100001" },
        }));
        Assert.Equal((OncSandboxErrorCodes.NotFound, "AddCampaignContact"), (orphan.Code, orphan.Operation));
        var noList = await Assert.ThrowsAsync<OncException>(() => client.GetCampaignContactsAsync(Guid.NewGuid()));
        Assert.Contains("without a list", noList.Message, StringComparison.Ordinal);
        Assert.Equal(1, _sandbox.Onc.SessionsOpened); // each failure was checked against a working session: nothing reopened
    }

    [Fact]
    public async Task Every_raw_answer_is_a_text_xml_envelope_the_contract_schema_accepts()
    {
        var session = await _soap.OpenSessionAsync();
        var contactId = Guid.NewGuid();
        var newCampaign = Guid.NewGuid();
        var calls = new (string Operation, string Parameters)[]
        {
            ("GetCampaignListing", $"<sessionId>{session}</sessionId>"),
            ("GetCampaigns", $"<sessionId>{session}</sessionId>"),
            ("AddCampaign", $"<sessionId>{session}</sessionId><campaign><a:ID>{newCampaign}</a:ID><a:ShortName>Raw</a:ShortName></campaign>"),
            ("GetCampaign", $"<sessionId>{session}</sessionId><campaignId>{newCampaign}</campaignId>"),
            ("UpdateCampaign", $"<sessionId>{session}</sessionId><campaign><a:ID>{newCampaign}</a:ID><a:ShortName>Raw 2</a:ShortName></campaign>"),
            ("AddCampaignContact", $"<sessionId>{session}</sessionId><contact><a:CampaignId>{newCampaign}</a:CampaignId><a:Id>{contactId}</a:Id><a:SMSCommInfo><a:Destination>+15550100300</a:Destination></a:SMSCommInfo></contact>"),
            ("GetCampaignContactsListing", $"<sessionId>{session}</sessionId><campaignId>{newCampaign}</campaignId>"),
            ("GetCampaignContacts", $"<sessionId>{session}</sessionId><campaignId>{newCampaign}</campaignId>"),
            ("UpdateCampaignContact", $"<sessionId>{session}</sessionId><contact><a:CampaignId>{newCampaign}</a:CampaignId><a:Id>{contactId}</a:Id><a:VoiceCommInfo><a:Destination>+15550100301</a:Destination></a:VoiceCommInfo></contact>"),
            ("DeleteCampaignContact", $"<sessionId>{session}</sessionId><campaignId>{newCampaign}</campaignId><contactId>{contactId}</contactId>"),
            ("DeleteCampaign", $"<sessionId>{session}</sessionId><campaignId>{newCampaign}</campaignId>"),
            ("CloseAPISession", $"<sessionId>{session}</sessionId>"),
        };

        foreach (var (operation, parameters) in calls)
        {
            var answer = await _soap.CallAsync(operation, parameters);

            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Equal("text/xml; charset=utf-8", answer.ContentType);
            Assert.Equal(Tempuri + (operation + "Response"), answer.Body.Name);
            Assert.Empty(Validate(answer.Body));
            var result = answer.Result(operation + "Result");
            Assert.False(answer.IsNil(operation + "Result"), operation);
            if (result.Elements(Dc + "ErrorCode").Any() || !result.HasElements && int.TryParse(result.Value, out _))
                Assert.Equal("0", (string?)result.Element(Dc + "ErrorCode") ?? result.Value);
        }
        var open = await _soap.CallAsync("OpenAPISession", "<accountId>sandbox-account</accountId><username>sandbox-user</username><password>sandbox-password</password>");
        Assert.Empty(Validate(open.Body));
        Assert.Equal(13, typeof(IOutboundNotificationsCampaignsService).GetMethods().Length); // every operation of the contract was called above
    }

    [Fact]
    public async Task Stored_records_are_answered_whole_in_contract_order_as_WCF_writes_them()
    {
        var session = await _soap.OpenSessionAsync();
        var id = Guid.NewGuid();
        // Only two members sent; the answer still holds all seventeen, with defaults and nils.
        await _soap.CallAsync("AddCampaign", $"<sessionId>{session}</sessionId><campaign><a:ID>{id.ToString().ToUpperInvariant()}</a:ID><a:IsPaused>1</a:IsPaused></campaign>");

        var answer = await _soap.CallAsync("GetCampaign", $"<sessionId>{session}</sessionId><campaignId>{id}</campaignId>");

        var campaign = answer.Result("GetCampaignResult");
        Assert.Equal(
            ["ActiveFromDate", "ActiveFromTime", "ActiveToDate", "ActiveToTime", "AllowAddingContactsFromExternalApps", "CreationDateUtc", "Description",
             "EmailNotificationRequired", "ID", "IsPaused", "OutboundEmailNotificationInfo", "OutboundSMSNotificationInfo", "OutboundVoiceNotificationInfo",
             "ProgressWSEndpoint", "ShortName", "SmsNotificationRequired", "VoiceNotificationRequired"],
            campaign.Elements().Select(e => e.Name.LocalName));
        Assert.All(campaign.Elements(), e => Assert.Equal(Dc, e.Name.Namespace));
        Assert.Equal(id.ToString(), (string?)campaign.Element(Dc + "ID"));
        Assert.Equal("true", (string?)campaign.Element(Dc + "IsPaused"));
        Assert.Equal("PT0S", (string?)campaign.Element(Dc + "ActiveFromTime"));
        Assert.Equal("2025-06-01T08:00:00Z", (string?)campaign.Element(Dc + "CreationDateUtc"));
        Assert.Equal("true", campaign.Element(Dc + "ShortName")!.Attribute(Xsi + "nil")?.Value);
        Assert.Empty(Validate(answer.Body));
    }

    [Fact]
    public async Task Members_out_of_order_or_in_another_namespace_are_ignored_as_WCF_ignores_them()
    {
        var session = await _soap.OpenSessionAsync();
        var id = Guid.NewGuid();
        // ShortName (member 14) before Description (member 6): Description is out of order. Subject in the service namespace is not the member.
        await _soap.CallAsync("AddCampaign", $"<sessionId>{session}</sessionId><campaign><a:ID>{id}</a:ID><a:ShortName>Kept</a:ShortName><a:Description>Dropped</a:Description><ProgressWSEndpoint>Dropped</ProgressWSEndpoint></campaign>");

        var campaign = (await _soap.CallAsync("GetCampaign", $"<sessionId>{session}</sessionId><campaignId>{id}</campaignId>")).Result("GetCampaignResult");

        Assert.Equal("Kept", (string?)campaign.Element(Dc + "ShortName"));
        Assert.Equal("true", campaign.Element(Dc + "Description")!.Attribute(Xsi + "nil")?.Value);
        Assert.Equal("true", campaign.Element(Dc + "ProgressWSEndpoint")!.Attribute(Xsi + "nil")?.Value);
    }

    [Fact]
    public async Task Wrong_credentials_answer_an_error_code_and_an_empty_session_id()
    {
        var answer = await _soap.CallAsync("OpenAPISession", "<accountId>sandbox-account</accountId><username>sandbox-user</username><password>wrong</password>");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(OncSandboxErrorCodes.InvalidCredentials.ToString(), answer.Member("OpenAPISessionResult", "ErrorCode"));
        Assert.Equal("", answer.Member("OpenAPISessionResult", "SessionId"));
        Assert.Contains("Invalid credentials", answer.Member("OpenAPISessionResult", "Description"), StringComparison.Ordinal);
        Assert.Empty(Validate(answer.Body));

        var options = _sandbox.CreateOncClientOptions();
        options.Password = "not-the-password";
        await using var client = new OncClient(options);
        var error = await Assert.ThrowsAsync<AccessTokenException>(() => client.GetCampaignsAsync());
        Assert.Equal((OncSandboxErrorCodes.InvalidCredentials.ToString(), DeliveryState.NotSent), (error.ErrorCode, error.Delivery));
        var refused = Assert.IsType<OncException>(error.InnerException);
        Assert.True(refused.IsSessionFailure);
        Assert.Equal(OncSandboxErrorCodes.InvalidCredentials, refused.Code);
        Assert.DoesNotContain("not-the-password", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, _sandbox.Onc.SessionsOpened);
    }

    [Fact]
    public async Task Sessions_expire_after_20_idle_minutes_and_every_call_pushes_the_expiry_back()
    {
        var session = await _soap.OpenSessionAsync();
        var listing = $"<sessionId>{session}</sessionId>";
        for (var i = 0; i < 4; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(19)); // over an hour in all, never 20 minutes idle
            Assert.False((await _soap.CallAsync("GetCampaignListing", listing)).IsNil("GetCampaignListingResult"));
        }

        _time.Advance(TimeSpan.FromMinutes(20));

        Assert.True((await _soap.CallAsync("GetCampaignListing", listing)).IsNil("GetCampaignListingResult"));
        Assert.True((await _soap.CallAsync("GetCampaign", $"{listing}<campaignId>{Demo}</campaignId>")).IsNil("GetCampaignResult"));
        var add = await _soap.CallAsync("AddCampaign", $"{listing}<campaign><a:ShortName>Late</a:ShortName></campaign>");
        Assert.Equal(OncSandboxErrorCodes.InvalidSession.ToString(), (string)add.Result("AddCampaignResult"));
        Assert.Equal(0, _sandbox.Onc.OpenSessions);
    }

    [Fact]
    public async Task The_sdk_client_reopens_a_session_the_sandbox_expired_on_the_shared_clock()
    {
        await using var client = _sandbox.CreateOncClient();
        await client.GetCampaignListingAsync();

        _time.Advance(TimeSpan.FromMinutes(25));
        var campaigns = await client.GetCampaignsAsync();

        Assert.Equal(2, campaigns.Count);
        Assert.Equal(2, _sandbox.Onc.SessionsOpened);
        Assert.Equal(1, _sandbox.Onc.CallsTo("GetCampaigns")); // the client knew the session was gone: no failed attempt
    }

    [Fact]
    public async Task Closing_or_expiring_ends_sessions_with_the_documented_error_signal()
    {
        var first = await _soap.OpenSessionAsync();
        var second = await _soap.OpenSessionAsync();

        var close = await _soap.CallAsync("CloseAPISession", $"<sessionId>{first}</sessionId>");
        Assert.Equal("0", close.Member("CloseAPISessionResult", "ErrorCode"));
        Assert.True((await _soap.CallAsync("GetCampaigns", $"<sessionId>{first}</sessionId>")).IsNil("GetCampaignsResult"));
        var again = await _soap.CallAsync("CloseAPISession", $"<sessionId>{first}</sessionId>");
        Assert.Equal(OncSandboxErrorCodes.InvalidSession.ToString(), again.Member("CloseAPISessionResult", "ErrorCode"));
        Assert.False((await _soap.CallAsync("GetCampaigns", $"<sessionId>{second}</sessionId>")).IsNil("GetCampaignsResult"));

        _sandbox.Onc.ExpireCredentials();

        Assert.True((await _soap.CallAsync("GetCampaigns", $"<sessionId>{second}</sessionId>")).IsNil("GetCampaignsResult"));
        Assert.True((await _soap.CallAsync("GetCampaignListing", "<sessionId>never-issued</sessionId>")).IsNil("GetCampaignListingResult"));
        Assert.True((await _soap.CallAsync("GetCampaignListing", "")).IsNil("GetCampaignListingResult"));
    }

    [Fact]
    public async Task Documented_contact_rules_are_enforced()
    {
        var session = await _soap.OpenSessionAsync();

        var tooManyRetries = await _soap.CallAsync("AddCampaignContact", $"<sessionId>{session}</sessionId><contact><a:CampaignId>{Demo}</a:CampaignId><a:SMSCommInfo><a:Destination>+15550100301</a:Destination><a:RetryCount>256</a:RetryCount></a:SMSCommInfo></contact>");
        var noCampaign = await _soap.CallAsync("AddCampaignContact", $"<sessionId>{session}</sessionId><contact><a:CampaignId>{Guid.NewGuid()}</a:CampaignId></contact>");
        var nilContact = await _soap.CallAsync("AddCampaignContact", $"<sessionId>{session}</sessionId><contact i:nil=\"true\"/>");
        var duplicate = await _soap.CallAsync("AddCampaignContact", $"<sessionId>{session}</sessionId><contact><a:CampaignId>{Demo}</a:CampaignId><a:Id>{OncSandboxOptions.DemoContact}</a:Id></contact>");
        var serviceAssignedId = await _soap.CallAsync("AddCampaignContact", $"<sessionId>{session}</sessionId><contact><a:CampaignId>{Demo}</a:CampaignId><a:SMSCommInfo><a:Destination>+15550100302</a:Destination><a:RetryCount>255</a:RetryCount></a:SMSCommInfo></contact>");

        Assert.Equal(OncSandboxErrorCodes.InvalidValue.ToString(), (string)tooManyRetries.Result("AddCampaignContactResult"));
        Assert.Equal(OncSandboxErrorCodes.NotFound.ToString(), (string)noCampaign.Result("AddCampaignContactResult"));
        Assert.Equal(OncSandboxErrorCodes.InvalidValue.ToString(), (string)nilContact.Result("AddCampaignContactResult"));
        Assert.Equal(OncSandboxErrorCodes.AlreadyExists.ToString(), (string)duplicate.Result("AddCampaignContactResult"));
        Assert.Equal("0", (string)serviceAssignedId.Result("AddCampaignContactResult"));
        var listing = await _soap.CallAsync("GetCampaignContactsListing", $"<sessionId>{session}</sessionId><campaignId>{Demo}</campaignId>");
        var ids = listing.Result("GetCampaignContactsListingResult").Elements(Arrays + "guid").Select(e => Guid.Parse(e.Value)).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal(OncSandboxOptions.DemoContact, ids[0]);
        Assert.NotEqual(Guid.Empty, ids[1]);
    }

    [Fact]
    public async Task Malformed_envelopes_and_unknown_actions_get_500_soap_faults_as_WCF_sends_them()
    {
        var session = await _soap.OpenSessionAsync();
        var notXml = await _soap.PostAsync($"\"{ActionPrefix}GetCampaigns\"", "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><GetCampaigns");
        var notSoap = await _soap.PostAsync($"\"{ActionPrefix}GetCampaigns\"", "<GetCampaigns xmlns=\"http://tempuri.org/\"/>");
        var unknownAction = await _soap.PostAsync($"\"{ActionPrefix}SendEverything\"", Envelope("<SendEverything xmlns=\"http://tempuri.org/\"/>"));
        var noAction = await _soap.PostAsync(null, Envelope($"<GetCampaigns xmlns=\"http://tempuri.org/\"><sessionId>{session}</sessionId></GetCampaigns>"));
        var wrongNamespace = await _soap.PostAsync($"\"{ActionPrefix}GetCampaigns\"", Envelope($"<GetCampaigns xmlns=\"http://example.com/\"><sessionId>{session}</sessionId></GetCampaigns>"));
        var badGuid = await _soap.CallAsync("GetCampaign", $"<sessionId>{session}</sessionId><campaignId>not-a-guid</campaignId>");
        var soap12 = await _soap.PostAsync(null, Envelope("<GetCampaigns xmlns=\"http://tempuri.org/\"/>"), "application/soap+xml; charset=utf-8");

        foreach (var fault in new[] { notXml, notSoap, unknownAction, noAction, wrongNamespace, badGuid })
        {
            Assert.Equal(HttpStatusCode.InternalServerError, fault.Status);
            Assert.Equal("text/xml; charset=utf-8", fault.ContentType);
            Assert.Equal("en-US", fault.Body.Element("faultstring")!.Attribute(XNamespace.Xml + "lang")?.Value);
        }
        Assert.Equal("s:Client", notXml.Fault.Code);
        Assert.Equal("s:Client", notSoap.Fault.Code);
        Assert.Equal("a:ActionNotSupported", unknownAction.Fault.Code);
        Assert.Equal("http://schemas.microsoft.com/ws/2005/05/addressing/none", unknownAction.Body.Element("faultcode")!.GetNamespaceOfPrefix("a")!.NamespaceName);
        Assert.Contains($"Action '{ActionPrefix}SendEverything'", unknownAction.Fault.Reason, StringComparison.Ordinal);
        Assert.Contains("ContractFilter mismatch", noAction.Fault.Reason, StringComparison.Ordinal);
        Assert.Equal("a:DeserializationFailed", wrongNamespace.Fault.Code);
        Assert.Contains("namespace 'http://example.com/'", wrongNamespace.Fault.Reason, StringComparison.Ordinal);
        Assert.Equal("a:DeserializationFailed", badGuid.Fault.Code);
        Assert.Contains("campaignId", badGuid.Fault.Reason, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, soap12.Status);
        Assert.Equal(0, _sandbox.Onc.CallsTo("SendEverything"));
    }

    [Fact]
    public async Task Reset_restores_the_configured_account_and_ends_sessions()
    {
        await using (var client = _sandbox.CreateOncClient())
        {
            await client.DeleteCampaignAsync(Demo);
            await client.AddCampaignAsync(NewCampaign(Guid.NewGuid()));
        }
        var session = await _soap.OpenSessionAsync();

        _sandbox.Onc.Reset();

        Assert.Equal([Demo, OncSandboxOptions.PausedCampaign], _sandbox.Onc.CampaignIds);
        Assert.Equal(1, _sandbox.Onc.ContactCount(Demo));
        Assert.True((await _soap.CallAsync("GetCampaigns", $"<sessionId>{session}</sessionId>")).IsNil("GetCampaignsResult"));
    }

    [Fact]
    public async Task Configured_credentials_timeout_and_account_are_used()
    {
        var id = Guid.NewGuid();
        var options = new SandboxOptions { TimeProvider = _time };
        options.Onc.AccountId = "acct-7";
        options.Onc.Password = "other-password";
        options.Onc.SessionIdleTimeout = TimeSpan.FromSeconds(30);
        options.Onc.Campaigns.Clear();
        options.Onc.Contacts.Clear();
        options.Onc.Campaigns.Add(new OncSandboxCampaign { Id = id, ShortName = "Mine", EmailFrom = "me@example.com" });
        await using var sandbox = await SandboxServer.StartAsync(options);
        await using var client = sandbox.CreateOncClient();

        var campaign = Assert.Single(await client.GetCampaignsAsync());

        Assert.Equal((id, "Mine", "me@example.com", true), (campaign.ID, campaign.ShortName, campaign.OutboundEmailNotificationInfo!.FromEmail, campaign.EmailNotificationRequired));
        Assert.Equal(TimeSpan.FromSeconds(30), sandbox.CreateOncClientOptions().SessionIdleTimeout);
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, sandbox.Onc.OpenSessions);
        Assert.Single(await client.GetCampaignsAsync()); // the client knew the session had idled out and opened another
        Assert.Equal(2, sandbox.Onc.SessionsOpened);
    }

    [Fact]
    public async Task Provider_states_make_the_pact_examples_valid_until_teardown()
    {
        using var control = new HttpClient { BaseAddress = _sandbox.BaseUrl };
        async Task StateAsync(string state, object parameters, string action = "setup")
        {
            using var response = await control.PostAsJsonAsync("_sandbox/provider-states/onc", new { state, @params = parameters, action });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var campaign = Guid.NewGuid();
        var contact = Guid.NewGuid();

        await StateAsync("the API user's credentials are valid", new { accountId = "pact-account", username = "pact-user" });
        await StateAsync("an API session is open", new { sessionId = "pact-session" });
        await StateAsync("a campaign exists", new { campaignId = campaign });
        await StateAsync("a contact exists in the campaign", new { campaignId = campaign, contactId = contact });

        var open = await _soap.CallAsync("OpenAPISession", "<accountId>pact-account</accountId><username>pact-user</username><password>any</password>");
        Assert.Equal("0", open.Member("OpenAPISessionResult", "ErrorCode"));
        var listing = await _soap.CallAsync("GetCampaignListing", "<sessionId>pact-session</sessionId>");
        Assert.Equal([campaign.ToString()], listing.Result("GetCampaignListingResult").Elements().Select(e => e.Value));
        var contacts = await _soap.CallAsync("GetCampaignContacts", $"<sessionId>pact-session</sessionId><campaignId>{campaign}</campaignId>");
        var stored = Assert.Single(contacts.Result("GetCampaignContactsResult").Elements());
        Assert.DoesNotContain(stored.Descendants(), e => e.Attribute(Xsi + "nil") is not null); // every field set, as the contract's example
        Assert.Empty(Validate(contacts.Body));

        await StateAsync("no campaign has the id", new { campaignId = campaign });
        Assert.True((await _soap.CallAsync("GetCampaign", $"<sessionId>pact-session</sessionId><campaignId>{campaign}</campaignId>")).IsNil("GetCampaignResult"));

        await StateAsync("an API session is open", new { sessionId = "pact-session" }, action: "teardown");
        Assert.True((await _soap.CallAsync("GetCampaignListing", "<sessionId>pact-session</sessionId>")).IsNil("GetCampaignListingResult"));
        var refused = await _soap.CallAsync("OpenAPISession", "<accountId>pact-account</accountId><username>pact-user</username><password>any</password>");
        Assert.Equal(OncSandboxErrorCodes.InvalidCredentials.ToString(), refused.Member("OpenAPISessionResult", "ErrorCode"));
        Assert.Equal([Demo, OncSandboxOptions.PausedCampaign], _sandbox.Onc.CampaignIds);
    }

    [Fact]
    public async Task Provider_states_for_refusals_and_expiry_and_the_expire_control_end_sessions()
    {
        using var control = new HttpClient { BaseAddress = _sandbox.BaseUrl };
        var session = await _soap.OpenSessionAsync();

        using (var expire = await control.PostAsync("_sandbox/onc/expire-credentials", null))
            Assert.Equal(HttpStatusCode.OK, expire.StatusCode);
        Assert.True((await _soap.CallAsync("GetCampaigns", $"<sessionId>{session}</sessionId>")).IsNil("GetCampaignsResult"));

        using (var refuse = await control.PostAsJsonAsync("_sandbox/provider-states/ONC", new { state = "the API user's credentials are not valid" }))
            Assert.Equal(HttpStatusCode.OK, refuse.StatusCode);
        var refused = await _soap.CallAsync("OpenAPISession", "<accountId>sandbox-account</accountId><username>sandbox-user</username><password>sandbox-password</password>");
        Assert.Equal(OncSandboxErrorCodes.InvalidCredentials.ToString(), refused.Member("OpenAPISessionResult", "ErrorCode"));

        using var unknown = await control.PostAsJsonAsync("_sandbox/provider-states/onc", new { state = "the moon is full" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    private static OutboundNotificationCampaignInfo NewCampaign(Guid id) => new()
    {
        ID = id,
        ShortName = "Autumn",
        Description = "Autumn sale",
        ActiveFromDate = new DateTime(2025, 9, 1),
        ActiveFromTime = new TimeSpan(8, 0, 0),
        ActiveToDate = new DateTime(2025, 11, 30),
        ActiveToTime = new TimeSpan(20, 15, 0),
        CreationDateUtc = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        AllowAddingContactsFromExternalApps = true,
        SmsNotificationRequired = true,
        OutboundSMSNotificationInfo = new OutboundSMSNotificationInfo { Enabled = true, FromNumber = "+15550100", TextToSend = "Autumn sale" },
        OutboundVoiceNotificationInfo = new OutboundVoiceNotificationInfo { Enabled = true, CallingName = "ACME", CallingNumber = "+15550101", DialMsTimeout = 25_000, MaxDeliveryRetries = 2, MaxTextPlays = 1, RetryMinutesInterval = 10, TTSVoiceName = "en-GB", TextToSpeak = "Autumn sale" },
    };
}
