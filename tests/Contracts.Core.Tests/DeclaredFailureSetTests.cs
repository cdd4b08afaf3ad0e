using Contracts.Core.Http;

namespace Contracts.Core.Tests;

/// <summary>
/// A request's shared failure set (built once per client by the generated code) and the failures declared one by one
/// beside it: mistakes are refused where they are made, and a one-by-one failure refines the set whichever came first.
/// </summary>
public sealed class DeclaredFailureSetTests
{
    private static OperationRequest Request() => new(new VendorOperation("getThing", "/things", true), HttpMethod.Get);

    [Fact]
    public void A_second_set_is_refused_rather_than_silently_replacing_the_first()
    {
        var request = Request().Fails([DeclaredFailure.Of(401, "unauthorised")]);

        Assert.Throws<InvalidOperationException>(() => request.Fails([DeclaredFailure.Of(404, "no such thing")]));
        Assert.Equal("unauthorised", request.FailureFor(401)?.Description);
    }

    [Fact]
    public void A_set_holding_null_is_refused_when_the_request_is_described()
    {
        var error = Assert.Throws<ArgumentException>(() => Request().Fails([DeclaredFailure.Of(401, "unauthorised"), null!]));

        Assert.Equal("failures", error.ParamName);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_failure_declared_one_by_one_refines_the_set_whichever_came_first(bool setFirst)
    {
        var request = setFirst
            ? Request().Fails([DeclaredFailure.Of(404, "shared"), DeclaredFailure.Of(500, "broken")]).Fails(404, "refined")
            : Request().Fails(404, "refined").Fails([DeclaredFailure.Of(404, "shared"), DeclaredFailure.Of(500, "broken")]);

        Assert.Equal("refined", request.FailureFor(404)?.Description);
        Assert.Equal("broken", request.FailureFor(500)?.Description);
        Assert.Null(request.FailureFor(418));
    }
}
