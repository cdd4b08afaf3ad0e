using Contracts.Testing;

namespace Contracts.Engage.Tests;

/// <summary>
/// No model the client reads holds a closed enum: an enum member fails the whole read on a value it does not list
/// (the same rule as every vendor's models).
/// </summary>
public sealed class OpenEnumConventionTests
{
    [Fact]
    public void No_model_member_is_a_closed_enum() => Assert.Empty(ModelConventions.ClosedEnumMembers(typeof(EngageClient).Assembly));
}
