using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace Contracts.Core.Authentication;

/// <summary>
/// Reads the <c>exp</c> claim of a JWT without validating it: the client only needs to know when to refresh,
/// the issuer remains the judge of validity.
/// </summary>
public static class JwtExpiry
{
    /// <summary>Returns true and the expiry when <paramref name="token"/> is a JWT whose payload has a numeric <c>exp</c>.</summary>
    public static bool TryRead(string token, out DateTimeOffset expiresAt) => TryReadClaim(token, "exp"u8, out expiresAt);

    /// <summary>Returns true and the issue time when <paramref name="token"/> is a JWT whose payload has a numeric <c>iat</c>.</summary>
    public static bool TryReadIssuedAt(string token, out DateTimeOffset issuedAt) => TryReadClaim(token, "iat"u8, out issuedAt);

    private static bool TryReadClaim(string token, ReadOnlySpan<byte> claim, out DateTimeOffset expiresAt)
    {
        expiresAt = default;
        var firstDot = token.IndexOf('.', StringComparison.Ordinal);
        if (firstDot < 0)
            return false;
        var secondDot = token.IndexOf('.', firstDot + 1);
        if (secondDot < 0)
            return false;

        var payload = token.AsSpan(firstDot + 1, secondDot - firstDot - 1);
        var buffer = ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(payload.Length));
        try
        {
            if (Base64Url.DecodeFromChars(payload, buffer, out _, out var written) != OperationStatus.Done)
                return false;
            return TryReadTime(buffer.AsSpan(0, written), claim, out expiresAt);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool TryReadTime(ReadOnlySpan<byte> json, ReadOnlySpan<byte> claim, out DateTimeOffset expiresAt)
    {
        expiresAt = default;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isExp = reader.ValueTextEquals(claim);
                if (!reader.Read())
                    return false;
                if (isExp && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var seconds))
                {
                    expiresAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
                    return true;
                }
                reader.Skip();
            }
            return false;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
