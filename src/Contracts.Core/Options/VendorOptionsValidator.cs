using Microsoft.Extensions.Options;

namespace Contracts.Core;

/// <summary>Validates any vendor's options when the host starts (registered by every <c>AddXxxClient</c>).</summary>
/// <typeparam name="TOptions">The vendor's options type.</typeparam>
public sealed class VendorOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : VendorClientOptions
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Validate().ToResult();
    }
}
