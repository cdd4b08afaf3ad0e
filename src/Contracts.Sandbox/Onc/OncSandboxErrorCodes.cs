namespace Contracts.Sandbox.Onc;

/// <summary>
/// The error codes the simulated ONC answers. The vendor documents only that 0 means success and any other number a
/// failure; these values are the sandbox's own, so test against "not 0" rather than against them where you can.
/// </summary>
public static class OncSandboxErrorCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>OpenAPISession: the account id, user name or password is wrong (SessionId is empty).</summary>
    public const int InvalidCredentials = 1;

    /// <summary>The session id is unknown, closed, or was idle past the timeout.</summary>
    public const int InvalidSession = 2;

    /// <summary>No campaign (or no contact within the campaign) has the given id.</summary>
    public const int NotFound = 3;

    /// <summary>A campaign or contact with the given id already exists.</summary>
    public const int AlreadyExists = 4;

    /// <summary>The campaign or contact breaks a documented rule (it is missing, or a RetryCount is outside 0 to 255).</summary>
    public const int InvalidValue = 5;
}
