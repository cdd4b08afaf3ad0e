using Contracts.Core;
using static Contracts.Onc.Tests.OncContract;

namespace Contracts.Onc.Tests;

/// <summary>
/// Answers the data-contract serializer would misread without a word — elements in another namespace, members out of
/// order, a reply with no result — are refused loudly with the answer attached; what the contract allows to grow
/// (a member it does not name yet) is read. And a session the service reports lost with a SOAP fault is recovered
/// without ever sending a call twice when the service may have acted on it.
/// </summary>
public sealed class ReadingPolicyTests : FakeOncTests
{
    private const string OtherNamespace = "http://schemas.datacontract.org/2004/07/ONC.V2";

    [Fact]
    public async Task A_listing_whose_items_are_in_another_namespace_is_refused_not_read_as_empty()
    {
        Answer("GetCampaignListing", $"<GetCampaignListingResponse xmlns=\"{Tempuri}\"><GetCampaignListingResult xmlns:b=\"http://schemas.microsoft.com/2003/10/Serialization/Arrays/v2\"><b:guid>{Samples.SpringCampaign}</b:guid></GetCampaignListingResult></GetCampaignListingResponse>");
        await using var client = new OncClient(Onc.Options());

        var error = await Assert.ThrowsAsync<UnreadableAnswerException>(() => client.GetCampaignListingAsync());

        Assert.Equal(("ONC", "GetCampaignListing", 200), (error.Vendor, error.Operation, error.StatusCode));
        Assert.Contains("Arrays/v2}guid", error.Reason, StringComparison.Ordinal);
        Assert.Contains(Samples.SpringCampaign.ToString(), error.RawBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Campaigns_in_another_namespace_are_refused_not_read_as_an_empty_list()
    {
        Answer("GetCampaigns", $"<GetCampaignsResponse xmlns=\"{Tempuri}\"><GetCampaignsResult xmlns:a=\"{OtherNamespace}\" xmlns:i=\"{Xsi}\">{Samples.CampaignXml("a:OutboundNotificationCampaignInfo", Samples.SpringCampaign, "Spring").Replace(Dc.NamespaceName, OtherNamespace, StringComparison.Ordinal)}</GetCampaignsResult></GetCampaignsResponse>");
        await using var client = new OncClient(Onc.Options());

        var error = await Assert.ThrowsAsync<UnreadableAnswerException>(() => client.GetCampaignsAsync());

        Assert.Contains("ONC.V2}OutboundNotificationCampaignInfo", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_campaign_whose_members_are_in_another_namespace_is_refused_not_read_with_default_fields()
    {
        var campaign = Samples.CampaignXml("GetCampaignResult", Samples.SpringCampaign, "Spring").Replace(Dc.NamespaceName, OtherNamespace, StringComparison.Ordinal);
        Answer("GetCampaign", $"<GetCampaignResponse xmlns=\"{Tempuri}\">{campaign}</GetCampaignResponse>");
        await using var client = new OncClient(Onc.Options());

        var error = await Assert.ThrowsAsync<UnreadableAnswerException>(() => client.GetCampaignAsync(Samples.SpringCampaign));

        Assert.Contains("ONC.V2}ActiveFromDate", error.Reason, StringComparison.Ordinal);
        Assert.Equal(DeliveryState.Unknown, error.Delivery);
    }

    [Fact]
    public async Task A_member_out_of_the_contracts_order_is_refused_because_the_serializer_would_drop_it()
    {
        var campaign = Samples.CampaignXml("GetCampaignResult", Samples.SpringCampaign, "Spring");
        var shortName = "<a:ShortName>Spring</a:ShortName>";
        campaign = campaign.Replace(shortName, "", StringComparison.Ordinal).Replace("<a:ActiveFromDate>", shortName + "<a:ActiveFromDate>", StringComparison.Ordinal);
        Answer("GetCampaign", $"<GetCampaignResponse xmlns=\"{Tempuri}\">{campaign}</GetCampaignResponse>");
        await using var client = new OncClient(Onc.Options());

        var error = await Assert.ThrowsAsync<UnreadableAnswerException>(() => client.GetCampaignAsync(Samples.SpringCampaign));

        Assert.Contains("ActiveFromDate after ShortName", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_campaign_with_none_of_the_contracts_members_is_refused()
    {
        Answer("GetCampaign", $"<GetCampaignResponse xmlns=\"{Tempuri}\"><GetCampaignResult xmlns:a=\"{Dc}\"><a:Colour>blue</a:Colour></GetCampaignResult></GetCampaignResponse>");
        await using var client = new OncClient(Onc.Options());

        var error = await Assert.ThrowsAsync<UnreadableAnswerException>(() => client.GetCampaignAsync(Samples.SpringCampaign));

        Assert.Contains("none of the members", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_the_contract_does_not_name_yet_is_read_past_and_kept()
    {
        var campaign = Samples.CampaignXml("GetCampaignResult", Samples.SpringCampaign, "Spring")
            .Replace("<a:IsPaused>", "<a:Priority>7</a:Priority><a:IsPaused>", StringComparison.Ordinal);
        Answer("GetCampaign", $"<GetCampaignResponse xmlns=\"{Tempuri}\">{campaign}</GetCampaignResponse>");
        await using var client = new OncClient(Onc.Options());

        var read = await client.GetCampaignAsync(Samples.SpringCampaign);

        Assert.NotNull(read);
        Assert.Equal((Samples.SpringCampaign, "Spring", true), (read.ID, read.ShortName, read.IsPaused));
        Assert.NotNull(read.ExtensionData);
    }

    [Fact]
    public async Task An_empty_AddCampaignResponse_is_not_a_success()
    {
        Answer("AddCampaign", $"<AddCampaignResponse xmlns=\"{Tempuri}\"/>");
        await using var client = new OncClient(Onc.Options());

        var error = await Assert.ThrowsAsync<UnreadableAnswerException>(() => client.AddCampaignAsync(Samples.NewCampaign(Samples.AutumnCampaign)));

        Assert.Contains("no AddCampaignResult", error.Reason, StringComparison.Ordinal);
        Assert.Equal(DeliveryState.Unknown, error.Delivery); // the service answered 200: it may have added the campaign
        Assert.Equal(1, Onc.Count("AddCampaign"));
    }

    [Fact]
    public async Task Contacts_whose_answers_are_empty_are_reported_unknown_in_a_batch_and_never_sent_twice()
    {
        Answer("AddCampaignContact", $"<AddCampaignContactResponse xmlns=\"{Tempuri}\"></AddCampaignContactResponse>");
        await using var client = new OncClient(Onc.Options());
        var contacts = Enumerable.Range(0, 3).Select(i => Samples.NewContact($"+1555010{i}", Guid.NewGuid())).ToList();

        var report = await client.AddCampaignContactsAsync(contacts);

        Assert.Equal((0, 3), (report.AcceptedCount, report.UnknownCount));
        Assert.All(report.Unknown, u => Assert.IsType<UnreadableAnswerException>(u.Failure.Exception));
        Assert.Equal(3, Onc.Count("AddCampaignContact"));
    }

    [Fact]
    public async Task An_error_code_in_another_namespace_is_refused_with_the_answer_not_read_as_success()
    {
        Answer("AddCampaignContact", $"<AddCampaignContactResponse xmlns=\"{Tempuri}\"><AddCampaignContactResult xmlns=\"{OtherNamespace}\">0</AddCampaignContactResult></AddCampaignContactResponse>");
        await using var client = new OncClient(Onc.Options());

        var error = await Assert.ThrowsAsync<UnreadableAnswerException>(() => client.AddCampaignContactAsync(Samples.NewContact("+15550123", Samples.Contact)));

        Assert.Equal(("ONC", "AddCampaignContact", 200, DeliveryState.Unknown), (error.Vendor, error.Operation, error.StatusCode, error.Delivery));
        Assert.Contains("ONC.V2}AddCampaignContactResult", error.Reason, StringComparison.Ordinal);
        Assert.Contains($"<AddCampaignContactResult xmlns=\"{OtherNamespace}\">0</AddCampaignContactResult>", error.RawBody, StringComparison.Ordinal);
        Assert.Equal(1, Onc.Count("AddCampaignContact"));
    }

    [Theory]
    [InlineData("<s:Body/>")]
    [InlineData("<s:Body></s:Body>")]
    [InlineData("<s:Body>\n  </s:Body>")]
    public async Task An_error_code_reply_with_an_empty_body_is_not_a_success(string body)
    {
        Onc.Intercept = (op, _) => op == "DeleteCampaign" ? (200, "text/xml; charset=utf-8", $"<s:Envelope xmlns:s=\"{Soap}\">{body}</s:Envelope>") : null;
        await using var client = new OncClient(Onc.Options());

        var error = await Assert.ThrowsAsync<UnreadableAnswerException>(() => client.DeleteCampaignAsync(Samples.SpringCampaign));

        Assert.Equal(("DeleteCampaign", 200, DeliveryState.Unknown), (error.Operation, error.StatusCode, error.Delivery));
        Assert.Contains("{http://tempuri.org/}DeleteCampaignResponse", error.Reason, StringComparison.Ordinal);
        Assert.Contains(body, error.RawBody, StringComparison.Ordinal);
        Assert.Equal(1, Onc.Count("DeleteCampaign"));
    }

    [Theory]
    [InlineData("<s:Body/>")]
    [InlineData("<s:Body></s:Body>")]
    [InlineData("<s:Body>\n  </s:Body>")]
    public async Task A_listing_answered_with_an_empty_body_is_unreadable_not_the_services_refusal(string body)
    {
        Onc.Intercept = (op, _) => op == "GetCampaignContactsListing" ? (200, "text/xml; charset=utf-8", $"<s:Envelope xmlns:s=\"{Soap}\">{body}</s:Envelope>") : null;
        await using var client = new OncClient(Onc.Options());

        var error = await Assert.ThrowsAsync<UnreadableAnswerException>(() => client.GetCampaignContactsListingAsync(Samples.SpringCampaign));

        Assert.Equal(("GetCampaignContactsListing", 200, DeliveryState.Unknown), (error.Operation, error.StatusCode, error.Delivery));
        Assert.Contains("{http://tempuri.org/}GetCampaignContactsListingResponse", error.Reason, StringComparison.Ordinal);
        Assert.Contains(body, error.RawBody, StringComparison.Ordinal);
        Assert.Equal(1, Onc.Count("GetCampaignContactsListing"));
    }

    [Theory]
    [InlineData("0", "7")]
    [InlineData("7", "0")]
    [InlineData("0", "0")]
    public async Task An_error_code_given_twice_is_refused_not_read_by_its_first(string first, string second)
    {
        Answer("AddCampaignContact", $"<AddCampaignContactResponse xmlns=\"{Tempuri}\"><AddCampaignContactResult>{first}</AddCampaignContactResult><AddCampaignContactResult>{second}</AddCampaignContactResult></AddCampaignContactResponse>");
        await using var client = new OncClient(Onc.Options());

        var error = await Assert.ThrowsAsync<UnreadableAnswerException>(() => client.AddCampaignContactAsync(Samples.NewContact("+15550123", Samples.Contact)));

        Assert.Equal(DeliveryState.Unknown, error.Delivery);
        Assert.Contains("AddCampaignContactResult more than once", error.Reason, StringComparison.Ordinal);
        Assert.Equal(1, Onc.Count("AddCampaignContact"));
    }

    [Fact]
    public async Task A_fault_answered_with_200_may_have_acted_and_is_unknown_not_refused()
    {
        Answer("AddCampaignContact", "<s:Fault><faultcode>s:Server</faultcode><faultstring>Destination rejected</faultstring></s:Fault>");
        await using var client = new OncClient(Onc.Options());

        var error = await Assert.ThrowsAsync<OncException>(() => client.AddCampaignContactAsync(Samples.NewContact("+15550123", Samples.Contact)));

        Assert.Equal(("Destination rejected", 200, DeliveryState.Unknown), (error.Description, error.StatusCode, error.Delivery));
        Assert.Equal(1, Onc.Count("AddCampaignContact"));
    }

    [Fact]
    public async Task An_error_code_after_a_member_the_contract_does_not_name_yet_is_read()
    {
        Answer("DeleteCampaignContact", $"<DeleteCampaignContactResponse xmlns=\"{Tempuri}\"><Warning>kept for later</Warning><DeleteCampaignContactResult> 7 </DeleteCampaignContactResult></DeleteCampaignContactResponse>");
        await using var client = new OncClient(Onc.Options());

        var error = await Assert.ThrowsAsync<OncException>(() => client.DeleteCampaignContactAsync(Samples.SpringCampaign, Samples.Contact));

        Assert.Equal((7, DeliveryState.Refused), (error.Code, error.Delivery));
    }

    [Fact]
    public async Task A_nil_error_code_is_refused_not_read_as_success()
    {
        Answer("UpdateCampaignContact", $"<UpdateCampaignContactResponse xmlns=\"{Tempuri}\"><UpdateCampaignContactResult xmlns:i=\"{Xsi}\" i:nil=\"true\"/></UpdateCampaignContactResponse>");
        await using var client = new OncClient(Onc.Options());

        var error = await Assert.ThrowsAsync<UnreadableAnswerException>(() => client.UpdateCampaignContactAsync(Samples.NewContact("+15550123", Samples.Contact)));

        Assert.Contains("UpdateCampaignContactResult is nil", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_code_that_is_no_number_is_an_answer_that_cannot_be_read_and_may_have_acted()
    {
        Answer("AddCampaignContact", $"<AddCampaignContactResponse xmlns=\"{Tempuri}\"><AddCampaignContactResult>zero</AddCampaignContactResult></AddCampaignContactResponse>");
        await using var client = new OncClient(Onc.Options());

        var error = await Assert.ThrowsAsync<OncException>(() => client.AddCampaignContactAsync(Samples.NewContact("+15550123", Samples.Contact)));

        Assert.Equal((200, DeliveryState.Unknown, null), (error.StatusCode, error.Delivery, error.Code));
        Assert.Contains("could not be read as SOAP", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Onc.Count("AddCampaignContact"));
    }

    [Fact]
    public async Task A_reply_wrapper_the_contract_does_not_define_is_refused()
    {
        Answer("DeleteCampaign", $"<RemoveCampaignResponse xmlns=\"{Tempuri}\"><RemoveCampaignResult>0</RemoveCampaignResult></RemoveCampaignResponse>");
        await using var client = new OncClient(Onc.Options());

        var error = await Assert.ThrowsAsync<UnreadableAnswerException>(() => client.DeleteCampaignAsync(Samples.SpringCampaign));

        Assert.Contains("{http://tempuri.org/}RemoveCampaignResponse", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_raw_body_of_an_unreadable_answer_never_holds_the_password_or_the_session()
    {
        Onc.Intercept = (operation, _) => operation == "GetCampaigns"
            ? (200, "text/xml; charset=utf-8", Envelope($"<GetCampaignsResponse xmlns=\"{Tempuri}\"><Echo>{FakeOnc.Password} {string.Join(' ', Onc.IssuedSessions)}</Echo></GetCampaignsResponse>"))
            : null;
        await using var client = new OncClient(Onc.Options());

        var error = await Assert.ThrowsAsync<UnreadableAnswerException>(() => client.GetCampaignsAsync());

        Assert.Contains("<Echo>", error.RawBody, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeOnc.Password, error.ToString() + error.RawBody, StringComparison.Ordinal);
        Assert.All(Onc.IssuedSessions, session => Assert.DoesNotContain(session, error.RawBody!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_read_whose_session_the_service_reports_lost_with_a_fault_is_reopened_and_sent_once_more()
    {
        Onc.SessionLossAsFault = true;
        await using var client = new OncClient(Onc.Options());
        await client.GetCampaignListingAsync();
        Onc.ExpireSessions();

        var campaigns = await client.GetCampaignsAsync();

        Assert.NotEmpty(campaigns);
        Assert.Equal(2, Onc.Count("OpenAPISession"));
        Assert.Equal(2, Onc.Count("GetCampaigns")); // faulted on the lost session, answered on the new one
    }

    [Fact]
    public async Task A_contact_whose_session_the_service_reports_lost_with_a_fault_is_not_sent_again_and_the_next_call_opens_a_new_session()
    {
        // A check that faults as the call did cannot tell a lost session from a service failing for a moment, after
        // which the contact may have been stored: it is not sent again, and is reported unknown.
        Onc.SessionLossAsFault = true;
        await using var client = new OncClient(Onc.Options());
        await client.GetCampaignListingAsync();
        Onc.ExpireSessions();

        var error = await Assert.ThrowsAsync<OncException>(() => client.AddCampaignContactAsync(Samples.NewContact("+15550123", Samples.Contact)));

        Assert.Equal(("AddCampaignContact", DeliveryState.Unknown), (error.Operation, error.Delivery));
        Assert.Equal((1, 1), (Onc.Count("AddCampaignContact"), Onc.Count("OpenAPISession")));
        await client.AddCampaignContactAsync(Samples.NewContact("+15550124"));
        Assert.Equal(2, Onc.Count("OpenAPISession")); // the faulted session was dropped
        var sent = Onc.CallsTo("AddCampaignContact");
        Assert.Equal(Onc.IssuedSessions[1], (string?)sent[1].Element(Tempuri + "sessionId"));
    }

    [Fact]
    public async Task A_fault_on_a_working_session_is_the_calls_own_and_nothing_is_sent_again()
    {
        Onc.Intercept = (operation, _) => operation == "AddCampaignContact"
            ? (500, "text/xml; charset=utf-8", Envelope("<s:Fault><faultcode>s:Server</faultcode><faultstring xml:lang=\"en-US\">Destination rejected</faultstring></s:Fault>"))
            : null;
        await using var client = new OncClient(Onc.Options());

        var error = await Assert.ThrowsAsync<OncException>(() => client.AddCampaignContactAsync(Samples.NewContact("+15550123", Samples.Contact)));

        Assert.Equal("Destination rejected", error.Description);
        Assert.Equal((1, 1), (Onc.Count("AddCampaignContact"), Onc.Count("OpenAPISession")));
        Assert.Equal(1, Onc.Count("GetCampaignListing")); // the session check
    }

    [Fact]
    public async Task When_the_service_faults_on_everything_the_call_is_not_sent_again()
    {
        await using var client = new OncClient(Onc.Options());
        await client.GetCampaignListingAsync();
        Onc.FaultEverything = true;

        var error = await Assert.ThrowsAsync<OncException>(() => client.AddCampaignContactAsync(Samples.NewContact("+15550123", Samples.Contact)));

        Assert.Equal("Internal error", error.Description);
        Assert.Equal(DeliveryState.Unknown, error.Delivery);
        Assert.Equal(1, Onc.Count("AddCampaignContact"));
        Assert.Equal(1, Onc.Count("OpenAPISession")); // a call that changes something is not retried on a new session
    }

    [Fact]
    public async Task When_the_service_faults_on_everything_a_read_is_tried_on_a_new_session_and_its_fault_stands()
    {
        await using var client = new OncClient(Onc.Options());
        await client.GetCampaignListingAsync();
        Onc.FaultEverything = true;

        var error = await Assert.ThrowsAsync<OncException>(() => client.GetCampaignsAsync());

        Assert.Equal(("GetCampaigns", "Internal error"), (error.Operation, error.Description));
        Assert.Equal(1, Onc.Count("GetCampaigns"));
        Assert.Equal(2, Onc.Count("OpenAPISession")); // a new session was tried, and its check faulted too
    }

    private void Answer(string operation, string body)
    {
        var previous = Onc.Intercept;
        Onc.Intercept = (op, attempt) => op == operation ? (200, "text/xml; charset=utf-8", Envelope(body)) : previous(op, attempt);
    }

    private static string Envelope(string body) => $"<s:Envelope xmlns:s=\"{Soap}\"><s:Body>{body}</s:Body></s:Envelope>";
}
