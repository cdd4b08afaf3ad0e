using System.Security.Cryptography;
using System.Text;
using Contracts.Core.Security;

namespace Contracts.Core.Tests;

public class HashingStreamTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(81_920)] // more than one copy buffer of HttpContent
    [InlineData(300_001)]
    public void A_body_copied_into_it_hashes_as_its_bytes_do(int length)
    {
        var bytes = Encoding.UTF8.GetBytes(new string('é', length / 2) + new string('x', length % 2));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);

        new ByteArrayContent(bytes).CopyTo(new HashingStream(hash), context: null, CancellationToken.None);
        hash.AppendData("key and time"u8);

        Assert.Equal(SHA1.HashData([.. bytes, .. "key and time"u8.ToArray()]), hash.GetHashAndReset());
    }

    [Fact]
    public void It_cannot_be_read_nor_sought()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        using var stream = new HashingStream(hash);

        Assert.False(stream.CanRead || stream.CanSeek);
        Assert.Throws<NotSupportedException>(() => stream.Read(new byte[1], 0, 1));
    }

    [Fact]
    public void A_missing_hash_is_refused_when_made_not_at_the_first_write()
    {
        // Public in Core: a null hash would otherwise surface as a NullReferenceException deep in HttpContent.CopyTo.
        Assert.Throws<ArgumentNullException>("hash", () => new HashingStream(null!));
    }
}
