namespace Contracts.Ogangi.Tests;

/// <summary>
/// Signatures checked against values computed here (<see cref="IndependentSignature"/>, RFC 4231) and the ones
/// the contract prints, never against the SDK's own signer alone.
/// </summary>
public sealed class SignatureTests : IAsyncLifetime
{
    private FakeOgangi _ogangi = null!;

    public async Task InitializeAsync() => _ogangi = await FakeOgangi.StartAsync();

    public async Task DisposeAsync() => await _ogangi.DisposeAsync();

    [Fact]
    public void Rfc4231_test_case_2_is_reproduced()
    {
        // RFC 4231 section 4.3: key "Jefe", data "what do ya want for nothing?".
        var signer = new OgangiSigner("Jefe");

        Assert.Equal("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", signer.Sign(["what do ya want for nothing?"]));
    }

    [Fact]
    public void Vendor_login_example_signs_the_parameters_only()
    {
        // Ogangi's own signature example: a login call signs 8/peter/peterpassword and calls {base}/login/8/peter/peterpassword/{publicKey}/{signature}.
        string[] parameters = ["8", "peter", "peterpassword"];
        var signature = new OgangiSigner("peterPrivateKey").Sign(parameters);

        Assert.Equal("8/peter/peterpassword", OgangiSigner.SignedText(parameters));
        Assert.Equal(IndependentSignature.Of("peterPrivateKey", "8/peter/peterpassword"), signature);
        Assert.Matches("^[0-9a-f]{64}$", signature);
    }

    [Fact]
    public void Key_is_used_as_its_utf8_bytes()
        => Assert.Equal(IndependentSignature.Of("clé-ñ-🔑", "8/a"), new OgangiSigner("clé-ñ-🔑").Sign(["8", "a"]));

    public static TheoryData<string> WorkedExamples() => OgangiOperations.Ids();

    [Theory]
    [MemberData(nameof(WorkedExamples))]
    public void Contract_worked_example_is_a_correct_hmac(string operationId)
    {
        var operation = ContractDocument.Operation(operationId);

        Assert.NotNull(operation.WorkedSignedText);
        Assert.Equal(operation.WorkedSignature, IndependentSignature.Of(FakeOgangi.PrivateKey, operation.WorkedSignedText!));
    }

    [Theory]
    [MemberData(nameof(WorkedExamples))]
    public async Task Client_sends_the_contract_worked_example_signature(string operationId)
    {
        var operation = ContractDocument.Operation(operationId);
        using var client = new OgangiClient(_ogangi.Options());

        await OgangiOperations.Calls[operationId](client);

        var call = Assert.Single(_ogangi.Calls);
        Assert.Equal(operation.WorkedSignedText, call.SignedText);
        Assert.Equal(operation.WorkedSignature, call.Signature);
        Assert.Equal(FakeOgangi.PublicKey, call.PublicKey);
    }

    [Fact]
    public async Task Wrong_private_key_is_refused_by_a_server_that_checks_signatures()
    {
        using var client = new OgangiClient(_ogangi.Options(o => o.PrivateKey = "not-the-key"));

        var error = await Assert.ThrowsAsync<OgangiException>(() => OgangiOperations.Calls["sendSms"](client));

        Assert.True(error.IsBadSignature);
        Assert.False(Assert.Single(_ogangi.Calls).SignatureIsValid(FakeOgangi.PrivateKey));
    }

    [Fact]
    public async Task Generated_operations_are_signed_and_take_no_key_or_signature()
    {
        using var client = new OgangiClient(_ogangi.Options());

        var answer = await client.SendMtAsync(8, "19893653744", "null", "13056708084", "T0dBTkdJIFRFU1QgTUVTU0FHRQ==");

        var call = Assert.Single(_ogangi.Calls);
        Assert.Equal("ae7a3fecf6915dfb0c8a06b707eddb6c1dc271f56486d55f9b746e031c5193f0", call.Signature);
        Assert.Equal(FakeOgangi.PublicKey, call.PublicKey);
        Assert.Equal("OK", answer.Status);
    }

    [Fact]
    public void No_public_operation_takes_a_public_key_or_a_signature()
    {
        var parameters = typeof(IOgangiClient).GetMethods().Concat(typeof(OgangiClient).GetMethods())
            .SelectMany(m => m.GetParameters())
            .Select(p => p.Name);

        Assert.DoesNotContain("publicKey", parameters);
        Assert.DoesNotContain("signature", parameters);
    }
}
