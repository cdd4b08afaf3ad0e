namespace Contracts.Engage;

/// <summary>The ENGAGE deployment a client talks to.</summary>
public enum EngageRegion
{
    /// <summary>United States: https://api.fo-engage.com</summary>
    UnitedStates,

    /// <summary>International: https://api.engage-ae.com</summary>
    International,
}
