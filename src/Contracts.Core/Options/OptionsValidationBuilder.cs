using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace Contracts.Core;

/// <summary>
/// Collects option errors as "Type.Option message" lines, so a bad setting is named in the start-up failure.
/// </summary>
public sealed class OptionsValidationBuilder
{
    private readonly string _optionsName;
    private readonly List<string> _failures = [];

    /// <summary>Starts collecting errors for the options type called <paramref name="optionsName"/>.</summary>
    public OptionsValidationBuilder(string optionsName) => _optionsName = optionsName;

    /// <summary>Records that <paramref name="option"/> is wrong, and why.</summary>
    public void Add(string option, string problem) => _failures.Add($"{_optionsName}.{option} {problem}");

    /// <summary>
    /// Records that <paramref name="option"/> is required when <paramref name="value"/> is empty; <paramref name="what"/>
    /// says what it is. Returns whether the value is there, so that a vendor checks its form only then.
    /// </summary>
    public bool Require(string option, [NotNullWhen(true)] string? value, string what)
    {
        if (!string.IsNullOrWhiteSpace(value))
            return true;
        Add(option, $"is required ({what}).");
        return false;
    }

    /// <summary>Records that <paramref name="option"/> must be one of <typeparamref name="TEnum"/>'s names when <paramref name="value"/> is none of them.</summary>
    public void Defined<TEnum>(string option, TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
            Add(option, $"must be {string.Join(", ", Enum.GetNames<TEnum>()[..^1])} or {Enum.GetNames<TEnum>()[^1]} (got {value}).");
    }

    /// <summary>Records that <paramref name="option"/> must be at least <paramref name="minimum"/> when <paramref name="value"/> is less.</summary>
    public void AtLeast(string option, long value, long minimum)
    {
        if (value < minimum)
            Add(option, string.Create(CultureInfo.InvariantCulture, $"must be at least {minimum} (got {value})."));
    }

    /// <summary>The errors collected so far.</summary>
    public IReadOnlyList<string> Failures => _failures;

    /// <summary>The result for <see cref="IValidateOptions{TOptions}"/>.</summary>
    public ValidateOptionsResult ToResult()
        => _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every error, if there is any.</summary>
    public void ThrowIfInvalid(Type optionsType)
    {
        if (_failures.Count > 0)
            throw new OptionsValidationException(_optionsName, optionsType, _failures);
    }
}
