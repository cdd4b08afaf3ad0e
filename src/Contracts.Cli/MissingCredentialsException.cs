namespace Contracts.Cli;

/// <summary>
/// A command needs a vendor's credentials and none are configured, and --sandbox was not given: it stops before
/// sending anything (exit 2), naming what to set.
/// </summary>
public sealed class MissingCredentialsException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="vendor">The vendor as users know it.</param>
    /// <param name="howToConfigure">The variables and settings keys that give the credentials.</param>
    public MissingCredentialsException(string vendor, string howToConfigure)
        : base($"No {vendor} credentials: {howToConfigure}. To try notify without an account, pass --sandbox (or set {CliSettings.SandboxVariable}=1). Nothing was sent.")
    {
        Vendor = vendor;
    }

    /// <summary>The vendor whose credentials are missing.</summary>
    public string Vendor { get; }
}
