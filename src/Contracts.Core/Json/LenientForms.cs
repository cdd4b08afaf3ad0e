namespace Contracts.Core.Json;

/// <summary>
/// The alternative forms a contract may declare for one field with <c>x-lenient</c>, because the vendor's document
/// shows or allows them; the generator turns the declaration into the converter named for the forms (see
/// <see cref="LenientFormConverter"/>, <see cref="LenientListOrSingle{T}"/>, <see cref="LenientObjectOrMerged{T}"/>). Nothing is read
/// leniently unless its field declares it.
/// </summary>
public static class LenientForms
{
    /// <summary>A date-time may also be written <c>YYYY-MM-DD hh:mm:ss</c> (or <c>YYYY-MM-DD</c>), read as UTC.</summary>
    public const string DateSpace = "date-space";

    /// <summary>A list may come as a single object (a list of one); an object may come as an array of objects (merged, first value wins).</summary>
    public const string ObjectOrArray = "object-or-array";

    /// <summary>A string may come as a number or a boolean (its text is kept); a number or a boolean may come as a string.</summary>
    public const string StringOrNumber = "string-or-number";

    /// <summary>A string may come as an object or an array: its JSON text is kept.</summary>
    public const string ObjectAsText = "object-as-text";

    /// <summary>Every form this SDK knows; a contract naming another fails generation's build.</summary>
    public static IReadOnlyList<string> All { get; } = [DateSpace, ObjectOrArray, StringOrNumber, ObjectAsText];
}
