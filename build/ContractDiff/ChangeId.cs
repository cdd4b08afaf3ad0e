using System.Security.Cryptography;
using System.Text;

namespace Contracts.ContractDiff;

/// <summary>
/// The id of a change: the first 12 hex digits of the SHA-256 of its contract path and identity. Short enough to
/// copy into the acknowledgement file, long enough never to collide within one repository's changes.
/// </summary>
internal static class ChangeId
{
    public const int Length = 12;

    public static string Of(string contract, string identity)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(contract + "\n" + identity));
        return Convert.ToHexStringLower(hash)[..Length];
    }
}
