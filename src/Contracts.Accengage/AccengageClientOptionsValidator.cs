using Microsoft.Extensions.Options;

namespace Contracts.Accengage;

/// <summary>Validates <see cref="AccengageClientOptions"/> when the host starts (registered by <c>AddAccengageClient</c>).</summary>
public sealed class AccengageClientOptionsValidator : IValidateOptions<AccengageClientOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AccengageClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Validate().ToResult();
    }
}
