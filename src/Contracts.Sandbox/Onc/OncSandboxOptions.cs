namespace Contracts.Sandbox.Onc;

/// <summary>What the simulated ONC account holds: the API user's credentials, the session idle timeout, campaigns and contacts.</summary>
public sealed class OncSandboxOptions
{
    /// <summary>The SMS campaign the sandbox holds by default ("Appointment reminders").</summary>
    public static readonly Guid DemoCampaign = Guid.Parse("5b0d3c52-7c1e-4c1f-9a53-2f6a1d0e8a11");

    /// <summary>The paused voice and email campaign the sandbox holds by default ("Service outage").</summary>
    public static readonly Guid PausedCampaign = Guid.Parse("c7a4e1f0-3b2d-4e5f-8a9b-0c1d2e3f4a5b");

    /// <summary>The contact of <see cref="DemoCampaign"/> the sandbox holds by default.</summary>
    public static readonly Guid DemoContact = Guid.Parse("9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a");

    /// <summary>The account id OpenAPISession accepts.</summary>
    public string AccountId { get; set; } = "sandbox-account";

    /// <summary>The user name OpenAPISession accepts.</summary>
    public string UserName { get; set; } = "sandbox-user";

    /// <summary>The password OpenAPISession accepts.</summary>
    public string Password { get; set; } = "sandbox-password";

    /// <summary>How long a session lives without a call. Default 20 minutes, as ONC documents; every accepted call restarts it.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>The campaigns the account holds at start and after a reset.</summary>
    public IList<OncSandboxCampaign> Campaigns { get; } =
    [
        new()
        {
            Id = DemoCampaign,
            ShortName = "Appointment reminders",
            Description = "SMS reminders the day before an appointment",
            CreationDateUtc = new DateTime(2025, 1, 6, 9, 30, 0, DateTimeKind.Utc),
            SmsFromNumber = "+15550100100",
            SmsText = "Reminder: your appointment is tomorrow. Reply C to cancel.",
        },
        new()
        {
            Id = PausedCampaign,
            ShortName = "Service outage",
            Description = "Voice and email notice of planned maintenance",
            IsPaused = true,
            CreationDateUtc = new DateTime(2025, 2, 3, 14, 0, 0, DateTimeKind.Utc),
            VoiceCallingNumber = "+15550100200",
            VoiceText = "Our service will be down for maintenance tonight from 1 to 3 AM.",
            EmailFrom = "status@example.com",
            EmailSubject = "Planned maintenance tonight",
            EmailHtml = "<p>Our service will be down for maintenance tonight from 1 to 3 AM.</p>",
        },
    ];

    /// <summary>The contacts the account holds at start and after a reset; each names one of <see cref="Campaigns"/>.</summary>
    public IList<OncSandboxContact> Contacts { get; } =
    [
        new() { Id = DemoContact, CampaignId = DemoCampaign, SmsDestination = "+15550100001" },
    ];
}

/// <summary>A campaign the simulated account holds: the fields people set most; the others take their defaults.</summary>
public sealed class OncSandboxCampaign
{
    /// <summary>The campaign's ID.</summary>
    public Guid Id { get; set; }

    /// <summary>Name of the campaign.</summary>
    public string ShortName { get; set; } = "";

    /// <summary>Comments or description.</summary>
    public string? Description { get; set; }

    /// <summary>Whether the campaign's execution is paused.</summary>
    public bool IsPaused { get; set; }

    /// <summary>When the campaign was created (UTC).</summary>
    public DateTime CreationDateUtc { get; set; }

    /// <summary>SMS origination number; SMS delivery is enabled when set.</summary>
    public string? SmsFromNumber { get; set; }

    /// <summary>SMS text.</summary>
    public string? SmsText { get; set; }

    /// <summary>Voice calling number; voice delivery is enabled when set.</summary>
    public string? VoiceCallingNumber { get; set; }

    /// <summary>Text spoken on voice calls.</summary>
    public string? VoiceText { get; set; }

    /// <summary>Email sender; email delivery is enabled when set.</summary>
    public string? EmailFrom { get; set; }

    /// <summary>Email subject.</summary>
    public string? EmailSubject { get; set; }

    /// <summary>Email HTML body.</summary>
    public string? EmailHtml { get; set; }
}

/// <summary>A contact the simulated account holds; its status is what AddCampaignContact would set (pending where there is a destination).</summary>
public sealed class OncSandboxContact
{
    /// <summary>The contact's ID.</summary>
    public Guid Id { get; set; }

    /// <summary>The campaign it belongs to.</summary>
    public Guid CampaignId { get; set; }

    /// <summary>Phone number for SMS, if any.</summary>
    public string? SmsDestination { get; set; }

    /// <summary>Phone number for voice calls, if any.</summary>
    public string? VoiceDestination { get; set; }

    /// <summary>Email address, if any.</summary>
    public string? EmailDestination { get; set; }
}
