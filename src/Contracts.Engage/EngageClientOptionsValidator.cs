using Microsoft.Extensions.Options;

namespace Contracts.Engage;

/// <summary>Validates <see cref="EngageClientOptions"/> when the host starts (registered by <c>AddEngageClient</c>).</summary>
public sealed class EngageClientOptionsValidator : IValidateOptions<EngageClientOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, EngageClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Validate().ToResult();
    }
}
