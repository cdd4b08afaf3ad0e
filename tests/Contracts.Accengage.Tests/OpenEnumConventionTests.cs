using Contracts.Testing;

namespace Contracts.Accengage.Tests;

/// <summary>
/// No model the client reads holds a closed enum: an enum property fails the whole read on a value it does not
/// list, so every enumeration in an answer is a string (open), with its known values beside it.
/// </summary>
public sealed class OpenEnumConventionTests
{
    [Fact]
    public void No_model_property_is_a_closed_enum() => Assert.Empty(ModelConventions.ClosedEnumMembers(typeof(AccengageClient).Assembly));
}
