using Contracts.Pacts.Matchers;
using Contracts.Pacts.Native;

namespace Contracts.Pacts.Tests;

/// <summary>The shared shapes accept what they name and refuse look-alikes, in the engine's own regex dialect.</summary>
public sealed class PatternTests
{
    [Theory]
    [InlineData(Patterns.Uuid, "3e1b9b27-d1f9-4c8d-800f-bb534d6928d6", true)]
    [InlineData(Patterns.Uuid, "3E1B9B27-D1F9-4C8D-800F-BB534D6928D6", true)]
    [InlineData(Patterns.Uuid, "3e1b9b27d1f94c8d800fbb534d6928d6", false)]
    [InlineData(Patterns.Uuid, "{3e1b9b27-d1f9-4c8d-800f-bb534d6928d6}", false)]
    [InlineData(Patterns.E164, "+15018902005", true)]
    [InlineData(Patterns.E164, "+5014008029", true)]
    [InlineData(Patterns.E164, "15018902005", false)]
    [InlineData(Patterns.E164, "+05018902005", false)]
    [InlineData(Patterns.E164, "+1234567890123456", false)]
    [InlineData(Patterns.Jwt, "eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjF9.c2ln", true)]
    [InlineData(Patterns.Jwt, "eyJhbGciOiJub25lIn0.eyJleHAiOjF9.", true)]
    [InlineData(Patterns.Jwt, "not a token", false)]
    [InlineData(Patterns.BearerJwt, "Bearer eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjF9.c2ln", true)]
    [InlineData(Patterns.BearerJwt, "eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjF9.c2ln", false)]
    [InlineData(Patterns.UtcDateTime, "2020-02-10T16:00:00Z", true)]
    [InlineData(Patterns.UtcDateTime, "2020-02-10T16:00:00.123Z", true)]
    [InlineData(Patterns.UtcDateTime, "2020-02-10T16:00:00+01:00", false)]
    public void A_pattern_accepts_its_shape_and_refuses_look_alikes(string pattern, string value, bool accepted)
    {
        PactEngine.EnsureLoaded();

        Assert.Equal(accepted, PactFfi.CheckRegex(pattern, value));
    }
}
