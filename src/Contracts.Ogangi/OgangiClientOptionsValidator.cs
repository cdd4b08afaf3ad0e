using Microsoft.Extensions.Options;

namespace Contracts.Ogangi;

/// <summary>Validates <see cref="OgangiClientOptions"/> when the host starts (registered by <c>AddOgangiClient</c>).</summary>
public sealed class OgangiClientOptionsValidator : IValidateOptions<OgangiClientOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, OgangiClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Validate().ToResult();
    }
}
