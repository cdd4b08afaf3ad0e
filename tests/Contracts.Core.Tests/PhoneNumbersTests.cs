using Contracts.Core.Validation;

namespace Contracts.Core.Tests;

public sealed class PhoneNumbersTests
{
    [Theory]
    [InlineData("+15018902005")]
    [InlineData("+5014008029")]
    [InlineData("+12")]
    [InlineData("+123456789012345")] // 15 digits, the E.164 maximum
    public void Accepts_e164(string number) => Assert.True(PhoneNumbers.IsE164(number));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("15018902005")] // no plus
    [InlineData("+05018902005")] // leading zero
    [InlineData("+1 501 890 2005")]
    [InlineData("+1-501-890-2005")]
    [InlineData("+1234567890123456")] // 16 digits
    [InlineData("+1")]
    [InlineData("+1501890200５")] // full-width digit
    public void Rejects_anything_else(string? number) => Assert.False(PhoneNumbers.IsE164(number));
}
