using Microsoft.Extensions.Options;

namespace Contracts.Onc;

/// <summary>Validates <see cref="OncClientOptions"/> when the host starts (registered by <c>AddOncClient</c>).</summary>
public sealed class OncClientOptionsValidator : IValidateOptions<OncClientOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, OncClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Validate().ToResult();
    }
}
