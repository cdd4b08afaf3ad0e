namespace Contracts.Ogangi;

// The limits themselves are generated from the contract's x-sdk-limit (generated/Ogangi/OgangiClient.g.cs).
public static partial class OgangiLimits
{
    /// <summary>What an absent optional path parameter is written as (and signed as): the literal <c>null</c>.</summary>
    public const string AbsentValue = "null";
}
